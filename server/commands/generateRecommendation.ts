import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { loadDueProcessFacts } from '../db/queries/dueProcess.js';
import { loadReadinessFacts } from '../db/queries/readinessFacts.js';
import { loadPaperBaseline } from '../db/queries/paperBaseline.js';
import { loadPaperWorkOff } from '../db/queries/paperWorkOff.js';
import { summariseDueProcess } from '../domain/dueProcess.js';
import { computeReadiness } from '../domain/readiness.js';
import { fingerprintReadiness, type PaperSnapshot } from '../domain/recommendationPaper.js';
import { newId, nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';
import { paperGenerated } from '../notifications/programmeEvents.js';
import { PAPER_AUDIENCE, presentReadiness } from '../presenters/readiness.js';

/** Freezes the readiness evaluation of this moment into a CDWG recommendation paper. */
export async function generateRecommendation(db: Db, actor: Actor) {
  const now = nowIso();
  // One paper describes one state. Under PostgreSQL's READ COMMITTED each query has its own
  // snapshot, so a version published between two of them would be half in the paper; REPEATABLE
  // READ gives every read one snapshot (SQLite's transactions have one anyway). The paper is
  // stored by a second transaction: a repeatable-read transaction that writes fails when another
  // has updated the same row (the data version) meanwhile.
  const { readiness, snapshot } = await db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const scoped: Db = { ...db, kysely: trx };
      const evaluated = computeReadiness(await loadReadinessFacts(scoped, now));
      const frozen: PaperSnapshot = {
        // Everybody reads a paper: it counts confidential comments but never names them.
        readiness: presentReadiness(evaluated, PAPER_AUDIENCE),
        dueProcess: await loadDueProcessFacts(scoped).then((f) =>
          summariseDueProcess(f.responses, f.participants),
        ),
      };
      Object.assign(frozen, await loadPaperBaseline(scoped));
      frozen.workOff = await loadPaperWorkOff(scoped);
      return { readiness: evaluated, snapshot: frozen };
    });
  const recommendation = {
    id: newId(),
    verdict: readiness.ready ? ('ready' as const) : ('not-ready' as const),
    snapshot: JSON.stringify(snapshot),
    fingerprint: fingerprintReadiness(readiness),
    createdBy: actor.id,
    createdAt: now,
  };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('recommendations').values(recommendation).execute();
    await paperGenerated(trx, actor.id, recommendation);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'recommendation.generate',
      entity: 'recommendation',
      entityId: recommendation.id,
      after: { verdict: recommendation.verdict, fingerprint: recommendation.fingerprint },
    });
  });
  return recommendation;
}
