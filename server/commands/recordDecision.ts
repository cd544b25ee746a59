import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { closeConsultationsAtBaseline } from '../db/closeAtBaseline.js';
import { isUniqueViolation } from '../db/errors.js';
import { lockM6State } from '../db/m6Lock.js';
import { loadReadinessFacts } from '../db/queries/readinessFacts.js';
import type { Database } from '../db/schema.js';
import { computeReadiness } from '../domain/readiness.js';
import { createWorkOffItems } from './createWorkOffItems.js';
import {
  describeStateChanges,
  fingerprintReadiness,
  type PaperSnapshot,
} from '../domain/recommendationPaper.js';
import { badRequest, conflict } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';
import { decisionRecorded } from '../notifications/programmeEvents.js';

export interface DecisionInput {
  body: 'CCAG' | 'SRO';
  outcome: 'recommended' | 'not-recommended' | 'approved' | 'rejected';
  notes: string;
}

const OUTCOMES = {
  CCAG: ['recommended', 'not-recommended'],
  SRO: ['approved', 'rejected'],
} as const;

interface Paper {
  id: string;
  verdict: string;
  fingerprint: string;
  snapshot: string;
}

const ALREADY_BASELINED =
  'The M6 baseline has already been approved; no further decisions can change it';

/**
 * Records CCAG's recommendation or the SRO's decision on a paper. The SRO can approve only a
 * "ready" paper that CCAG recommended and whose snapshot still matches the system; approval
 * baselines every artefact's current version in the same transaction.
 *
 * Exactly once: M6 is baselined by one approval, whatever the concurrency. Decisions hold the M6
 * state lock, so they run one at a time on every instance: a decision sees the baseline (409) or
 * the latest CCAG decision that went before it, and no version is published during an approval.
 * The unique `baselines.singleton` is the database's own guard behind the lock. CCAG may record
 * more than one decision on a paper (the latest counts); serialising them keeps "latest" true.
 */
export async function recordDecision(db: Db, actor: Actor, paper: Paper, input: DecisionInput) {
  authorize(actor, 'decision.record', { body: input.body });
  if (!(OUTCOMES[input.body] as readonly string[]).includes(input.outcome)) {
    throw badRequest(
      `body.outcome: ${input.body} decides ${OUTCOMES[input.body].join(' or ')}, not ${input.outcome}`,
    );
  }
  try {
    return await decide(db, actor, paper, input);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(ALREADY_BASELINED);
    throw err;
  }
}

async function decide(db: Db, actor: Actor, paper: Paper, input: DecisionInput) {
  return db.kysely.transaction().execute(async (trx) => {
    await lockM6State(trx, db.dialect, 'exclusive');
    const baseline = await trx.selectFrom('baselines').select('id').executeTakeFirst();
    if (baseline) throw conflict(ALREADY_BASELINED);
    if (input.body === 'SRO' && input.outcome === 'approved')
      await checkApprovable({ ...db, kysely: trx }, paper);
    const decision = {
      id: newId(),
      recommendationId: paper.id,
      body: input.body,
      outcome: input.outcome,
      notes: input.notes,
      decidedBy: actor.id,
      decidedAt: nowIso(),
    };
    await trx.insertInto('decisions').values(decision).execute();
    await decisionRecorded(trx, actor.id, decision);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'decision.record',
      entity: 'recommendation',
      entityId: paper.id,
      after: decision,
    });
    const baselineId =
      input.outcome === 'approved'
        ? await createBaseline(trx, actor, paper.id, decision.decidedAt)
        : null;
    return { decision, baselineId };
  });
}

/** `db` is scoped to the decision's transaction: the check and the baseline see one state. */
async function checkApprovable(db: Db, paper: Paper): Promise<void> {
  const ccag = await db.kysely
    .selectFrom('decisions')
    .select('outcome')
    .where('recommendationId', '=', paper.id)
    .where('body', '=', 'CCAG')
    .orderBy('decidedAt', 'desc')
    .executeTakeFirst();
  if (ccag?.outcome !== 'recommended')
    throw conflict('The SRO can approve only a paper that CCAG has recommended');
  if (paper.verdict !== 'ready')
    throw conflict(
      'The SRO cannot approve a "not ready" paper; generate a new one when the blockers are cleared',
    );
  const now = computeReadiness(await loadReadinessFacts(db, nowIso()));
  if (fingerprintReadiness(now) !== paper.fingerprint) {
    const snapshot = JSON.parse(paper.snapshot) as PaperSnapshot;
    const changes = describeStateChanges(snapshot.readiness, now);
    throw conflict(
      `The state has changed since this paper was generated: ${changes.slice(0, 10).join('; ')}. Generate a new paper.`,
      { changes },
    );
  }
}

async function createBaseline(
  trx: Kysely<Database>,
  actor: Actor,
  recommendationId: string,
  at: string,
): Promise<string> {
  const id = newId();
  await trx.insertInto('baselines').values({ id, recommendationId, createdAt: at }).execute();
  const current = await trx
    .selectFrom('artefacts')
    .select(['id', 'currentVersionId'])
    .where('currentVersionId', 'is not', null)
    .execute();
  if (current.length) {
    await trx
      .insertInto('baselineVersions')
      .values(
        current.map((a) => ({
          baselineId: id,
          artefactId: a.id,
          versionId: a.currentVersionId as string,
        })),
      )
      .execute();
    await trx
      .updateTable('artefactVersions')
      .set({ isBaseline: 1 })
      .where(
        'id',
        'in',
        current.map((a) => a.currentVersionId as string),
      )
      .execute();
  }
  await closeConsultationsAtBaseline(trx, actor, id, at);
  const workOffItems = await createWorkOffItems(trx, id, at);
  await writeAudit(trx, {
    actorId: actor.id,
    action: 'baseline.create',
    entity: 'baseline',
    entityId: id,
    after: { recommendationId, versions: current.length, workOffItems },
  });
  return id;
}
