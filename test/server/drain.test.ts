import { expect } from 'chai';
import net from 'node:net';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/serverProcess.js';
import { childDatabase, type ChildDatabase } from '../helpers/childServer.js';
import { testDialects } from '../helpers/db.js';

const ADMIN = { email: 'drain-admin@test.example', password: 'Drain-Admin-Password-1' };

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** An HTTP/1.1 connection written by hand, so a test can stop halfway through a request. */
class RawConnection {
  private received = '';
  private waiting: (() => void) | undefined;
  closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.received += chunk;
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    socket.on('error', () => {});
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new RawConnection(socket);
  }

  send(text: string): void {
    this.socket.write(text);
  }

  /** The next response (an interim 100 Continue counts), once all of it has arrived. */
  async response(): Promise<RawResponse> {
    for (;;) {
      const parsed = this.parse();
      if (parsed) return parsed;
      if (this.closed) throw new Error(`connection closed; received ${this.received || 'nothing'}`);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private parse(): RawResponse | undefined {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = this.received.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
      }),
    );
    const length = Number(headers['content-length'] ?? 0);
    const body = this.received.slice(end + 4, end + 4 + length);
    if (Buffer.byteLength(body) < length) return undefined;
    this.received = this.received.slice(end + 4 + length);
    return { status: Number(statusLine.split(' ')[1]), headers, body };
  }

  destroy(): void {
    this.socket.destroy();
  }
}

async function refusesConnections(port: number): Promise<boolean> {
  return RawConnection.open(port).then(
    (connection) => {
      connection.destroy();
      return false;
    },
    (err: NodeJS.ErrnoException) => err.code === 'ECONNREFUSED',
  );
}

/** Until the server has logged that it is shutting down (it stops listening in the same tick). */
async function shuttingDown(server: ServerProcess): Promise<void> {
  while (!server.output().includes('"msg":"shutting down"')) {
    if (server.child.exitCode !== null) throw new Error(`exited:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const dialect of testDialects()) {
  describe(`draining on SIGTERM (${dialect})`, () => {
    let store: ChildDatabase;
    let server: ServerProcess;
    const connections: RawConnection[] = [];
    beforeEach(async () => {
      store = await childDatabase(dialect);
      server = await startServerProcess({
        dataDir: store.dataDir,
        databaseUrl: store.databaseUrl,
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
      });
    });
    afterEach(async () => {
      for (const connection of connections.splice(0)) connection.destroy();
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      await store.cleanup();
    });

    it('finishes requests in flight, closing their connections, refuses new ones and is not ready', async () => {
      // A sign-in whose body is still on its way. The interim 100 Continue shows the server has
      // the request in hand before the signal.
      const body = JSON.stringify(ADMIN);
      const signIn = await RawConnection.open(server.port);
      connections.push(signIn);
      signIn.send(
        'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
      );
      expect((await signIn.response()).status).to.equal(100);
      signIn.send(body.slice(0, 10));

      // A readiness probe of a balancer, halfway through its headers when the signal comes; a
      // full round trip on another connection afterwards sees that the server has read them.
      const probe = await RawConnection.open(server.port);
      connections.push(probe);
      probe.send('GET /api/health/ready HTTP/1.1\r\nHost: localhost\r\n');
      const before = await fetch(`${server.url}/api/health/ready`);
      expect(before.status).to.equal(200);
      await before.arrayBuffer();

      server.child.kill('SIGTERM');
      await shuttingDown(server);
      expect(await refusesConnections(server.port)).to.equal(true);

      probe.send('\r\n');
      const ready = await probe.response();
      expect(ready.status).to.equal(503);
      expect(JSON.parse(ready.body)).to.deep.equal({
        error: {
          code: 'not_ready',
          message: 'The server is shutting down',
          details: { reason: 'shutting_down' },
        },
      });
      expect(ready.headers.connection).to.equal('close');

      signIn.send(body.slice(10));
      const signedIn = await signIn.response();
      expect(signedIn.status).to.equal(200);
      expect(JSON.parse(signedIn.body).token).to.be.a('string');
      // Nobody may send another request on a connection that is about to be cut.
      expect(signedIn.headers.connection).to.equal('close');

      expect(await server.exited).to.deep.equal({ code: 0, signal: null });
    });
  });
}
