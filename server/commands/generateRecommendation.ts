import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { loadDueProcessAnswers } from '../db/queries/dueProcess.js';
import { loadReadinessFacts } from '../db/queries/readinessFacts.js';
import { summariseDueProcess } from '../domain/dueProcess.js';
import { computeReadiness } from '../domain/readiness.js';
import { fingerprintReadiness, type PaperSnapshot } from '../domain/recommendationPaper.js';
import { newId, nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';
import { PAPER_AUDIENCE, presentReadiness } from '../presenters/readiness.js';

/** Freezes the readiness evaluation of this moment into a CDWG recommendation paper. */
export async function generateRecommendation(db: Db, actor: Actor) {
  return db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    // Read through the transaction, so the paper and its fingerprint describe one state.
    const scoped: Db = { ...db, kysely: trx };
    const readiness = computeReadiness(await loadReadinessFacts(scoped, now));
    const snapshot: PaperSnapshot = {
      // Everybody reads a paper: it counts confidential comments but never names them.
      readiness: presentReadiness(readiness, PAPER_AUDIENCE),
      dueProcess: summariseDueProcess(await loadDueProcessAnswers(scoped)),
    };
    const recommendation = {
      id: newId(),
      verdict: readiness.ready ? ('ready' as const) : ('not-ready' as const),
      snapshot: JSON.stringify(snapshot),
      fingerprint: fingerprintReadiness(readiness),
      createdBy: actor.id,
      createdAt: now,
    };
    await trx.insertInto('recommendations').values(recommendation).execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'recommendation.generate',
      entity: 'recommendation',
      entityId: recommendation.id,
      after: { verdict: recommendation.verdict, fingerprint: recommendation.fingerprint },
    });
    return recommendation;
  });
}
