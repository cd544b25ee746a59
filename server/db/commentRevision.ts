import type { Kysely, Updateable } from 'kysely';
import { conflict } from '../errors.js';
import type { CommentTable, Database } from './schema.js';

/**
 * Writes a change only if the comment is still at the revision the caller read, bumping it.
 * Of two concurrent writers with the same revision exactly one succeeds; the other gets 409.
 */
export async function updateCommentAtRevision(
  trx: Kysely<Database>,
  comment: { id: string; ref: string },
  revision: number,
  changes: Updateable<CommentTable>,
): Promise<number> {
  const result = await trx
    .updateTable('comments')
    .set({ ...changes, revision: revision + 1 })
    .where('id', '=', comment.id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw conflict(
      `Comment ${comment.ref} was changed by someone else since you loaded it (you had revision ${revision}); reload it and try again`,
    );
  }
  return revision + 1;
}
