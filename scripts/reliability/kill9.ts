// npm run reliability:kill9 [-- --rounds=3 --writers=16 --burst=300]
// The server is killed with SIGKILL in the middle of a burst of comment writes, then restarted:
// every write it acknowledged (201) must be there, SQLite's integrity_check clean, the audit chain
// intact and the comment tallies equal to recounts. SQLite in a temporary directory, or
// PostgreSQL with DATABASE_URL set to a fresh database.
import { postComment, setUpReview, type Review } from '../lib/review.js';
import { startServerProcess, type ServerProcess } from '../lib/serverProcess.js';
import { ADMIN, checkStore, numberArg, prepareStore, type Store } from './common.js';

const rounds = numberArg('rounds', 3);
const writers = numberArg('writers', 16);
const burst = numberArg('burst', 300);

const start = (store: Store) =>
  startServerProcess({
    dataDir: store.dataDir,
    databaseUrl: store.databaseUrl,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });

/** Writes until `burst` are acknowledged, then kills the server while the writers are mid-flight. */
async function burstAndKill(server: ServerProcess, review: Review, first: number) {
  const acknowledged: string[] = [];
  let n = first;
  let killed = false;
  let refused = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (!killed) {
      const res = await postComment(review, n++).catch(() => null);
      if (!res) {
        // A connection that died with the killed server: not acknowledged. Before the kill, a
        // failure means the server is in trouble on its own.
        if (!killed) throw new Error(`a write failed before the kill:\n${server.output()}`);
        continue;
      }
      if (res.status === 201 && res.id) acknowledged.push(res.id);
      else refused += 1;
      if (acknowledged.length >= burst && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  });
  await Promise.all(loops);
  await server.exited;
  return { acknowledged, refused, attempted: n - first };
}

async function main(): Promise<void> {
  const store = prepareStore();
  console.log(
    `kill -9 durability: ${store.dialect}, ${rounds} rounds of ${burst} acknowledged writes, ${writers} writers\n`,
  );
  let server = await start(store);
  const acknowledged = new Set<string>();
  let ok = true;
  let next = 0;
  try {
    const review = await setUpReview(server.url, ADMIN, writers);
    for (let round = 1; round <= rounds; round++) {
      review.baseUrl = server.url;
      const result = await burstAndKill(server, review, next);
      next += result.attempted;
      for (const id of result.acknowledged) acknowledged.add(id);
      console.log(
        `round ${round}: ${result.attempted} writes attempted, ${result.acknowledged.length} acknowledged, ` +
          `${result.refused} refused, then SIGKILL`,
      );
      server = await start(store);
      const db = store.open();
      const present = new Set(
        (await db.kysely.selectFrom('comments').select('id').execute()).map((r) => r.id),
      );
      await db.close();
      const lost = [...acknowledged].filter((id) => !present.has(id));
      console.log(
        `  restarted; acknowledged writes present: ${acknowledged.size - lost.length}/${acknowledged.size}` +
          (lost.length ? `  LOST: ${lost.slice(0, 5).join(', ')}` : ''),
      );
      const verdict = await checkStore(store);
      ok &&= lost.length === 0 && verdict.ok;
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    store.cleanup();
  }
  console.log(ok ? '\nPASS' : '\nFAIL');
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
