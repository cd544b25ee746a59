import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { pino } from 'pino';
import { createApp } from '../../../server/app.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

/** Calls that gave a request or response another prototype while `run` ran. */
async function prototypeChanges(run: () => Promise<void>): Promise<string[]> {
  const original = Object.setPrototypeOf;
  const changes: string[] = [];
  Object.setPrototypeOf = (object: unknown, prototype: object | null) => {
    const isMessage =
      object instanceof http.IncomingMessage || object instanceof http.ServerResponse;
    if (isMessage && Object.getPrototypeOf(object) !== prototype)
      changes.push((object as object).constructor.name);
    return original(object, prototype);
  };
  try {
    await run();
  } finally {
    Object.setPrototypeOf = original;
  }
  return changes;
}

describe('the HTTP server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seedRegistry: false });
  });
  after(() => server.close());

  it("builds requests and responses on the app's prototypes, so Express changes none", async () => {
    const { token } = await server.signedIn('admin');
    const answers: number[] = [];
    const changes = await prototypeChanges(async () => {
      for (const [path, auth] of [
        ['/api/health', false],
        ['/api/me', true],
        ['/api/me', false],
        ['/api/no-such-route', true],
      ] as const) {
        const res = await fetch(`${server.url}${path}`, {
          headers: auth ? { authorization: `Bearer ${token}` } : {},
        });
        answers.push(res.status);
        // Express's helpers still reach every response: JSON bodies, helmet's headers.
        expect(res.headers.get('content-type')).to.match(/^application\/json/);
        expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
        await res.json();
      }
    });
    expect(answers).to.deep.equal([200, 200, 401, 404]);
    expect(changes).to.deep.equal([]);
  });

  it('is what keeps them: an app served by app.listen has both changed on every request', async () => {
    const app = createApp({
      db: server.db,
      jwtSecret: server.jwtSecret,
      logger: pino({ level: 'silent' }),
    });
    const plain: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      const changes = await prototypeChanges(async () => {
        expect((await fetch(`${url}/api/health`)).status).to.equal(200);
      });
      expect(changes).to.deep.equal(['IncomingMessage', 'ServerResponse']);
    } finally {
      await new Promise((resolve) => plain.close(resolve));
    }
  });
});
