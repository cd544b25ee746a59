import { bootDatabase } from '../../server/boot.js';
import { loadConfig } from '../../server/config.js';
import { publishVersion } from '../../server/commands/publishVersion.js';
import { seedCorpus } from './search.js';
const env = { DATA_DIR: '/tmp/exp', ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'warn', DATABASE_URL: process.env.X_URL ?? '' };
const { db } = await bootDatabase(loadConfig(env));
if (process.env.SEED) { await seedCorpus(db); await db.close(); process.exit(0); }
const a = await db.kysely.selectFrom('artefacts').innerJoin('artefactVersions as v', 'v.id', 'artefacts.currentVersionId').select(['artefacts.id', 'artefacts.code', 'artefacts.reference', 'v.body']).where('artefacts.reference', '=', 'Section S').executeTakeFirstOrThrow();
const admin = await db.kysely.selectFrom('users').select(['id', 'role', 'code']).where('role', '=', 'admin').executeTakeFirstOrThrow();
const { renumberedAndEdited } = await import('./publish.js');
const body = renumberedAndEdited(a.body);
const t0 = performance.now();
await publishVersion(db, admin as never, a, { label: 'v' + Date.now(), body, changeNote: '', incorporates: [] });
console.log('publish ms', performance.now() - t0);
await db.close();
