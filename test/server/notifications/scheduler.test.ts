import { expect } from 'chai';
import { runNotificationTick, watchReadiness } from '../../../server/notifications/scheduler.js';
import { testDialects } from '../../helpers/db.js';
import { openSameDatabase } from '../../helpers/secondInstance.js';
import { hoursFromNow, openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';
import { ids, recipients, rowsOf } from './inbox.js';

type Signed = TestUser & { token: string };
interface Artefact {
  id: string;
  reference: string;
}

const HOUR = 3_600_000;
const at = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

for (const dialect of testDialects()) {
  describe(`notification scheduler (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let sro: Signed;
    let alice: Signed;
    let alice2: Signed;
    let bob: Signed;
    let bscArtefacts: Artefact[];
    let used = 0;
    const fresh = () => {
      const a = bscArtefacts[used++];
      if (!a) throw new Error('out of BSC artefacts');
      return a;
    };
    const notReady = { isReady: async () => false };
    const tick = (now: string) => runNotificationTick(server.db, now, notReady);
    const forEntity = async (kind: string, entityId: string) =>
      (await rowsOf(server.db, kind)).filter((r) => r.entityId === entityId);
    /** Participants and BSC code-body users: the audience of a consultation over BSC artefacts. */
    const bscAudience = async () =>
      (
        await server.db.kysely
          .selectFrom('users')
          .select('id')
          .where((eb) =>
            eb.or([
              eb('role', '=', 'participant'),
              eb.and([eb('role', '=', 'code_body'), eb('code', '=', 'BSC')]),
            ]),
          )
          .execute()
      )
        .map((u) => u.id)
        .sort();

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      sro = await server.signedIn('sro');
      alice = await server.signedIn('participant');
      alice2 = await server.signedIn('participant', { organisationId: alice.organisationId ?? '' });
      bob = await server.signedIn('participant');
      bscArtefacts = (await server.api('/api/artefacts?code=BSC', { token: programme.token })).body
        .data as Artefact[];
    });
    after(() => server.close());

    it('announces a window when it opens and when it closes, each once', async () => {
      const a = fresh();
      const opensAt = hoursFromNow(2);
      const closesAt = hoursFromNow(30);
      const c = await openConsultation(server, programme.token, [a.id], {
        title: 'Later round',
        opensAt,
        closesAt,
      });
      expect(await forEntity('consultation.opened', c.id)).to.deep.equal([]);
      await tick(at(opensAt, -0.1));
      expect(await forEntity('consultation.opened', c.id)).to.deep.equal([]);

      const { announced } = await tick(at(opensAt, 0.1));
      expect(announced).to.include(`consultation.opened:${c.id}:${opensAt}`);
      const audience = await bscAudience();
      expect(recipients(await forEntity('consultation.opened', c.id))).to.deep.equal(audience);
      expect(audience).not.to.include(rec.id);
      expect(audience).not.to.include(programme.id);
      await tick(at(opensAt, 0.2));
      expect(recipients(await forEntity('consultation.opened', c.id))).to.deep.equal(audience);

      await tick(at(closesAt, 0.1));
      expect(recipients(await forEntity('consultation.closed', c.id))).to.deep.equal(audience);
      await tick(at(closesAt, 0.2));
      expect(recipients(await forEntity('consultation.closed', c.id))).to.deep.equal(audience);
      // A window shorter than 48 hours gets no separate reminder.
      expect(await forEntity('consultation.closingSoon', c.id)).to.deep.equal([]);
    });

    it('does not announce as open a round recorded after it closed', async () => {
      const a = fresh();
      const c = await openConsultation(server, programme.token, [a.id], {
        title: 'Earlier round',
        opensAt: hoursFromNow(-24 * 30),
        closesAt: hoursFromNow(-24 * 16),
      });
      await tick(new Date().toISOString());
      expect(await forEntity('consultation.opened', c.id)).to.deep.equal([]);
      // Closed long before it was recorded: old news, not announced either.
      expect(await forEntity('consultation.closed', c.id)).to.deep.equal([]);
    });

    it('reminds, 48 hours before the close, those whose organisation has not commented; again after an extension', async () => {
      const a = fresh();
      await publish(server, bsc, a.id);
      const closesAt = hoursFromNow(40);
      const c = await openConsultation(server, programme.token, [a.id], {
        title: 'Round with a reminder',
        opensAt: hoursFromNow(-20),
        closesAt,
      });
      expect((await postComment(server, alice.token, a.id)).status).to.equal(201);
      await tick(new Date().toISOString());
      const rows = await forEntity('consultation.closingSoon', c.id);
      const expected = (await bscAudience()).filter((id) => ![alice.id, alice2.id].includes(id));
      expect(recipients(rows)).to.deep.equal(expected);
      expect(expected).to.include.members(ids(bob, bsc));
      expect(rows[0]?.eventKey).to.equal(`consultation.closingSoon:${c.id}:${closesAt}`);

      const current = await server.db.kysely
        .selectFrom('consultations')
        .select('revision')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      const extendedTo = hoursFromNow(100);
      const res = await server.api(`/api/consultations/${c.id}`, {
        method: 'PATCH',
        token: programme.token,
        body: { closesAt: extendedTo, reason: 'More time', revision: current.revision },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      await tick(at(extendedTo, -49));
      expect(await forEntity('consultation.closingSoon', c.id)).to.have.length(expected.length);
      await tick(at(extendedTo, -47));
      const again = await forEntity('consultation.closingSoon', c.id);
      expect(again).to.have.length(expected.length * 2);
      expect(
        again.filter((r) => r.eventKey === `consultation.closingSoon:${c.id}:${extendedTo}`),
      ).to.have.length(expected.length);
    });

    it('announces each event exactly once when ticks run at the same time', async () => {
      const a = fresh();
      const opensAt = hoursFromNow(3);
      const c = await openConsultation(server, programme.token, [a.id], {
        title: 'Raced round',
        opensAt,
        closesAt: hoursFromNow(200),
      });
      const now = at(opensAt, 1);
      // Two instances, each with its own pool, two ticks each. SQLite runs one transaction at a
      // time, and a second connection in this one thread would wait on the first synchronously:
      // there the ticks share the connection, which interleaves whole transactions.
      const other = dialect === 'postgres' ? await openSameDatabase(server.db) : server.db;
      const otherTick = () => runNotificationTick(other, now, notReady);
      const results = await Promise.all([tick(now), otherTick(), tick(now), otherTick()]).finally(
        () => (other === server.db ? undefined : other.close()),
      );
      const key = `consultation.opened:${c.id}:${opensAt}`;
      expect(results.filter((r) => r.announced.includes(key))).to.have.length(1);
      expect(recipients(await forEntity('consultation.opened', c.id))).to.deep.equal(
        await bscAudience(),
      );
    });

    it('tells the programme and the SRO when readiness turns, once per turn across racing ticks', async () => {
      const now = new Date().toISOString();
      const state = { ready: false };
      const readyTick = () =>
        runNotificationTick(server.db, now, { isReady: async () => state.ready });
      await readyTick();
      const count = async () =>
        (await rowsOf(server.db, 'readiness.ready')).length +
        (await rowsOf(server.db, 'readiness.notReady')).length;
      const before = await count();
      await readyTick();
      expect(await count()).to.equal(before);

      state.ready = true;
      await Promise.all([readyTick(), readyTick(), readyTick()]);
      const ready = await rowsOf(server.db, 'readiness.ready');
      expect(recipients(ready)).to.deep.equal(ids(programme, sro));
      expect(ready[0]?.link).to.equal('/readiness');
      await readyTick();
      expect(await rowsOf(server.db, 'readiness.ready')).to.have.length(2);

      state.ready = false;
      await Promise.all([readyTick(), readyTick()]);
      const notReady = await rowsOf(server.db, 'readiness.notReady');
      expect(recipients(notReady)).to.deep.equal(ids(programme, sro));
      expect(notReady[0]?.eventKey).not.to.equal(ready[0]?.eventKey);
    });

    it('evaluates readiness itself by default: a fresh registry is not ready, which is no turn', async () => {
      const before = (await rowsOf(server.db, 'readiness.notReady')).length;
      await server.db.kysely
        .deleteFrom('notificationMarks')
        .where('key', '=', 'readiness')
        .execute();
      await runNotificationTick(server.db, new Date().toISOString());
      const mark = await server.db.kysely
        .selectFrom('notificationMarks')
        .select('value')
        .where('key', '=', 'readiness')
        .executeTakeFirstOrThrow();
      expect(mark.value).to.equal('not-ready:0');
      expect(await rowsOf(server.db, 'readiness.notReady')).to.have.length(before);
    });

    it('evaluates readiness again only after a change of data or a window opening or closing', async () => {
      let evaluations = 0;
      const watch = watchReadiness(server.db, {
        isReady: async () => {
          evaluations++;
          return false;
        },
      });
      const now = new Date().toISOString();
      await watch(now);
      await watch(at(now, 0.01));
      expect(evaluations, 'nothing changed').to.equal(1);

      const artefact = fresh();
      await openConsultation(server, programme.token, [artefact.id], {
        opensAt: at(now, 5001),
        closesAt: at(now, 5100),
      });
      await watch(at(now, 0.02));
      expect(evaluations, 'the data changed').to.equal(2);
      // Far ahead, past other tests' windows; from there, only this window's opening counts.
      await watch(at(now, 5000.8));
      const counted = evaluations;
      await watch(at(now, 5000.9));
      expect(evaluations, 'nothing changed since').to.equal(counted);
      await watch(at(now, 5001.1));
      expect(evaluations, 'the window opened').to.equal(counted + 1);
      await watch(at(now, 5001.2));
      expect(evaluations).to.equal(counted + 1);
    });
  });
}
