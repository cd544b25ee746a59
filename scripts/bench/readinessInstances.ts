// Issue 15 item 4: after a write, how much readiness work do two instances on one database do?
// Before, each instance recomputed the evaluation itself; now the first stores it against the data
// version and the second reads it back. Baseline: one evaluation (load facts + compute), measured
// in the same run; the second instance's read is reported as a ratio of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootDatabase } from '../../server/boot.js';
import { loadConfig } from '../../server/config.js';
import { writeAudit } from '../../server/db/audit.js';
import { openDatabase, sqliteFileIn, type Db } from '../../server/db/database.js';
import { loadReadinessFacts } from '../../server/db/queries/readinessFacts.js';
import { computeReadiness } from '../../server/domain/readiness.js';
import { nowIso } from '../../server/lib/ids.js';
import { currentReadiness } from '../../server/readiness.js';
import { seedChangesAndRequirements } from './readiness.js';
import { seedComments } from './seedComments.js';

const ROUNDS = 15;

const median = (values: number[]) =>
  values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function write(db: Db): Promise<void> {
  await db.kysely.transaction().execute((trx) =>
    writeAudit(trx, {
      actorId: null,
      action: 'bench.write',
      entity: 'settings',
      entityId: 'bench',
    }),
  );
}

export async function benchReadinessInstances(): Promise<boolean> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-bench-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const { db: first } = await bootDatabase(
    loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      ADMIN_PASSWORD: 'bench-admin-password',
    }),
  );
  const second = openDatabase({ databaseUrl, sqliteFile: sqliteFileIn(dataDir) });
  try {
    await seedComments(first, 20_000);
    await seedChangesAndRequirements(first, 500, 2_000);
    const own: number[] = [];
    const firstReads: number[] = [];
    const secondReads: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await write(first);
      // What the second instance did before: evaluate for itself.
      own.push(
        await timed(async () => computeReadiness(await loadReadinessFacts(second, nowIso()))),
      );
      firstReads.push(await timed(() => currentReadiness(first)));
      secondReads.push(await timed(() => currentReadiness(second)));
    }
    const base = median(own);
    const rows = [
      ['one evaluation (baseline: what each instance did after every write)', base],
      ['first instance after a write (evaluates and stores)', median(firstReads)],
      ['second instance after the same write (reads the stored evaluation)', median(secondReads)],
    ] as const;
    console.log(
      `\n### Readiness after a write, two instances on one ${databaseUrl ? 'PostgreSQL' : 'SQLite'} database (81 artefacts, 20,000 comments, 500 changes, 2,000 requirements; median of ${ROUNDS} writes)\n`,
    );
    console.log('| read | ms | ratio to one evaluation |');
    console.log('|---|---|---|');
    for (const [name, ms] of rows)
      console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)} |`);
    const before = 2 * base;
    const after = median(firstReads) + median(secondReads);
    console.log(
      `\nWork per write over both instances: before ${before.toFixed(0)} ms (2 evaluations), now ${after.toFixed(0)} ms (ratio ${(after / before).toFixed(2)}).`,
    );
    const met = median(secondReads) < base / 2;
    console.log(
      `Target: the second instance's read under half an evaluation: ${met ? 'met' : 'NOT met'}`,
    );
    return met;
  } finally {
    await second.close();
    await first.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
