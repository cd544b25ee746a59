import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { artefactWindows } from '../db/queries/consultations.js';
import { commentChangeProblem } from '../domain/consultationWindow.js';
import { conflict } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { can, type Actor } from '../policies/index.js';
import { commentReplied } from '../notifications/commentEvents.js';

/**
 * Anyone who can see a comment may reply in its thread while its consultation is open; after it
 * closes, only the code body that triages the comment (domain/consultationWindow.ts). Visibility
 * is checked by the caller's lookup.
 */
export async function replyToComment(
  db: Db,
  actor: Actor,
  comment: { id: string; ref: string; artefactId: string; artefactCode: string },
  body: string,
) {
  const reply = {
    id: newId(),
    commentId: comment.id,
    body,
    authorId: actor.id,
    createdAt: nowIso(),
  };
  await db.kysely.transaction().execute(async (trx) => {
    const windows = await artefactWindows(trx, comment.artefactId);
    const codeBody = can(actor, 'comment.triage', { code: comment.artefactCode });
    const problem = commentChangeProblem('reply', comment, windows, reply.createdAt, codeBody);
    if (problem) throw conflict(problem);
    await trx.insertInto('commentReplies').values(reply).execute();
    await commentReplied(trx, actor.id, reply);
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
