import type { Db } from './db/database.js';
import { loadReadinessFacts } from './db/queries/readinessFacts.js';
import { cachedRead } from './db/readCache.js';
import { computeReadiness, type Readiness } from './domain/readiness.js';
import { nowIso } from './lib/ids.js';

/**
 * The current readiness evaluation, recomputed after every audited write. Time also moves a
 * consultation from open to closed, so a cached evaluation is kept for a minute at most.
 */
export async function currentReadiness(db: Db): Promise<Readiness> {
  const minute = new Date().toISOString().slice(0, 16);
  return cachedRead(db, `readiness:${minute}`, async () =>
    computeReadiness(await loadReadinessFacts(db, nowIso())),
  );
}
