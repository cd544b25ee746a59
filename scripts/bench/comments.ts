// Issue 3 target: with 20,000 comments over the 81 artefacts, GET /api/comments (one page) and
// GET /api/artefacts (with comment counts) each within 3x of GET /api/health's p99, 50 connections.
import { measure, report, startBenchServer } from './harness.js';
import { BENCH_PARTICIPANT, seedComments } from './seedComments.js';

export async function benchComments(seconds = 10, comments = 20_000): Promise<boolean> {
  const server = await startBenchServer({ seed: (db) => seedComments(db, comments) });
  try {
    const token = await server.login(BENCH_PARTICIPANT.email, BENCH_PARTICIPANT.password);
    const opts = { token, connections: 50, seconds };
    const health = await measure('GET /api/health (baseline)', `${server.url}/api/health`, opts);
    const page = await measure(
      'GET /api/comments (first page of 50)',
      `${server.url}/api/comments`,
      opts,
    );
    const registry = await measure(
      'GET /api/artefacts (with counts)',
      `${server.url}/api/artefacts`,
      opts,
    );
    return report(
      `Comments and registry with ${comments.toLocaleString('en-GB')} comments, as a participant (SQLite, 50 connections)`,
      [health, page, registry],
      3,
    );
  } finally {
    await server.stop();
  }
}
