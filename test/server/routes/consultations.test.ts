import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { artefactId } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

for (const dialect of testDialects()) {
  describe(`consultation dates (${dialect})`, () => {
    let server: TestServer;
    let programme: Signed;
    let section: string;
    before(async () => {
      server = await startTestServer({ dialect });
      programme = await server.signedIn('programme');
      section = await artefactId(server, programme.token, 'Section S');
    });
    after(() => server.close());

    let n = 0;
    const create = (opensAt: string, closesAt: string) =>
      server.api('/api/consultations', {
        token: programme.token,
        body: { title: `Window ${(n += 1)}`, opensAt, closesAt, artefacts: [section] },
      });

    it('refuses dates outside 2000-01-01 .. 2100-12-31 with a 400 naming the field', async () => {
      const cases: [string, string, string][] = [
        ['0000-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'body.opensAt'],
        ['1999-12-31T23:59:59Z', '2026-02-01T00:00:00Z', 'body.opensAt'],
        // 05:00 at +06:00 is still 1999 in UTC.
        ['2000-01-01T05:00:00+06:00', '2026-02-01T00:00:00Z', 'body.opensAt'],
        ['2026-01-01T00:00:00Z', '2101-01-01T00:00:00Z', 'body.closesAt'],
        ['2026-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'body.closesAt'],
      ];
      for (const [opensAt, closesAt, field] of cases) {
        const res = await create(opensAt, closesAt);
        expect(res.status, `${opensAt} .. ${closesAt}`).to.equal(400);
        expect(res.body.error.code).to.equal('invalid_request');
        expect(res.body.error.message).to.equal(
          `${field}: must be between 2000-01-01 and 2100-12-31`,
        );
      }
      const stored = await server.db.kysely
        .selectFrom('consultations')
        .select('opensAt')
        .where('opensAt', '<', '2000-01-01')
        .execute();
      expect(stored).to.deep.equal([]);
    });

    it('accepts the first and last moments of the range', async () => {
      const res = await create('2000-01-01T00:00:00Z', '2100-12-31T23:59:59.999Z');
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body.data).to.include({
        opensAt: '2000-01-01T00:00:00.000Z',
        closesAt: '2100-12-31T23:59:59.999Z',
      });
    });

    it('refuses a window that closes before it opens, naming closesAt', async () => {
      for (const closesAt of ['2026-01-01T00:00:00Z', '2025-12-31T00:00:00Z']) {
        const res = await create('2026-01-01T00:00:00Z', closesAt);
        expect(res.status).to.equal(400);
        expect(res.body.error.message).to.equal('body.closesAt: must be after opensAt');
      }
    });
  });
}
