// GET /api/artefacts (the 81-artefact registry) against GET /api/health, 50 connections.
import { measure, report, startBenchServer } from './harness.js';

export async function benchRegistry(seconds = 10): Promise<boolean> {
  const server = await startBenchServer();
  try {
    const opts = { token: server.token, connections: 50, seconds };
    const health = await measure('GET /api/health (baseline)', `${server.url}/api/health`, opts);
    const list = await measure('GET /api/artefacts', `${server.url}/api/artefacts`, opts);
    return report('Registry list vs health (SQLite, 50 connections)', [health, list], 3);
  } finally {
    await server.stop();
  }
}
