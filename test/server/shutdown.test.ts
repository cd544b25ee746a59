import { expect } from 'chai';
import http from 'node:http';
import net from 'node:net';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/serverProcess.js';
import { childDatabase, type ChildDatabase } from '../helpers/childServer.js';
import { testDialects } from '../helpers/db.js';

// A supervisor (systemd, Docker, Kubernetes) sends SIGKILL 10 s after SIGTERM.
const SUPERVISOR_GRACE_MS = 10_000;

/** The exit, or null if the process was still running when the supervisor would have killed it. */
async function exitAfterSigterm(server: ServerProcess) {
  server.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SUPERVISOR_GRACE_MS);
  });
  const result = await Promise.race([server.exited, deadline]);
  clearTimeout(timer);
  return result;
}

/** An idle keep-alive connection, and one stuck halfway through sending its request. */
async function openConnections(server: ServerProcess) {
  const agent = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) =>
    http
      .get(`${server.url}/api/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject),
  );
  const halfSent = net.connect(server.port, '127.0.0.1');
  await new Promise((resolve) => halfSent.once('connect', resolve));
  halfSent.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
  halfSent.on('error', () => {});
  return () => {
    agent.destroy();
    halfSent.destroy();
  };
}

for (const dialect of testDialects()) {
  describe(`server shutdown on SIGTERM (${dialect})`, () => {
    let store: ChildDatabase;
    let server: ServerProcess;
    beforeEach(async () => {
      store = await childDatabase(dialect);
      server = await startServerProcess({
        dataDir: store.dataDir,
        databaseUrl: store.databaseUrl,
      });
    });
    afterEach(async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      await store.cleanup();
    });

    it('exits cleanly in time when its stdout pipe is gone and connections are open', async () => {
      const closeConnections = await openConnections(server);
      try {
        server.child.stdout?.destroy();
        expect(await exitAfterSigterm(server)).to.deep.equal({ code: 0, signal: null });
      } finally {
        closeConnections();
      }
    });

    it('keeps serving and exits in time when nobody reads its stdout any more', async () => {
      server.child.stdout?.pause();
      server.child.stdout?.removeAllListeners('data');
      // Each refused request logs a line of 4 KB: far more than the pipe holds.
      const longPath = `/api/no-such-${'x'.repeat(4000)}`;
      for (let i = 0; i < 300; i++) {
        const res = await fetch(server.url + longPath, { signal: AbortSignal.timeout(10_000) });
        expect(res.status).to.equal(404);
        await res.arrayBuffer();
      }
      const closeConnections = await openConnections(server);
      try {
        expect(await exitAfterSigterm(server)).to.deep.equal({ code: 0, signal: null });
      } finally {
        closeConnections();
      }
    });
  });
}
