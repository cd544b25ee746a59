import { bootDatabase } from '../../server/boot.js';
import { loadConfig } from '../../server/config.js';
import { indexVersionClauses } from '../../server/db/searchIndex.js';
import { parseClauses } from '../../server/domain/parseClauses.js';
import { newId } from '../../server/lib/ids.js';
import { generateCodeSection } from './searchCorpus.js';
const env = { DATA_DIR: '/tmp/exp', ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'warn', DATABASE_URL: '' };
const { db } = await bootDatabase(loadConfig(env));
const artefacts = await db.kysely.selectFrom('artefacts').select(['id','reference','title']).execute();
for (const [i, a] of artefacts.entries()) {
  const body = generateCodeSection(a.reference + ': ' + a.title, 2000, 1000 + i);
  const parsed = parseClauses(body);
  const id = newId();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('artefactVersions').values({ id, artefactId: a.id, label: 'v1', body, html: '', clauses: JSON.stringify(parsed.clauses), changeNote: '', incorporates: '[]', authorId: null, isBaseline: 0, createdAt: '2026-01-01T00:00:00.000Z' }).execute();
    await indexVersionClauses(trx, { id, artefactId: a.id }, parsed.clauses);
    await trx.updateTable('artefacts').set({ currentVersionId: id }).where('id', '=', a.id).execute();
  });
}
await db.close();
