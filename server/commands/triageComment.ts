import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { lockArtefactForComments, refreshCommentTallies } from '../db/commentTallies.js';
import { assertCurrentRevision, updateCommentAtRevision } from '../db/commentRevision.js';
import { lockM6State } from '../db/m6Lock.js';
import type { CommentRow } from '../db/queries/comments.js';
import { checkTriage, type TriageStatus } from '../domain/commentLifecycle.js';
import { badRequest, conflict } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';
import { addWorkOffItem } from './createWorkOffItems.js';
import { commentDecided } from '../notifications/commentEvents.js';

export interface TriageInput {
  status: TriageStatus;
  response: string;
  action?: string | null;
  changeId?: string | null;
  duplicateOf?: string | null;
  revision: number;
}

/** A code body's decision on a comment: one TriageDecision and one AuditEvent, in one transaction. */
export async function triageComment(
  db: Db,
  actor: Actor,
  comment: CommentRow & { artefactCode: string },
  input: TriageInput,
): Promise<{ revision: number }> {
  authorize(actor, 'comment.triage', { code: comment.artefactCode });
  assertCurrentRevision(comment, input.revision);
  const problem = checkTriage(comment.status, input);
  if (problem) {
    throw comment.status === 'open' || comment.status === 'triaged'
      ? badRequest(`body.status: ${problem}`)
      : conflict(problem);
  }
  return db.kysely.transaction().execute(async (trx) => {
    // A deferral may make a work-off item: the M6 lock first, as every holder takes it.
    if (input.status === 'deferred') await lockM6State(trx, db.dialect, 'shared');
    await lockArtefactForComments(trx, db.dialect, comment.artefactId);
    let duplicateOf: string | null = null;
    if (input.duplicateOf) {
      const original = await trx
        .selectFrom('comments')
        .select(['id', 'artefactId'])
        .where((eb) =>
          eb.or([eb('id', '=', input.duplicateOf ?? ''), eb('ref', '=', input.duplicateOf ?? '')]),
        )
        .executeTakeFirst();
      if (!original || original.id === comment.id || original.artefactId !== comment.artefactId) {
        throw badRequest('body.duplicateOf: must name another comment on the same artefact');
      }
      duplicateOf = original.id;
    }
    if (input.changeId) {
      const change = await trx
        .selectFrom('changes')
        .select('id')
        .where('id', '=', input.changeId)
        .executeTakeFirst();
      if (!change)
        throw badRequest(
          `body.changeId: unknown change "${input.changeId}"; add it to the change register first`,
        );
    }
    const decider = await trx
      .selectFrom('users')
      .select('name')
      .where('id', '=', actor.id)
      .executeTakeFirstOrThrow();
    const decidedAt = nowIso();
    const response = input.response.trim();
    const action = input.action?.trim() || null;
    const changeId = input.changeId || null;
    const revision = await updateCommentAtRevision(trx, comment, input.revision, {
      status: input.status,
      response,
      action,
      changeId,
      decidedByName: decider.name,
      decidedAt,
      updatedAt: decidedAt,
    });
    const decision = {
      id: newId(),
      commentId: comment.id,
      fromStatus: comment.status,
      status: input.status,
      response,
      action,
      changeId,
      duplicateOf,
      decidedBy: actor.id,
      decidedByName: decider.name,
      decidedAt,
    };
    await trx.insertInto('triageDecisions').values(decision).execute();
    await refreshCommentTallies(trx, [comment.artefactId]);
    if (input.status === 'deferred')
      await addWorkOffItem(trx, db.dialect, actor.id, { commentId: comment.id });
    await commentDecided(trx, actor.id, decision);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'comment.triage',
      entity: 'comment',
      entityId: comment.id,
      before: { status: comment.status, revision: input.revision, response: comment.response },
      after: { status: input.status, revision, response, decisionId: decision.id },
    });
    return { revision };
  });
}
