// Issue 12 target: over 81 full-size artefacts (about 160,000 clauses), GET /api/search p99 within
// 5x of GET /api/health's p99 at 20 connections. BENCH_DATABASE_URL runs it on PostgreSQL.
import type { Db } from '../../server/db/database.js';
import { indexVersionClauses } from '../../server/db/searchIndex.js';
import { parseClauses } from '../../server/domain/parseClauses.js';
import { newId } from '../../server/lib/ids.js';
import { measure, report, startBenchServer } from './harness.js';
import { generateSection } from './legalText.js';

/** One generated 2,000-clause version per artefact, indexed as a publish would index it. */
async function seedCorpus(db: Db): Promise<void> {
  const artefacts = await db.kysely.selectFrom('artefacts').select(['id']).execute();
  for (const [i, a] of artefacts.entries()) {
    const body = generateSection(2000, 1000 + i).lines.join('\n');
    const parsed = parseClauses(body);
    const id = newId();
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('artefactVersions')
        .values({
          id,
          artefactId: a.id,
          label: 'v1',
          body,
          // Search never reads the rendered document; rendering 81 of them would only slow seeding.
          html: '',
          clauses: JSON.stringify(parsed.clauses),
          changeNote: '',
          incorporates: '[]',
          authorId: null,
          isBaseline: 0,
          createdAt: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      await indexVersionClauses(trx, { id, artefactId: a.id }, parsed.clauses);
      await trx
        .updateTable('artefacts')
        .set({ currentVersionId: id })
        .where('id', '=', a.id)
        .execute();
    });
  }
}

export async function benchSearch(seconds = 10): Promise<boolean> {
  const server = await startBenchServer({ seed: seedCorpus });
  try {
    const opts = { token: server.token, connections: 20, seconds };
    const dialect = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    const health = await measure('GET /api/health (baseline)', `${server.url}/api/health`, opts);
    const rare = await measure(
      'GET /api/search?q="material error"',
      `${server.url}/api/search?q=${encodeURIComponent('"material error" reconcil*')}`,
      opts,
    );
    const common = await measure(
      'GET /api/search?q=settlement (a word in most clauses)',
      `${server.url}/api/search?q=settlement`,
      opts,
    );
    return report(
      `Search over 81 artefacts of 2,000 clauses vs health (${dialect}, 20 connections)`,
      [health, rare, common],
      5,
    );
  } finally {
    await server.stop();
  }
}
