import type { Kysely, Updateable } from 'kysely';
import { conflict } from '../errors.js';
import type { CommentTable, Database } from './schema.js';

function staleRevision(comment: { ref: string }, revision: number) {
  return conflict(
    `Comment ${comment.ref} was changed by someone else since you loaded it (you had revision ${revision}); reload it and try again`,
  );
}

/** Fails fast, before any other check, when the caller's copy is already out of date. */
export function assertCurrentRevision(
  comment: { ref: string; revision: number },
  revision: number,
): void {
  if (comment.revision !== revision) throw staleRevision(comment, revision);
}

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
  if (Number(result.numUpdatedRows) !== 1) throw staleRevision(comment, revision);
  return revision + 1;
}
