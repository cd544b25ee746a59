import type { Db } from './db/database.js';
import { m6Baseline, type M6Baseline } from './db/queries/baseline.js';
import { loadReadinessFacts } from './db/queries/readinessFacts.js';
import { cachedRead } from './db/readCache.js';
import { sharedRead } from './db/sharedRead.js';
import { computeReadiness, type Readiness } from './domain/readiness.js';
import { nowIso } from './lib/ids.js';
import { commentVisibility } from './policies/commentVisibility.js';
import type { Actor } from './policies/index.js';
import { presentReadiness, type PresentedReadiness } from './presenters/readiness.js';

// Time also moves a consultation from open to closed, so an evaluation is kept a minute at most.
const minute = () => new Date().toISOString().slice(0, 16);

/**
 * The current readiness evaluation, recomputed after every audited write: by one instance, whose
 * result the other instances on the same database read back rather than recompute.
 */
export async function currentReadiness(db: Db): Promise<Readiness> {
  return sharedRead(db, 'readiness', minute(), async () =>
    computeReadiness(await loadReadinessFacts(db, nowIso())),
  );
}

/**
 * The same, as the API presents it to this actor (blockers capped, comments they may not see only
 * counted), cached per visibility too: it is what the dashboard polls. Once the SRO has approved
 * the M6 baseline it carries it: the verdict to show is then "baselined", not the evaluation's.
 */
export async function presentedReadiness(
  db: Db,
  actor: Actor,
): Promise<PresentedReadiness & { baseline: M6Baseline | null }> {
  const visibility = commentVisibility(actor);
  return cachedRead(
    db,
    `readiness-presented:${minute()}:${JSON.stringify(visibility)}`,
    async () => ({
      ...presentReadiness(await currentReadiness(db), { kind: 'viewer', visibility }),
      baseline: await m6Baseline(db),
    }),
  );
}
