import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { findArtefact, publish, signInCast } from '../../helpers/fixtures.js';
import { RANKED_MATCHES } from '../../../server/db/queries/search.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

// Boilerplate as neighbouring clauses repeat it, each naming the Data Collector once.
const BOILERPLATE = [
  'The Supplier shall ensure that its Half Hourly Data Collector complies with BSCP502 in relation to each SVA Metering System.',
  'Where metered data fails validation, the Data Collector shall notify the Meter Operator Agent within 1 Working Day.',
  'The Data Collector shall retain the data referred to in this paragraph for a period of not less than 28 months.',
  'Each Supplier shall notify SMRS of the appointment of its Data Collector no later than the effective date of the appointment.',
];
const EMPHATIC =
  'The Data Collector, and only the Data Collector, shall appoint a Data Collector agent.';

/**
 * A Section S with `count` numbered paragraphs under ten headed sections (refs up to 4 digits),
 * and the emphatic clause at the given positions.
 */
function section(count: number, emphaticAt: number[]): { body: string; refs: string[] } {
  const lines = ['SECTION S: SUPPLIER VOLUME ALLOCATION', ''];
  const refs: string[] = [];
  const perSection = Math.ceil(count / 10);
  for (let i = 0; i < count; i++) {
    const top = Math.floor(i / perSection) + 1;
    const para = (i % perSection) + 1;
    if (para === 1) lines.push(`${top}. PART ${top}`, '', `${top}.1 Data collection`, '');
    const ref = `${top}.1.${para}`;
    refs.push(ref);
    const text = emphaticAt.includes(i) ? EMPHATIC : BOILERPLATE[i % BOILERPLATE.length];
    lines.push(`${ref} ${text}`, '');
  }
  return { body: lines.join('\n'), refs };
}

interface Hit {
  artefact: { reference: string; code: string };
  clauseRef: string;
  snippet: { text: string; hit: boolean }[];
}

for (const dialect of testDialects()) {
  describe(`full-text search of a word in most clauses (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let token: string;
    // 1,150 paragraphs (plus their 10 headed clauses, which do not match): past those ranked.
    const sectionS = section(1150, [RANKED_MATCHES - 50, RANKED_MATCHES + 50]);

    const search = async (params: Record<string, string>) => {
      const res = await server.api(`/api/search?${new URLSearchParams(params)}`, { token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body as { data: Hit[]; nextCursor: string | null; broad: boolean };
    };

    before(async () => {
      server = await startTestServer({ dialect });
      const cast = await signInCast(server);
      token = cast.alice.token;
      const s = await findArtefact(server, cast.programme.token, 'Section S');
      const schedule = await findArtefact(server, cast.programme.token, 'Schedule 23');
      await publish(server, cast.bsc, s.id, sectionS.body);
      await publish(
        server,
        cast.rec,
        schedule.id,
        '1. INTERPRETATION\n\n1.1 The Data Collector appointed by the Supplier shall provide readings to the Market-wide Data Service.',
      );
    });
    after(() => server.close());

    it('ranks the first matches, then pages through every other match once', async () => {
      const first = await search({ q: '"data collector"', code: 'BSC', limit: '100' });
      expect(first.broad).to.equal(true);
      // The emphatic clause among the ranked comes first; the one past them does not.
      expect(first.data[0]?.clauseRef).to.equal(sectionS.refs[RANKED_MATCHES - 50]);
      expect(first.data.map((h) => h.clauseRef)).not.to.include(sectionS.refs[RANKED_MATCHES + 50]);
      expect(first.data[0]?.snippet.filter((p) => p.hit).map((p) => p.text)).to.deep.equal([
        'Data Collector',
        'Data Collector',
        'Data Collector',
      ]);

      const seen: string[] = first.data.map((h) => h.clauseRef);
      // Pages of 70 after the first 100, so that one spans the end of the ranked matches.
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await search({ q: '"data collector"', code: 'BSC', limit: '70', cursor });
        seen.push(...page.data.map((h) => h.clauseRef));
        cursor = page.nextCursor;
      }
      expect(seen).to.have.length(sectionS.refs.length);
      expect(new Set(seen)).to.deep.equal(new Set(sectionS.refs));
      // Past the ranked matches, the rest follow in document order.
      expect(seen.slice(RANKED_MATCHES)).to.deep.equal(sectionS.refs.slice(RANKED_MATCHES));
    });

    it('ranks the first matches in index order across every code too', async () => {
      // No code: on PostgreSQL the few matches of a small registry are read by sorting them.
      const first = await search({ q: '"data collector"', limit: '100' });
      expect(first.broad).to.equal(true);
      expect(first.data[0]?.clauseRef).to.equal(sectionS.refs[RANKED_MATCHES - 50]);
      expect(first.data.map((h) => h.clauseRef)).not.to.include(sectionS.refs[RANKED_MATCHES + 50]);
      const past = await search({
        q: '"data collector"',
        limit: '1',
        cursor: Buffer.from(JSON.stringify({ o: RANKED_MATCHES })).toString('base64url'),
      });
      expect(past.data.map((h) => h.clauseRef)).to.deep.equal([sectionS.refs[RANKED_MATCHES]]);
    });

    it('narrows a broad search by code to that code only', async () => {
      const rec = await search({ q: '"data collector"', code: 'REC' });
      expect(rec.broad).to.equal(false);
      expect(rec.data.map((h) => `${h.artefact.reference} ${h.clauseRef}`)).to.deep.equal([
        'Schedule 23 1.1',
      ]);
      const all = await search({ q: '"data collector"', limit: '100' });
      expect(all.broad).to.equal(true);
      expect(new Set(all.data.map((h) => h.artefact.code)).has('BSC')).to.equal(true);
    });
  });
}
