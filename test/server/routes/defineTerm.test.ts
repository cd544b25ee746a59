import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { artefactId, publish, type SignedInUser } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

interface FindingBody {
  id: string;
  clauseRef: string;
  kind: string;
  excerpt: string;
  status: string;
}

const GLOSSARY = [
  'ANNEX X-1: GENERAL GLOSSARY',
  '',
  '1. DEFINITIONS',
  '',
  '1.1.1 "Settlement Period" means a period of 30 minutes.',
].join('\n');

const SECTION_S = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '1. GENERAL',
  '',
  '1.1.1 Each BSC Party shall provide data for each Settlement Period.',
  '',
  '1.1.2 The Gross Volume Correction is made for each Settlement Period and/or day.',
].join('\n');

const SCHEDULE_9 = [
  'SCHEDULE 9: DATA',
  '',
  '1. GENERAL',
  '',
  '1.1 Every BSC Party that is also a party to this schedule shall give notice.',
].join('\n');

for (const dialect of testDialects()) {
  describe(`Define this term on an undefined-term finding (${dialect})`, () => {
    let server: TestServer;
    let bsc: SignedInUser;
    let rec: SignedInUser;
    let programme: SignedInUser;
    let alice: SignedInUser;
    let s: string;
    let s9: string;

    const findings = async (id: string) => {
      const res = await server.api(`/api/artefacts/${id}/findings`, { token: alice.token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.data as FindingBody[];
    };
    const finding = async (id: string, kind: string, excerpt: string) => {
      const found = (await findings(id)).find((f) => f.kind === kind && f.excerpt === excerpt);
      if (!found) throw new Error(`no ${kind} finding "${excerpt}"`);
      return found;
    };
    const define = (findingId: string, token: string, body: unknown) =>
      server.api(`/api/findings/${findingId}/define`, { token, body });
    const config = async () =>
      (await server.api('/api/plain-english/config', { token: alice.token })).body.data as {
        definedTerms: string[];
        definitions: Record<string, string>[];
      };

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      await publish(
        server,
        bsc,
        await artefactId(server, programme.token, 'Section X Annex X-1'),
        GLOSSARY,
      );
      s = await artefactId(server, programme.token, 'Section S');
      s9 = await artefactId(server, programme.token, 'Schedule 9');
      await publish(server, bsc, s, SECTION_S);
      await publish(server, rec, s9, SCHEDULE_9);
    });
    after(() => server.close());

    it('refuses those who may not waive the finding, and bad input', async () => {
      const target = await finding(s, 'undefined-term', 'BSC Party');
      const vague = await finding(s, 'vague-wording', 'and/or');
      const good = { definition: 'a person bound by the Code' };
      expect((await define(target.id, alice.token, good)).status).to.equal(403);
      expect((await define(target.id, rec.token, good)).status).to.equal(403);
      expect((await define(target.id, bsc.token, { definition: '   ' })).status).to.equal(400);
      expect((await define(target.id, bsc.token, {})).status).to.equal(400);
      expect((await define(target.id, bsc.token, { ...good, term: 'X' })).status).to.equal(400);
      expect((await define(vague.id, bsc.token, good)).status).to.equal(400);
      expect((await define('nope', bsc.token, good)).status).to.equal(404);
      expect((await config()).definedTerms).to.deep.equal([]);
      expect((await finding(s, 'undefined-term', 'BSC Party')).status).to.equal('open');
    });

    it("adds the term with its source, audited, and closes the term's findings everywhere", async () => {
      const target = await finding(s, 'undefined-term', 'BSC Party');
      await finding(s9, 'undefined-term', 'BSC Party');
      const res = await define(target.id, bsc.token, {
        definition: ' a person bound by the Code by virtue of the Framework Agreement ',
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.data.definition).to.include({
        term: 'BSC Party',
        definition: 'a person bound by the Code by virtue of the Framework Agreement',
        findingId: target.id,
        artefactId: s,
        clauseRef: '1.1.1',
        definedBy: bsc.id,
      });
      expect(res.body.data.rechecked.closed).to.equal(2);

      const terms = async (id: string) =>
        (await findings(id)).filter((f) => f.kind === 'undefined-term').map((f) => f.excerpt);
      expect(await terms(s)).to.deep.equal(['Gross Volume Correction']);
      expect(await terms(s9)).to.deep.equal([]);
      const saved = await config();
      expect(saved.definedTerms).to.deep.equal(['BSC Party']);
      expect(saved.definitions.map((d) => [d.term, d.findingId, d.definedBy])).to.deep.equal([
        ['BSC Party', target.id, bsc.id],
      ]);

      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'actorId', 'after'])
        .where('entity', '=', 'finding')
        .where('entityId', '=', target.id)
        .execute();
      expect(audit.map((e) => [e.action, e.actorId])).to.deep.equal([['finding.define', bsc.id]]);
      expect(JSON.parse(audit[0]?.after ?? '{}')).to.include({ term: 'BSC Party' });

      // Later versions are checked against the configured term too.
      await publish(server, rec, s9, `${SCHEDULE_9}\n\n1.2 A BSC Party may object.`, 'v2');
      expect(await terms(s9)).to.deep.equal([]);
    });

    it('refuses a term already in the configured list (409), keeping its definition', async () => {
      const put = (definedTerms: string[]) =>
        server.api('/api/plain-english/config', {
          method: 'PUT',
          token: programme.token,
          body: { definedTerms, vagueTerms: [] },
        });
      // Configured but not yet re-checked: the finding is still open.
      expect((await put(['BSC Party', 'gross volume correction'])).status).to.equal(200);
      const target = await finding(s, 'undefined-term', 'Gross Volume Correction');
      const res = await define(target.id, programme.token, { definition: 'a correction' });
      expect(res.status).to.equal(409);
      expect(res.body.error.message).to.contain('already in the configured glossary');
      expect((await config()).definitions.map((d) => d.term)).to.deep.equal(['BSC Party']);
      // Removing the term from the list drops its definition.
      expect((await put(['gross volume correction'])).status).to.equal(200);
      expect((await config()).definitions).to.deep.equal([]);
    });
  });
}
