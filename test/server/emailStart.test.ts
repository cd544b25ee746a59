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

// Two instances as run, behind one balancer: each claims due rows with FOR UPDATE SKIP LOCKED, so
// however their ticks interleave, every email goes once.
if (process.env.TEST_DATABASE_URL) {
  describe('email from two instances on one database, the servers as run (postgres)', function () {
    this.timeout(120_000);
    const ROWS = 240;
    let store: ChildDatabase;
    let servers: ServerProcess[] = [];
    let smtp: TestSmtp;
    before(async () => {
      store = await childDatabase('postgres');
      smtp = await startTestSmtp();
    });
    after(async () => {
      for (const server of servers) {
        if (server.child.exitCode !== null) continue;
        server.child.kill('SIGTERM');
        await server.exited;
      }
      await smtp.close();
      await store.cleanup();
    });

    it('sends each of 240 emails exactly once, both instances sending', async () => {
      const env = { SMTP_URL: smtp.url, EMAIL_INTERVAL_MS: '20' };
      // One first, so that the second finds the database migrated and seeded.
      servers = [
        await startServerProcess({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, env }),
      ];
      servers.push(
        await startServerProcess({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, env }),
      );
      const db = openDatabase({ databaseUrl: store.databaseUrl });
      try {
        const admin = await db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow();
        for (let i = 0; i < ROWS; i++)
          await insertNotification(db, { recipientId: admin.id, title: `Email ${i}` });
        while (smtp.messages.length < ROWS) await new Promise((r) => setTimeout(r, 50));
        // A duplicate would arrive just after the last original: give it time to.
        await new Promise((r) => setTimeout(r, 500));
        const subjects = smtp.messages.map((m) => m.subject);
        expect(new Set(subjects).size).to.equal(ROWS);
        expect(subjects).to.have.length(ROWS);
        const rows = await db.kysely
          .selectFrom('notifications')
          .select(['emailStatus', 'emailClaimedBy'])
          .execute();
        expect(rows.every((r) => r.emailStatus === 'sent')).to.equal(true);
        // Instance ids are host:pid:random; each process claimed a share.
        const senders = new Set(rows.map((r) => r.emailClaimedBy?.split(':')[1]));
        expect(senders).to.deep.equal(new Set(servers.map((s) => String(s.child.pid))));
      } finally {
        await db.close();
      }
    });
  });
}
