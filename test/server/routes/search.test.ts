import { expect } from 'chai';
import { sql } from 'kysely';
import { testDialects } from '../../helpers/db.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  signInCast,
  type ArtefactRef,
  type SignedInUser,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const SECTION_S_V1 = [
  '1. DATA COLLECTION',
  '',
  '1.1 Appointment',
  '',
  '1.1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
  '',
  '1.1.2 The Half Hourly Data Collector shall retrieve metered data fortnightly.',
].join('\n');

const SECTION_S_V2 = [
  '1. DATA COLLECTION',
  '',
  '1.1 Appointment',
  '',
  '1.1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
  '',
  '1.1.2 The Half Hourly Data Collector shall retrieve consumption data every Settlement Day.',
].join('\n');

const SCHEDULE_23 = [
  '1. INTERPRETATION',
  '',
  '1.1 The Data Collector appointed by the Supplier shall provide readings to the <b>Market-wide Data Service</b>.',
  '',
  '1.2 A collector of data from smart meters is not appointed under this Schedule.',
].join('\n');

const DCUSA = [
  '1. TRANSITION',
  '',
  '1.1 Each Distribution Network Operator shall send data to the Data Collectors appointed for its Metering Points.',
].join('\n');

interface Part {
  text: string;
  hit: boolean;
}
interface Hit {
  type: string;
  artefact: { reference: string; code: string; slug: string };
  version: { id: string; label: string; current: boolean };
  clauseRef: string;
  heading: string | null;
  anchor: string;
  snippet: Part[];
  comment?: { id: string };
}

