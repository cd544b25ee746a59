import { expect } from 'chai';
import { loadGlossary } from '../../../server/db/glossaryCache.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId, findArtefact, publish, type SignedInUser } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const ANNEX_X1 = [
  'SECTION X ANNEX X-1: GENERAL GLOSSARY',
  '',
  '1. DEFINITIONS',
  '',
  '1.1.1 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour;',
  '',
  '1.1.2 "Data Collector" means, in relation to a Metering System, the person appointed by the Supplier to retrieve and process Metered Data;',
  '',
  '1.1.3 "Supplier Volume Allocation Agent" or "SVAA" means the BSC Agent for supplier volume allocation <script>alert(1)</script>.',
].join('\n');

const REC_SCHEDULE_1 = [
  'SCHEDULE 1: INTERPRETATIONS AND DEFINITIONS',
  '',
  '1. DEFINITIONS',
  '',
  '1.1 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour.',
  '',
  '1.2 "Data Collectors" means the persons appointed by an Energy Supplier to collect consumption data from a Metering Point.',
].join('\n');

const SECTION_S = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '1. GENERAL',
  '',
  '1.1.1 The SVAA shall allocate volumes for each Settlement Period.',
  '',
  '1.1.2 Each Data Collector shall estimate consumption of an Unmetered Supply.',
].join('\n');

interface Place {
  code: string;
  reference: string;
  slug: string;
  version: { id: string; label: string };
  clauseRef: string;
  anchor: string;
  href: string;
}
interface Entry {
  term: string;
  conflicting: boolean;
  configured: boolean;
  definitions: {
    text: string;
    source: ({ kind: 'artefact' } & Place) | { kind: 'configured'; from: Place | null };
  }[];
}

for (const dialect of testDialects()) {
  describe(`GET /api/glossary (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let bsc: SignedInUser;
    let rec: SignedInUser;
    let programme: SignedInUser;
    let alice: SignedInUser;
    let annexId: string;
    let sectionS: { id: string; slug: string };
    let sectionSVersion: string;

    const glossary = async (query = '', who = alice) => {
      const res = await server.api(`/api/glossary${query}`, { token: who.token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.data as Entry[];
    };
    const entry = async (term: string) => {
      const found = (await glossary()).find((e) => e.term === term);
      if (!found) throw new Error(`no glossary entry ${term}`);
      return found;
    };

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      annexId = await artefactId(server, programme.token, 'Section X Annex X-1');
      await publish(server, bsc, annexId, ANNEX_X1);
      await publish(
        server,
        rec,
        await artefactId(server, programme.token, 'Schedule 1'),
        REC_SCHEDULE_1,
      );
      sectionS = await findArtefact(server, programme.token, 'Section S');
      sectionSVersion = (await publish(server, bsc, sectionS.id, SECTION_S)).id;
    });
    after(() => server.close());

    it('answers 401 without sign-in and 400 to a bad filter', async () => {
      expect((await server.api('/api/glossary')).status).to.equal(401);
      const bad = await server.api('/api/glossary?conflicting=maybe', { token: alice.token });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.be.a('string');
    });

    it('lists a term the two codes define alike once, with a link to each definition', async () => {
      const period = await entry('Settlement Period');
      expect(period.conflicting).to.equal(false);
      const [bscSource, recSource] = period.definitions.map((d) => d.source as Place);
      expect(bscSource).to.include({
        kind: 'artefact',
        code: 'BSC',
        reference: 'Section X Annex X-1',
        slug: 'bsc-section-x-annex-x-1',
        clauseRef: '1.1.1',
        anchor: 'clause-1-1-1',
      });
      expect(bscSource?.href).to.match(
        /^\/artefacts\/bsc-section-x-annex-x-1\?version=.+#clause-1-1-1$/,
      );
      expect(recSource).to.include({ code: 'REC', reference: 'Schedule 1', clauseRef: '1.1' });
      expect(recSource?.version.label).to.equal('v1');
    });

    it('flags a term defined differently in two places, its plural merged', async () => {
      const collector = await entry('Data Collector');
      expect(collector.conflicting).to.equal(true);
      expect(collector.definitions.map((d) => (d.source as Place).code)).to.deep.equal([
        'BSC',
        'REC',
      ]);
      const flagged = await glossary('?conflicting=true');
      expect(flagged.map((e) => e.term)).to.deep.equal(['Data Collector']);
    });

    it('sends definitions as the words written, for the client to show as text', async () => {
      const svaa = await entry('SVAA');
      expect(svaa.definitions[0]?.text).to.equal(
        'the BSC Agent for supplier volume allocation <script>alert(1)</script>.',
      );
    });

    it('includes the configured list: defined from a finding, or a name alone', async () => {
      const findings = await server.api(`/api/artefacts/${sectionS.id}/findings`, {
        token: alice.token,
      });
      const unmetered = (findings.body.data as { id: string; excerpt: string }[]).find(
        (f) => f.excerpt === 'Unmetered Supply',
      );
      if (!unmetered) throw new Error(`no finding: ${JSON.stringify(findings.body)}`);
      const defined = await server.api(`/api/findings/${unmetered.id}/define`, {
        token: bsc.token,
        body: { definition: 'a supply of electricity that is not measured by a meter' },
      });
      expect(defined.status, JSON.stringify(defined.body)).to.equal(200);
      const configured = await server.api('/api/plain-english/config', {
        method: 'PUT',
        token: programme.token,
        body: { definedTerms: ['Unmetered Supply', 'Half Hourly Trading Unit'], vagueTerms: [] },
      });
      expect(configured.status, JSON.stringify(configured.body)).to.equal(200);

      const supply = await entry('Unmetered Supply');
      expect(supply.configured).to.equal(true);
      expect(supply.definitions).to.have.length(1);
      expect(supply.definitions[0]?.text).to.equal(
        'a supply of electricity that is not measured by a meter',
      );
      const source = supply.definitions[0]?.source;
      expect(source?.kind).to.equal('configured');
      expect(source?.kind === 'configured' && source.from).to.include({
        code: 'BSC',
        reference: 'Section S',
        clauseRef: '1.1.2',
        href: `/artefacts/${sectionS.slug}?version=${sectionSVersion}#clause-1-1-2`,
      });
      expect(await entry('Half Hourly Trading Unit')).to.deep.equal({
        term: 'Half Hourly Trading Unit',
        conflicting: false,
        configured: true,
        definitions: [],
      });
      expect((await glossary('?q=trading%20UNIT')).map((e) => e.term)).to.deep.equal([
        'Half Hourly Trading Unit',
      ]);
    });

    it('follows the current version: a new Annex X-1 that agrees with REC ends the conflict', async () => {
      expect((await entry('Data Collector')).conflicting).to.equal(true);
      await publish(
        server,
        bsc,
        annexId,
        ANNEX_X1.replace(
          /"Data Collector" means.*;/,
          '"Data Collector" means the persons appointed by an Energy Supplier to collect consumption data from a Metering Point;',
        ),
        'v2',
      );
      const collector = await entry('Data Collector');
      expect(collector.conflicting, JSON.stringify(collector)).to.equal(false);
      // Built once per set of current versions and configured list, then served from memory.
      const built = await loadGlossary(server.db);
      expect(await loadGlossary(server.db)).to.equal(built);
      expect((collector.definitions[0]?.source as Place).version.label).to.equal('v2');
    });
  });
}
