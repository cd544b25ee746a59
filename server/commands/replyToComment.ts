import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { newId, nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';

/** Anyone who can see a comment may reply in its thread; visibility is checked by the caller's lookup. */
export async function replyToComment(db: Db, actor: Actor, comment: { id: string }, body: string) {
  const reply = {
    id: newId(),
    commentId: comment.id,
    body,
    authorId: actor.id,
    createdAt: nowIso(),
  };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('commentReplies').values(reply).execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'comment.reply',
      entity: 'comment',
      entityId: comment.id,
      after: reply,
    });
  });
  return reply;
}
