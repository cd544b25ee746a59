import { expect } from 'chai';
import {
  backfillCrossReferences,
  raiseUnraisedBrokenCitations,
} from '../../../server/db/crossReferences.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

const SECTION_S = (third: string) =>
  [
    '2. SUPPLIER OBLIGATIONS',
    '',
    '2.1 Appointments',
    '',
    '2.1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
    '',
    '2.1.2 The Data Collector shall retrieve data daily.',
    '',
    third,
  ].join('\n');

const SCHEDULE_23 = [
  '1. SCOPE',
  '',
  '1.1 The Supplier shall appoint agents as required by BSC Section S paragraph 2.1.1 and no others.',
].join('\n');

interface Reference {
  text: string;
  resolved: boolean;
  withinArtefact: boolean;
  source: { reference: string; code: string; clauseRef: string; slug: string; href: string };
  target: { reference: string | null; clauseRef: string | null; href: string | null };
}

for (const dialect of testDialects()) {
  describe(`cross-references between clauses (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let reader: Signed;
    let sectionS: string;
    let schedule: string;

    const references = async (id: string, direction: 'in' | 'out') => {
      const res = await server.api(`/api/artefacts/${id}/references?direction=${direction}`, {
        token: reader.token,
      });
      expect(res.status).to.equal(200);
      return res.body as {
        data: Reference[];
        countsByCode?: Record<string, number>;
        withinArtefact?: number;
      };
    };

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      reader = await server.signedIn('participant');
      sectionS = await artefactId(server, bsc.token, 'Section S');
      schedule = await artefactId(server, rec.token, 'Schedule 23');
      await publish(
        server,
        bsc,
        sectionS,
        SECTION_S('2.1.3 A Supplier that appoints under paragraph 2.1.1 shall notify the Panel.'),
      );
      await publish(server, rec, schedule, SCHEDULE_23);
    });
    after(() => server.close());

    it('lists the references out of the current version, linked to the target clause', async () => {
      const out = await references(sectionS, 'out');
      expect(out.data).to.have.length(1);
      expect(out.data[0]).to.deep.include({ text: 'paragraph 2.1.1', resolved: true });
      expect(out.data[0]?.source).to.deep.include({ reference: 'Section S', clauseRef: '2.1.3' });
      expect(out.data[0]?.target).to.deep.include({
        reference: 'Section S',
        clauseRef: '2.1.1',
        href: '/artefacts/bsc-section-s#clause-2-1-1',
      });
      expect(out.countsByCode).to.equal(undefined);

      const fromRec = await references(schedule, 'out');
      expect(
        fromRec.data.map((r) => [r.text, r.target.reference, r.target.clauseRef]),
      ).to.deep.equal([['BSC Section S paragraph 2.1.1', 'Section S', '2.1.1']]);
    });

    it('lists the references into an artefact with counts per citing code', async () => {
      const into = await references('bsc-section-s', 'in');
      expect(
        into.data.map((r) => [
          r.source.code,
          r.source.reference,
          r.source.clauseRef,
          r.target.clauseRef,
        ]),
      ).to.have.deep.members([
        ['BSC', 'Section S', '2.1.3', '2.1.1'],
        ['REC', 'Schedule 23', '1.1', '2.1.1'],
      ]);
      // Section S citing its own 2.1.1 is counted apart from the codes that depend on it.
      expect(into.countsByCode).to.deep.equal({ REC: 1 });
      expect(into.withinArtefact).to.equal(1);
      expect(into.data.map((r) => [r.source.code, r.withinArtefact])).to.have.deep.members([
        ['BSC', true],
        ['REC', false],
      ]);
      const recHit = into.data.find((r) => r.source.code === 'REC');
      expect(recHit?.source.href).to.match(/^\/artefacts\/[a-z0-9-]+#clause-1-1$/);
    });

    it('updates the index when the citing artefact is republished', async () => {
      await publish(
        server,
        bsc,
        sectionS,
        SECTION_S('2.1.3 A Supplier shall notify the Panel of paragraphs 2.1.1 and 2.1.2.'),
        'v2',
      );
      const out = await references(sectionS, 'out');
      expect(out.data.map((r) => [r.text, r.target.clauseRef])).to.deep.equal([
        ['paragraphs 2.1.1', '2.1.1'],
        ['2.1.2', '2.1.2'],
      ]);
      const into = await references(sectionS, 'in');
      expect(into.countsByCode).to.deep.equal({ REC: 1 });
      expect(into.withinArtefact).to.equal(2);
    });

    it('marks a reference unresolved when the clause it cites goes, and resolved when it returns', async () => {
      await publish(server, bsc, sectionS, '3. OTHER\n\n3.1 Nothing here.', 'v3');
      const gone = await references(schedule, 'out');
      expect(gone.data[0]?.resolved).to.equal(false);
      expect((await references(sectionS, 'out')).data).to.deep.equal([]);
      await publish(server, bsc, sectionS, SECTION_S('2.1.3 Nothing cited.'), 'v4');
      expect((await references(schedule, 'out')).data[0]?.resolved).to.equal(true);
    });

    it('rebuilds the same index from the current versions of a database that predates it', async () => {
      const before = await references(sectionS, 'in');
      await server.db.kysely.deleteFrom('crossReferences').execute();
      expect((await references(sectionS, 'in')).data).to.deep.equal([]);
      await backfillCrossReferences(server.db.kysely);
      expect(await references(sectionS, 'in')).to.deep.equal(before);
    });

    it('answers 404 for an unknown artefact and 400 for an unknown direction', async () => {
      expect(
        (await server.api('/api/artefacts/nope/references', { token: reader.token })).status,
      ).to.equal(404);
      const bad = await server.api(`/api/artefacts/${sectionS}/references?direction=sideways`, {
        token: reader.token,
      });
      expect(bad.status).to.equal(400);
    });
  });
}

const RENUMBERED = [
  '2. SUPPLIER OBLIGATIONS',
  '',
  '2.1 Appointments',
  '',
  '2.1.1 Each Supplier shall register with the Panel before it trades in any Settlement Period.',
  '',
  '2.1.2 Each Supplier shall appoint a Data Collector for each Metering System.',
  '',
  '2.1.3 The Data Collector shall retrieve data daily.',
  '',
  '2.1.4 A Supplier that appoints under paragraph 2.1.2 shall notify the Panel.',
].join('\n');

interface FindingJson {
  clauseRef: string;
  kind: string;
  excerpt: string;
  message: string;
  status: string;
}

for (const dialect of testDialects()) {
  describe(`consistency of cross-references on publish (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let sectionS: string;
    let schedule: string;

    const findings = async (id: string) => {
      const res = await server.api(`/api/artefacts/${id}/findings`, { token: rec.token });
      expect(res.status).to.equal(200);
      return (res.body.data as FindingJson[]).filter((f) => f.kind === 'broken-reference');
    };

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      sectionS = await artefactId(server, bsc.token, 'Section S');
      schedule = await artefactId(server, rec.token, 'Schedule 23');
      await publish(server, bsc, sectionS, SECTION_S('2.1.3 Nothing cited.'));
      await publish(server, rec, schedule, SCHEDULE_23);
    });
    after(() => server.close());

    it('raises a finding on the citing clause in another code when the cited clause is renumbered', async () => {
      expect(await findings(schedule)).to.deep.equal([]);
      await publish(server, bsc, sectionS, RENUMBERED, 'v2');
      const [finding, ...rest] = await findings(schedule);
      expect(rest).to.deep.equal([]);
      expect(finding).to.deep.include({
        clauseRef: '1.1',
        excerpt: 'BSC Section S paragraph 2.1.1',
        status: 'open',
        message: 'Section S 2.1.1 is now 2.1.2 (v2): change the reference to 2.1.2',
      });
    });

    it('keeps the finding through a plain-English re-check of the citing version', async () => {
      const programme = await server.signedIn('programme');
      const res = await server.api('/api/plain-english/recheck', {
        token: programme.token,
        body: {},
      });
      expect(res.status).to.equal(200);
      expect(await findings(schedule)).to.have.length(1);
    });

    it('clears when the citing artefact publishes the corrected reference', async () => {
      await publish(
        server,
        rec,
        schedule,
        SCHEDULE_23.replace('paragraph 2.1.1', 'paragraph 2.1.2'),
        'v2',
      );
      expect(await findings(schedule)).to.deep.equal([]);
    });

    it('raises a finding when the citing artefact cites a clause the other artefact does not have', async () => {
      await publish(
        server,
        rec,
        schedule,
        SCHEDULE_23.replace('paragraph 2.1.1', 'paragraph 2.1.9'),
        'v3',
      );
      const [finding] = await findings(schedule);
      expect(finding).to.deep.include({
        clauseRef: '1.1',
        excerpt: 'BSC Section S paragraph 2.1.9',
        message: 'Section S has no clause 2.1.9 in its current version (v2): check the reference',
      });
    });

    it('raises the finding of a broken citation indexed without one (backfill, migration 0020)', async () => {
      const what = (list: FindingJson[]) =>
        list.map(({ clauseRef, excerpt, message, status }) => ({
          clauseRef,
          excerpt,
          message,
          status,
        }));
      const raised = what(await findings(schedule));
      expect(raised).to.have.length(1);
      await server.db.kysely.updateTable('crossReferences').set({ findingId: null }).execute();
      await server.db.kysely
        .deleteFrom('plainEnglishFindings')
        .where('kind', '=', 'broken-reference')
        .execute();
      expect(await findings(schedule)).to.deep.equal([]);
      await raiseUnraisedBrokenCitations(server.db.kysely);
      expect(what(await findings(schedule))).to.deep.equal(raised);

      await server.db.kysely.deleteFrom('crossReferences').execute();
      await server.db.kysely
        .deleteFrom('plainEnglishFindings')
        .where('kind', '=', 'broken-reference')
        .execute();
      await backfillCrossReferences(server.db.kysely);
      expect(what(await findings(schedule))).to.deep.equal(raised);
    });

    it('takes an item of a cited clause as cited when its clause is there', async () => {
      await publish(
        server,
        rec,
        schedule,
        SCHEDULE_23.replace('paragraph 2.1.1', 'paragraph 2.1.3(a)'),
        'v4',
      );
      expect(await findings(schedule)).to.deep.equal([]);
    });
  });
}
