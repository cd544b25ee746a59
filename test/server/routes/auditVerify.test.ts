import { expect } from 'chai';
import { sql } from 'kysely';
import type { Db } from '../../../server/db/database.js';
import { auditEventHash } from '../../../server/domain/auditChain.js';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

/** Appends `count` correctly chained events straight to the log, as a long history would be. */
async function appendChainedEvents(db: Db, count: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const head = await trx
      .selectFrom('auditHead')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    let prevHash = head.hash;
    let id = Number(head.lastId);
    for (let done = 0; done < count;) {
      const batch = [];
      for (; batch.length < 500 && done < count; done++) {
        id += 1;
        const event = {
          id,
          prevHash,
          actorId: null,
          action: 'settings.update',
          entity: 'settings',
          entityId: 'bulk',
          before: null,
          after: JSON.stringify({ n: id }),
          at: new Date().toISOString(),
        };
        prevHash = auditEventHash(event);
        batch.push({ ...event, hash: prevHash });
      }
      await trx.insertInto('auditEvents').values(batch).execute();
    }
    await trx
      .updateTable('auditHead')
      .set({ lastId: id, count: Number(head.count) + count, hash: prevHash })
      .where('id', '=', 1)
      .execute();
  });
  // PostgreSQL's id sequence must move past the ids given here.
  if (db.dialect === 'postgres')
    await sql`select setval(pg_get_serial_sequence('audit_events', 'id'), (select max(id) from audit_events))`.execute(
      db.kysely,
    );
}

for (const dialect of testDialects()) {
  describe(`GET /api/audit/verify (${dialect})`, () => {
    let server: TestServer;
    let admin: string;
    before(async () => {
      server = await startTestServer({ dialect });
      admin = (await server.signedIn('admin')).token;
      await server.signedIn('participant');
    });
    after(() => server.close());

    it('answers ok for an intact log, to administrators only', async () => {
      const res = await server.api('/api/audit/verify', { token: admin });
      expect(res.status).to.equal(200);
      expect(res.body.data).to.include({ ok: true, firstBrokenAt: null });
      expect(res.body.data.events).to.be.greaterThan(0);
      for (const role of ['participant', 'code_body', 'programme', 'sro'] as const) {
        const { token } = await server.signedIn(role);
        const denied = await server.api('/api/audit/verify', { token });
        expect(denied.status, role).to.equal(403);
        expect(denied.body.error.code, role).to.be.a('string');
      }
      expect((await server.api('/api/audit/verify')).status).to.equal(401);
    });

    it('keeps answering other requests while it walks a long log', async () => {
      await appendChainedEvents(server.db, 30_000);
      let verified = false;
      const verifying = server.api('/api/audit/verify', { token: admin }).then((res) => {
        verified = true;
        return res;
      });
      const health = await server.api('/api/health');
      expect(health.status).to.equal(200);
      expect(verified, 'health answered only after the whole walk').to.equal(false);
      const res = await verifying;
      expect(res.body.data).to.include({ ok: true, firstBrokenAt: null });
      expect(res.body.data.events).to.be.greaterThan(30_000);
    });

    it('reports the first event changed by direct SQL', async () => {
      const target = await server.db.kysely
        .selectFrom('auditEvents')
        .select('id')
        .orderBy('id')
        .offset(3)
        .limit(1)
        .executeTakeFirstOrThrow();
      await sql`update audit_events set actor_id = 'someone-else' where id = ${target.id}`.execute(
        server.db.kysely,
      );
      const res = await server.api('/api/audit/verify', { token: admin });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({
        data: { ok: false, events: 3, firstBrokenAt: Number(target.id) },
      });
    });
  });
}
