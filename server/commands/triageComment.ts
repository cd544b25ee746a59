import type { Kysely } from 'kysely';
import type { Db, DialectName } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { lockArtefactForComments, refreshCommentTallies } from '../db/commentTallies.js';
import { assertCurrentRevision, updateCommentAtRevision } from '../db/commentRevision.js';
import { lockM6State } from '../db/m6Lock.js';
import type { CommentRow } from '../db/queries/comments.js';
import type { Database } from '../db/schema.js';
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

export type TriagedComment = CommentRow & { artefactCode: string };

/**
 * The checks a decision must pass before anything is written: the actor's right to decide on this
 * code, the caller's revision (409 when stale) and the lifecycle (400, or 409 for a comment already
 * decided). Throws the first that fails.
 */
export function checkTriageDecision(
  actor: Actor,
  comment: TriagedComment,
  input: TriageInput,
): void {
  authorize(actor, 'comment.triage', { code: comment.artefactCode });
  assertCurrentRevision(comment, input.revision);
  const problem = checkTriage(comment.status, input);
  if (problem) {
    throw comment.status === 'open' || comment.status === 'triaged'
      ? badRequest(`body.status: ${problem}`)
      : conflict(problem);
  }
}

/**
 * Takes the locks a batch of decisions needs, in the order every holder takes them: the M6 lock
 * when any is a deferral (which may make a work-off item), then each artefact in id order.
 */
export async function lockForTriage(
  trx: Kysely<Database>,
  dialect: DialectName,
  decisions: readonly { artefactId: string; status: TriageStatus }[],
): Promise<void> {
  if (decisions.some((d) => d.status === 'deferred')) await lockM6State(trx, dialect, 'shared');
  for (const id of [...new Set(decisions.map((d) => d.artefactId))].sort())
    await lockArtefactForComments(trx, dialect, id);
}

/**
 * Records a checked decision inside the caller's transaction (after lockForTriage): the comment at
 * its next revision (409 if someone else changed it first), one TriageDecision, a work-off item
 * for a deferral, the notifications and one AuditEvent. The caller then refreshes the artefacts'
 * comment tallies, once for however many decisions it records.
 */
export async function recordTriage(
  trx: Kysely<Database>,
  dialect: DialectName,
  actor: Actor,
  comment: TriagedComment,
  input: TriageInput,
): Promise<{ revision: number }> {
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
  if (input.status === 'deferred')
    await addWorkOffItem(trx, dialect, actor.id, { commentId: comment.id });
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
}

/** A code body's decision on a comment: one TriageDecision and one AuditEvent, in one transaction. */
export async function triageComment(
  db: Db,
  actor: Actor,
  comment: TriagedComment,
  input: TriageInput,
): Promise<{ revision: number }> {
  checkTriageDecision(actor, comment, input);
  return db.kysely.transaction().execute(async (trx) => {
    await lockForTriage(trx, db.dialect, [
      { artefactId: comment.artefactId, status: input.status },
    ]);
    const recorded = await recordTriage(trx, db.dialect, actor, comment, input);
    await refreshCommentTallies(trx, [comment.artefactId]);
    return recorded;
  });
}