for (const dialect of testDialects()) {
  describe(`full-text search (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let cast: Awaited<ReturnType<typeof signInCast>>;
    let dcusa: SignedInUser;
    let sectionS: ArtefactRef;
    let v1: string;
    let v2: string;
    let secret: { id: string };

    const search = async (who: SignedInUser, params: Record<string, string>) => {
      const res = await server.api(`/api/search?${new URLSearchParams(params)}`, {
        token: who.token,
      });
      return res;
    };
    const hits = async (params: Record<string, string>, who = cast.alice) => {
      const res = await search(who, params);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.data as Hit[];
    };
    const places = (found: Hit[]) => found.map((h) => `${h.artefact.reference} ${h.clauseRef}`);

    before(async () => {
      server = await startTestServer({ dialect });
      cast = await signInCast(server);
      dcusa = await server.signedIn('code_body', { code: 'DCUSA' });
      sectionS = await findArtefact(server, cast.programme.token, 'Section S');
      const schedule23 = await findArtefact(server, cast.programme.token, 'Schedule 23');
      const transition = await findArtefact(server, cast.programme.token, 'DCUSA MHHS Transition');
      v1 = (await publish(server, cast.bsc, sectionS.id, SECTION_S_V1, 'v1')).id;
      v2 = (await publish(server, cast.bsc, sectionS.id, SECTION_S_V2, 'v2')).id;
      await publish(server, cast.rec, schedule23.id, SCHEDULE_23, 'v1');
      await publish(server, dcusa, transition.id, DCUSA, 'v1');
      await openConsultation(server, cast.programme.token, [sectionS.id]);
      const posted = await postComment(server, cast.bob.token, sectionS.id, {
        body: 'Name the Data Collector for unmetered supplies (quokka).',
        confidential: true,
      });
      expect(posted.status, JSON.stringify(posted.body)).to.equal(201);
      secret = posted.body.data;
      const open = await postComment(server, cast.alice.token, sectionS.id, {
        body: 'Say which Data Collectors this binds.',
        proposedText: 'The quokka rule applies.',
      });
      expect(open.status).to.equal(201);
    });
    after(() => server.close());

    it('finds every use of "Data Collector" across the three codes, each at its clause', async () => {
      const found = await hits({ q: '"Data Collector"' });
      expect(places(found)).to.have.members([
        'Section S 1.1.1',
        'Section S 1.1.2',
        'Schedule 23 1.1',
        'DCUSA MHHS Transition 1.1',
      ]);
      expect(new Set(found.map((h) => h.artefact.code))).to.deep.equal(
        new Set(['BSC', 'REC', 'DCUSA']),
      );
      const s = found.find((h) => h.artefact.reference === 'Section S' && h.clauseRef === '1.1.1')!;
      expect(s.version).to.deep.equal({ id: v2, label: 'v2', current: true });
      expect(s.artefact.slug).to.equal('bsc-section-s');
      expect(s.anchor).to.be.a('string').and.not.equal('');
    });

    it('marks the hits in the snippet as parts of plain text', async () => {
      const [hit] = await hits({ q: '"Data Collector"', code: 'REC' });
      // FTS5 marks an adjacent phrase as one hit, PostgreSQL each word.
      const marked = hit!.snippet
        .filter((p) => p.hit)
        .flatMap((p) => p.text.toLowerCase().split(' '));
      expect(marked).to.include.members(['data', 'collector']);
      const text = hit!.snippet.map((p) => p.text).join('');
      expect(text).to.include('<b>Market-wide');
      expect([...text].some((ch) => ch.charCodeAt(0) < 0x20)).to.equal(false);
    });

    it('matches a quoted phrase only in order, and words anywhere in the clause', async () => {
      const words = places(await hits({ q: 'collector data', code: 'REC' }));
      expect(words).to.have.members(['Schedule 23 1.1', 'Schedule 23 1.2']);
      const phrase = places(await hits({ q: '"data collector"', code: 'REC' }));
      expect(phrase).to.deep.equal(['Schedule 23 1.1']);
    });

    it('ignores case and plurals', async () => {
      expect(places(await hits({ q: 'COLLECTORS', code: 'DCUSA' }))).to.deep.equal([
        'DCUSA MHHS Transition 1.1',
      ]);
      expect(places(await hits({ q: 'collectors', code: 'BSC' }))).to.have.members([
        'Section S 1.1.1',
        'Section S 1.1.2',
      ]);
    });

    it('matches a word ending in * as a prefix', async () => {
      expect(await hits({ q: 'settlem' })).to.deep.equal([]);
      expect(places(await hits({ q: 'settlem*' }))).to.deep.equal(['Section S 1.1.2']);
      // The index holds "retriev" for "retrieve": a prefix longer than the stem still finds it.
      expect(places(await hits({ q: 'retrieve*' }))).to.deep.equal(['Section S 1.1.2']);
      expect(places(await hits({ q: '"half hourly data collect*"' }))).to.deep.equal([]);
      expect(places(await hits({ q: 'half hourly data collect*' }))).to.deep.equal([
        'Section S 1.1.2',
      ]);
    });

    it('searches current versions by default, and superseded text with version=all', async () => {
      expect(await hits({ q: 'fortnightly' })).to.deep.equal([]);
      const all = await hits({ q: 'fortnightly', version: 'all' });
      expect(all.map((h) => [h.clauseRef, h.version.id, h.version.current])).to.deep.equal([
        ['1.1.2', v1, false],
      ]);
    });

    it('filters by code and kind', async () => {
      const rec = await hits({ q: 'data', code: 'rec' });
      expect(rec.length).to.be.greaterThan(0);
      expect(rec.every((h) => h.artefact.code === 'REC')).to.equal(true);
      expect(await hits({ q: 'data', kind: 'bscp' })).to.deep.equal([]);
      const sections = places(await hits({ q: '"Data Collector"', kind: 'section' }));
      expect(sections).to.have.members(['Section S 1.1.1', 'Section S 1.1.2']);
      const recSections = await hits({ q: '"Data Collector"', kind: 'section', code: 'REC' });
      expect(recSections).to.deep.equal([]);
    });

    it('pages with an opaque cursor', async () => {
      const first = await search(cast.alice, { q: '"data collector"', limit: '3' });
      expect(first.body.data).to.have.length(3);
      expect(first.body.nextCursor).to.be.a('string');
      const second = await search(cast.alice, {
        q: '"data collector"',
        limit: '3',
        cursor: first.body.nextCursor,
      });
      expect(second.status).to.equal(200);
      expect(second.body.nextCursor).to.equal(null);
      const seen = [...first.body.data, ...second.body.data] as Hit[];
      expect(new Set(places(seen)).size).to.equal(4);
    });

    it('indexes a version in its publishing transaction: a failed publish leaves nothing', async () => {
      const count = async () =>
        Number(
          (
            await sql<{ n: number | string }>`select count(*) as n from clause_search`.execute(
              server.db.kysely,
            )
          ).rows[0]!.n,
        );
      const before = await count();
      const res = await server.api(`/api/artefacts/${sectionS.id}/versions`, {
        token: cast.bsc.token,
        body: {
          label: 'v3',
          body: '1. WOMBAT\n\n1.1 Wombats appoint Data Collectors.',
          resolves: ['C-999999'],
        },
      });
      expect(res.status).to.equal(400);
      expect(await count()).to.equal(before);
      expect(await hits({ q: 'wombat', version: 'all' })).to.deep.equal([]);
      await publish(server, cast.bsc, sectionS.id, '1. WOMBAT\n\n1.1 Wombats appoint.', 'v3');
      expect(places(await hits({ q: 'wombats' }))).to.have.members([
        'Section S 1',
        'Section S 1.1',
      ]);
    });

    it('finds comments only where the visibility rule lets the caller see them', async () => {
      const ids = async (who: SignedInUser, q: string) =>
        (await hits({ q, scope: 'comments' }, who)).map((h) => h.comment!.id);
      // Another organisation and another code body: neither its id nor its text.
      for (const who of [cast.alice, cast.rec]) {
        const res = await search(who, { q: 'quokka', scope: 'comments' });
        expect(JSON.stringify(res.body)).to.not.include(secret.id);
        expect(JSON.stringify(res.body)).to.not.include('unmetered');
        expect(res.body.data).to.have.length(1);
        expect(res.body.data[0].field).to.equal('proposedText');
      }
      expect(await ids(cast.bob, 'quokka')).to.include(secret.id);
      expect(await ids(cast.bsc, 'unmetered')).to.deep.equal([secret.id]);
      expect(await ids(cast.programme, 'collectors')).to.include(secret.id);
    });

    it('refuses an empty, punctuation-only or over-long query, a one-letter beginning, a bad limit and a forged cursor', async () => {
      for (const params of [
        {},
        { q: '' },
        { q: '   ' },
        { q: '"" * -' },
        { q: 'data s*' },
        { q: 'x'.repeat(201) },
        { q: 'data', limit: '101' },
        { q: 'data', limit: '0' },
        { q: 'data', scope: 'everything' },
        { q: 'data', version: 'latest' },
        { q: 'data', cursor: 'not-a-cursor' },
      ]) {
        const res = await search(cast.alice, params as Record<string, string>);
        expect(res.status, JSON.stringify(params)).to.equal(400);
        expect(res.body.error).to.be.an('object');
      }
    });

    it('takes query syntax as words, never as the database’s operators', async () => {
      for (const q of ['data OR NOT collector', 'data:* & !x', 'NEAR(data collector)', "o'brien"]) {
        const res = await search(cast.alice, { q });
        expect(res.status, q).to.equal(200);
      }
    });
  });
}
