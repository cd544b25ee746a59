import { createHash } from 'node:crypto';
import { expect } from 'chai';
import JSZip from 'jszip';
import { testDialects } from '../../helpers/db.js';
import { artefactId, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

const VAGUE = '1. GENERAL\n\n1.1.1 Suppliers shall notify the SVAA and/or the BSCCo.';
const V2 = `${VAGUE}\n\n1.1.2 Suppliers shall keep a record of each notice.`;
const ISO = /\d{4}-\d{2}-\d{2}T/;
// An evidence key such as `brokenTraces` left as it is stored.
const CAMEL_KEY = /\b[a-z]+[A-Z][a-zA-Z]*\b/;

/** The text of a Word document, from its XML, one line per paragraph or table row. */
async function docxText(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')?.async('string');
  return (xml ?? '')
    .replace(/<\/w:p>(?=<\/w:tc>)/g, '')
    .replace(/<\/w:(p|tr)>/g, '\n')
    .replace(/<[^>]+>/g, ' ');
}

/** The text of the HTML paper, one line per block or table row. */
const htmlText = (html: string): string =>
  html
    .replace(/\n/g, ' ')
    .replace(/<\/(p|tr|li|h\d)>/g, '\n')
    .replace(/<[^>]+>/g, ' ');

for (const dialect of testDialects()) {
  describe(`recommendation paper: what is baselined, waivers, words and UK dates (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let bsc: Signed;
    let programme: Signed;
    let alice: Signed;
    let formats: { md: string; html: string; docx: string };
    let paper: { snapshotHash: string };
    let rawHtml: string;

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      const bscp703 = await artefactId(server, bsc.token, 'BSCP703');
      const bscp701 = await artefactId(server, bsc.token, 'BSCP701');
      const change = await server.api('/api/changes', {
        token: programme.token,
        body: {
          id: 'CR901',
          title: 'Test settlement timetable',
          status: 'approved',
          artefacts: [bscp703, bscp701],
        },
      });
      expect(change.status, JSON.stringify(change.body)).to.equal(201);
      await publish(server, bsc, bscp703, VAGUE, 'v1');
      const v2 = await server.api(`/api/artefacts/${bscp703}/versions`, {
        token: bsc.token,
        body: { label: 'v2', body: V2, incorporates: ['CR901'] },
      });
      expect(v2.status, JSON.stringify(v2.body)).to.equal(201);
      const findings = await server.api(`/api/artefacts/${bscp703}/findings`, {
        token: alice.token,
      });
      const vague = findings.body.data.find((f: { kind: string }) => f.kind === 'vague-wording');
      expect(
        (
          await server.api(`/api/findings/${vague.id}/waive`, {
            token: bsc.token,
            body: { reason: 'Both are meant here' },
          })
        ).status,
      ).to.equal(200);
      expect(
        (
          await server.api(`/api/artefacts/${bscp701}/brag`, {
            token: programme.token,
            body: { brag: 'amber', reason: 'Awaiting the settlement timetable' },
          })
        ).status,
      ).to.equal(200);
      expect(
        (
          await server.api(`/api/changes/CR901/artefacts/${bscp701}/no-impact`, {
            token: bsc.token,
            body: { reason: 'BSCP701 has no timetable text' },
          })
        ).status,
      ).to.equal(200);

      const generated = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      expect(generated.status).to.equal(201);
      paper = generated.body.data;
      const id = generated.body.data.id as string;
      const md = await server.api(`/api/recommendations/${id}.md`, { token: alice.token });
      const html = await server.api(`/api/recommendations/${id}.html`, { token: alice.token });
      const docx = await fetch(`${server.url}/api/recommendations/${id}.docx`, {
        headers: { authorization: `Bearer ${alice.token}` },
      });
      expect(docx.status).to.equal(200);
      rawHtml = html.body as string;
      formats = {
        // As a reader sees it: without the escapes that keep user text literal.
        md: (md.body as string).replace(/\\(.)/g, '$1'),
        html: htmlText(html.body as string),
        docx: await docxText(Buffer.from(await docx.arrayBuffer())),
      };
    });
    after(() => server.close());

    it('lists each artefact with its version label, UK publication date, content hash and changes', async () => {
      const versions = (
        await server.api(
          `/api/artefacts/${await artefactId(server, bsc.token, 'BSCP703')}/versions`,
          {
            token: alice.token,
          },
        )
      ).body.data as { label: string; createdAt: string }[];
      const v2 = versions.find((v) => v.label === 'v2');
      const hash = createHash('sha256').update(V2).digest('hex').slice(0, 12);
      const published = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(new Date(v2?.createdAt ?? ''));
      for (const [format, text] of Object.entries(formats)) {
        expect(text, format).to.include('What is being baselined');
        expect(text, format).to.match(
          new RegExp(`BSCP703[^\\n]*v2, published ${published}, \\d\\d:\\d\\d`),
        );
        expect(text, format).to.include(hash);
        expect(text, format).to.match(/v2, published[^\n]*CR901/);
        expect(text, format).to.include(paper.snapshotHash);
      }
    });

    it('shows every waiver and override with its reason', () => {
      for (const [format, text] of Object.entries(formats)) {
        expect(text, format).to.include('Plain-English finding waived');
        expect(text, format).to.include('Both are meant here');
        expect(text, format).to.include('BRAG override');
        expect(text, format).to.include('Awaiting the settlement timetable');
        expect(text, format).to.include('No code impact');
        expect(text, format).to.include('BSCP701 has no timetable text');
      }
    });

    it('uses words for evidence and UK dates, never raw ISO timestamps or keys', () => {
      for (const [format, text] of Object.entries(formats)) {
        expect(text, format).not.to.match(ISO);
        expect(rawHtml).not.to.match(ISO);
        expect(text, format).to.include('Broken traces');
        expect(text.match(CAMEL_KEY), format).to.equal(null);
      }
    });

    it('gives due-process coverage over the participant organisations, naming non-responders', () => {
      for (const [format, text] of Object.entries(formats)) {
        const responded = /Responded: 0 of (\d+) participant (organisations?)\b/.exec(text);
        expect(responded?.[2], format).to.equal(
          responded?.[1] === '1' ? 'organisation' : 'organisations',
        );
        expect(text, format).to.match(/Not responded: \S/);
      }
    });

    it('lists papers with their CCAG and SRO status', async () => {
      const list = await server.api('/api/recommendations', { token: alice.token });
      expect(list.body.data[0]).to.include({ ccag: null, sro: null });
    });
  });
}
