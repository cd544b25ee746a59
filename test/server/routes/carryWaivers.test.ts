import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { artefactId, publish, type SignedInUser } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

interface FindingBody {
  id: string;
  clauseRef: string;
  excerpt: string;
  status: string;
  reason: string | null;
  decidedBy: string | null;
  carriedFrom: string | null;
  carriedFromFindingId: string | null;
}

const doc = (...clauses: string[]) => ['SECTION S', '1. GENERAL', ...clauses].join('\n\n');

const V1 = doc(
  '1.1.1 The supplier shall send the data and/or the report.',
  '1.1.2 The agent shall act as appropriate.',
  '1.1.3 Data is kept etc. for a year.',
);
// A clause inserted first renumbers the rest; the last one's words change.
const V2 = doc(
  '1.1.1 Each meter is read every day.',
  '1.1.2 The supplier shall send the data and/or the report.',
  '1.1.3 The agent shall act as appropriate.',
  '1.1.4 Data is kept etc. for two years.',
);

for (const dialect of testDialects()) {
  describe(`waivers carried into the next version (${dialect})`, () => {
    let server: TestServer;
    let bsc: SignedInUser;
    let programme: SignedInUser;
    let s: string;

    const findings = async (versionId?: string) => {
      const query = versionId ? `?versionId=${versionId}` : '';
      const res = await server.api(`/api/artefacts/${s}/findings${query}`, { token: bsc.token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.data as FindingBody[];
    };
    const byExcerpt = (list: FindingBody[], excerpt: string) => {
      const found = list.find((f) => f.excerpt === excerpt);
      if (!found) throw new Error(`no finding "${excerpt}"`);
      return found;
    };
    const waive = async (id: string, reason: string, token: string) => {
      const res = await server.api(`/api/findings/${id}/waive`, { token, body: { reason } });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    };

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      programme = await server.signedIn('programme');
      s = await artefactId(server, programme.token, 'Section S');
    });
    after(() => server.close());

    it('carries a waiver where the clause is unchanged, renumbered or not, and reopens a changed one', async () => {
      const v1 = (await publish(server, bsc, s, V1, 'v1')).id;
      const first = await findings(v1);
      await waive(byExcerpt(first, 'and/or').id, 'Both are meant.', bsc.token);
      await waive(byExcerpt(first, 'as appropriate').id, 'The agent decides.', programme.token);
      await waive(byExcerpt(first, 'etc.').id, 'The list is open on purpose.', bsc.token);

      const v2 = (await publish(server, bsc, s, V2, 'v2')).id;
      const second = await findings(v2);
      expect(second.map((f) => `${f.clauseRef} ${f.excerpt}: ${f.status}`)).to.deep.equal([
        '1.1.2 and/or: waived',
        '1.1.3 as appropriate: waived',
        '1.1.4 etc.: open',
      ]);
      const andOr = byExcerpt(second, 'and/or');
      expect(andOr).to.include({
        reason: 'Both are meant.',
        decidedBy: bsc.id,
        carriedFrom: 'v1',
        carriedFromFindingId: byExcerpt(first, 'and/or').id,
      });
      expect(byExcerpt(second, 'as appropriate')).to.include({
        reason: 'The agent decides.',
        decidedBy: programme.id,
        carriedFrom: 'v1',
      });
      expect(byExcerpt(second, 'etc.')).to.include({ reason: null, carriedFrom: null });
      // The earlier version's waivers stand as they were.
      expect((await findings(v1)).every((f) => f.status === 'waived')).to.equal(true);

      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'actorId', 'entityId', 'after'])
        .where('action', '=', 'finding.carryWaiver')
        .orderBy('id')
        .execute();
      expect(audit.map((e) => [e.entityId, e.actorId])).to.have.deep.members([
        [andOr.id, bsc.id],
        [byExcerpt(second, 'as appropriate').id, bsc.id],
      ]);
      expect(JSON.parse(audit[0]?.after ?? '{}')).to.include({
        carriedFrom: 'v1',
        carriedFromVersionId: v1,
      });

      // Waived again in v2, and carried on into an unchanged v3.
      await waive(byExcerpt(second, 'etc.').id, 'Still open on purpose.', bsc.token);
      const v3 = (await publish(server, bsc, s, V2, 'v3')).id;
      const third = await findings(v3);
      expect(third.map((f) => [f.excerpt, f.status, f.carriedFrom])).to.deep.equal([
        ['and/or', 'waived', 'v2'],
        ['as appropriate', 'waived', 'v2'],
        ['etc.', 'waived', 'v2'],
      ]);
      expect(byExcerpt(third, 'and/or').reason).to.equal('Both are meant.');
    });
  });
}
