// Issue 5 target: readiness over 81 artefacts, 20,000 comments, 500 changes and 2,000
// requirements; GET /api/readiness p99 under autocannon at 10 connections within 10x of
// GET /api/health's p99 in the same run. Also reports one uncached evaluation, since the
// endpoint serves a cached evaluation until the next write.
import type { Db } from '../../server/db/database.js';
import { loadReadinessFacts } from '../../server/db/queries/readinessFacts.js';
import { computeReadiness } from '../../server/domain/readiness.js';
import { nowIso } from '../../server/lib/ids.js';
import { measure, report, startBenchServer } from './harness.js';
import { seedComments } from './seedComments.js';

const STATUSES = [
  'approved',
  'approved',
  'implemented',
  'raised',
  'impact-assessment',
  'rejected',
] as const;

export async function seedChangesAndRequirements(
  db: Db,
  changes: number,
  requirements: number,
): Promise<void> {
  const artefacts = await db.kysely.selectFrom('artefacts').select('id').execute();
  const now = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    const changeRows = Array.from({ length: changes }, (_, i) => ({
      id: `CR${String(1000 + i)}`,
      type: 'CR' as const,
      title: `Benchmark change ${i}`,
      status: STATUSES[i % STATUSES.length] ?? 'approved',
      decidedAt: null,
      postM6: 0,
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < changeRows.length; i += 200)
      await trx
        .insertInto('changes')
        .values(changeRows.slice(i, i + 200))
        .execute();
    const links = changeRows.flatMap((c, i) =>
      [0, 1].map((k) => ({
        changeId: c.id,
        artefactId: artefacts[(i + k * 7) % artefacts.length]?.id ?? '',
        noCodeImpact: 0,
        noImpactReason: null,
      })),
    );
    for (let i = 0; i < links.length; i += 200)
      await trx
        .insertInto('changeArtefacts')
        .values(links.slice(i, i + 200))
        .execute();
    const reqs = Array.from({ length: requirements }, (_, i) => ({
      id: `REQ-${i}`,
      text: `Requirement ${i}`,
      source: 'Design',
      createdAt: now,
    }));
    for (let i = 0; i < reqs.length; i += 200)
      await trx
        .insertInto('requirements')
        .values(reqs.slice(i, i + 200))
        .execute();
    const traces = reqs.map((r, i) => ({
      requirementId: r.id,
      artefactId: artefacts[i % artefacts.length]?.id ?? '',
      clauseRef: i % 10 === 0 ? '9.9.9' : '1.1.1',
    }));
    for (let i = 0; i < traces.length; i += 200)
      await trx
        .insertInto('requirementTraces')
        .values(traces.slice(i, i + 200))
        .execute();
  });
}

export async function benchReadiness(seconds = 10): Promise<boolean> {
  let coldMs = 0;
  const server = await startBenchServer({
    seed: async (db) => {
      await seedComments(db, 20_000);
      await seedChangesAndRequirements(db, 500, 2_000);
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        computeReadiness(await loadReadinessFacts(db, nowIso()));
        runs.push(performance.now() - started);
      }
      coldMs = runs.sort((a, b) => a - b)[2] ?? 0;
    },
  });
  try {
    const opts = { token: server.token, connections: 10, seconds };
    const health = await measure('GET /api/health (baseline)', `${server.url}/api/health`, opts);
    const readiness = await measure('GET /api/readiness', `${server.url}/api/readiness`, opts);
    const met = report(
      'Readiness over 81 artefacts, 20,000 comments, 500 changes, 2,000 requirements (SQLite, 10 connections)',
      [health, readiness],
      10,
    );
    console.log(
      `\nOne uncached evaluation (load facts + compute), median of 5 in-process: ${coldMs.toFixed(1)} ms`,
    );
    return met;
  } finally {
    await server.stop();
  }
}
