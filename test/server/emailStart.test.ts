import { expect } from 'chai';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/serverProcess.js';
import { openDatabase, sqliteFileIn } from '../../server/db/database.js';
import { childDatabase, type ChildDatabase } from '../helpers/childServer.js';
import { insertNotification } from '../helpers/notifications.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

/** The start-up banner, printed just after the "listening" line the start waits for. */
async function banner(server: ServerProcess): Promise<string> {
  while (!server.output().includes('npm run seed:demo')) await new Promise((r) => setImmediate(r));
  return server.output();
}

describe('email at start (the server as run)', () => {
  let store: ChildDatabase;
  let server: ServerProcess | undefined;
  let smtp: TestSmtp | undefined;
  beforeEach(async () => {
    store = await childDatabase('sqlite');
  });
  afterEach(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await smtp?.close();
    await store.cleanup();
  });

  it('says email is off without SMTP_URL and keeps serving', async () => {
    server = await startServerProcess({ dataDir: store.dataDir, env: { SMTP_URL: '' } });
    expect(await banner(server)).to.include(
      'Email is off (set SMTP_URL to send it); in-app notifications continue.',
    );
    expect((await fetch(`${server.url}/api/health`)).status).to.equal(200);
  });

  it('with SMTP_URL names the server (never its password) and its worker sends due email', async () => {
    smtp = await startTestSmtp();
    server = await startServerProcess({
      dataDir: store.dataDir,
      env: { SMTP_URL: smtp.url, EMAIL_INTERVAL_MS: '50', PUBLIC_URL: 'https://m6.example.org' },
    });
    const password = new URL(smtp.url).password;
    expect(await banner(server)).to.include(
      `Email notifications are sent through smtp://${new URL(smtp.url).host}.`,
    );
    expect(server.output()).to.not.include(password);

    const db = openDatabase({ sqliteFile: sqliteFileIn(store.dataDir) });
    try {
      const admin = await db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow();
      await insertNotification(db, { recipientId: admin.id, title: 'Sent by the running worker' });
    } finally {
      await db.close();
    }
    // The worker ticks every 50 ms: wait for the message, however long the machine takes.
    while (!smtp.messages.length) await new Promise((r) => setTimeout(r, 50));
    expect(smtp.messages[0]!.subject).to.equal('Sent by the running worker');
    expect(smtp.messages[0]!.text).to.include('https://m6.example.org/consultations');
    server.child.kill('SIGTERM');
    expect((await server.exited).code, 'a clean stop with the worker running').to.equal(0);
  });
});
