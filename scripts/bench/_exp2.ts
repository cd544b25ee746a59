import { bootDatabase } from '../../server/boot.js';
import { loadConfig } from '../../server/config.js';
import { searchClauses } from '../../server/db/queries/search.js';
import { parseSearchQuery } from '../../server/domain/searchQuery.js';
const env = { DATA_DIR: '/tmp/exp', ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'warn', DATABASE_URL: process.env.X_URL ?? '' };
const { db } = await bootDatabase(loadConfig(env));
for (const q of ['"Data Collector"', 'unmetered', 'estimat*', 'supplier shall', 'zebra']) {
  for (const [label, f, p] of [['current', { version: 'current' }, { limit: 21, offset: 0 }], ['code', { version: 'current', code: 'REC' }, { limit: 21, offset: 0 }], ['page 60', { version: 'current' }, { limit: 21, offset: 1200 }]] as const) {
    await searchClauses(db, parseSearchQuery(q), f as never, p);
    let r; let best = 1e9;
    for (let i = 0; i < 10; i++) { const t0 = performance.now(); r = await searchClauses(db, parseSearchQuery(q), f as never, p); best = Math.min(best, performance.now() - t0); }
    console.log(q, label, best.toFixed(1) + 'ms', r!.rows.length, r!.broad);
  }
}
await db.close();
