import { expect } from 'chai';
import JSZip from 'jszip';
import { testDialects } from '../../helpers/db.js';
import {
  hoursFromNow,
  openConsultation,
  postComment,
  stateNoRequirements,
} from '../../helpers/fixtures.js';
import { docxToPdf, officeOrSkip, type RenderedPdf } from '../../helpers/office.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

// The Word paper as a CCAG member's office suite shows it: LibreOffice lays it out, and the pages
// are read back as text, page by page, with their fonts.

type Signed = TestUser & { token: string };

const CLEAN = [
  '1. GENERAL',
  '',
  '1.1 Scope',
  '',
  '1.1.1 This document sets out the rules for the service.',
].join('\n');
/** A4 less two 2 cm margins, in twips: every table's columns add up to it. */
const TEXT_WIDTH = 11906 - 2 * 1134;

for (const dialect of testDialects()) {
  describe(`the CDWG paper in Word, as LibreOffice lays it out (${dialect})`, function () {
    this.timeout(180_000);
    let server: TestServer;
    let docx: Buffer;
    let reference: string;

    before(async () => {
      server = await startTestServer({ dialect });
      const codeBodies: Record<string, Signed> = {
        BSC: await server.signedIn('code_body', { code: 'BSC' }),
        REC: await server.signedIn('code_body', { code: 'REC' }),
        DCUSA: await server.signedIn('code_body', { code: 'DCUSA' }),
      };
      const programme = await server.signedIn('programme');
      const alice = await server.signedIn('participant');
      const artefacts: { id: string; code: string; reference: string }[] = (
        await server.api('/api/artefacts', { token: programme.token })
      ).body.data;
      const byRef = (ref: string) => artefacts.find((a) => a.reference === ref)?.id ?? '';
      // Schedule 30 is never drafted (Red); every other artefact has a version and was consulted on.
      const drafted = artefacts.filter((a) => a.reference !== 'Schedule 30');
      expect(drafted).to.have.length(artefacts.length - 1);
      for (const a of drafted) {
        const res = await server.api(`/api/artefacts/${a.id}/versions`, {
          token: codeBodies[a.code]?.token,
          body: { label: 'v1', body: CLEAN },
        });
        expect(res.status, a.reference).to.equal(201);
      }
      const ids = drafted.map((a) => a.id);
      await stateNoRequirements(server, programme.token, ids);
      await openConsultation(server, programme.token, ids, { closesAt: hoursFromNow(48) });
      // One comment outstanding on BSCP701, two on Section E: Amber once the window closes.
      for (const [ref, count] of [
        ['BSCP701', 1],
        ['Section E', 2],
      ] as const)
        for (let i = 0; i < count; i++) {
          const res = await postComment(server, alice.token, byRef(ref), {
            body: `Comment ${i + 1} on ${ref}`,
          });
          expect(res.status).to.equal(201);
        }
      await server.db.kysely
        .updateTable('consultations')
        // Closed now: after every version and comment above, so each was in time.
        .set({ opensAt: hoursFromNow(-48), closesAt: new Date().toISOString() })
        .execute();
      const override = await server.api(`/api/artefacts/${byRef('Schedule 9')}/brag`, {
        token: codeBodies.REC?.token,
        body: { brag: 'green', reason: 'Awaiting the RECCo board sign-off' },
      });
      expect(override.status, JSON.stringify(override.body)).to.equal(200);
      const answers = Object.fromEntries(
        ['engaged', 'input', 'commentsAddressed', 'designTranslated', 'artefactsMakeSense'].map(
          (k) => [k, { confirmed: true }],
        ),
      );
      const dp = await server.api('/api/due-process/responses', {
        token: alice.token,
        body: { answers, lessonsLearnt: 'Better redlining of text' },
      });
      expect(dp.status).to.be.oneOf([200, 201]);

      const paper = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      expect(paper.status).to.equal(201);
      expect(paper.body.data.verdict).to.equal('not-ready');
      const res = await fetch(`${server.url}/api/recommendations/${paper.body.data.id}.docx`, {
        headers: { authorization: `Bearer ${alice.token}` },
      });
      expect(res.status).to.equal(200);
      docx = Buffer.from(await res.arrayBuffer());
      const date = String(paper.body.data.createdAt).slice(0, 10).replace(/-/g, '');
      reference = `CDWG-M6-${date}-${String(paper.body.data.id).replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    });
    after(() => server?.close());

    it('sizes every table to the page, fixes its columns, repeats its header and keeps rows whole', async () => {
      const zip = await JSZip.loadAsync(docx);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const tables = xml.split('<w:tbl>').slice(1);
      expect(tables.length).to.be.greaterThan(6);
      for (const t of tables) {
        expect(t).to.include('<w:tblLayout w:type="fixed"/>');
        const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
        expect(grid.reduce((n, w) => n + w, 0)).to.equal(TEXT_WIDTH);
        const rows = t.split('<w:tr>').slice(1);
        for (const row of rows) expect(row).to.include('<w:cantSplit/>');
      }
      // The per-code tables repeat their header row on every page they run to.
      const artefactTables = tables.filter((t) => t.includes('Current status and issues'));
      expect(artefactTables).to.have.length(3);
      for (const t of artefactTables) expect(t.split('<w:tr>')[1]).to.include('<w:tblHeader/>');
      // Each part of the paper starts a page; BRAG cells are filled in their colour.
      expect(xml.match(/<w:pageBreakBefore\/>/g)?.length).to.be.at.least(6);
      const fillOf = (word: string) =>
        new RegExp(`<w:shd [^>]*w:fill="([0-9A-F]{6})"[^>]*/>(?:(?!</w:tc>).)*>${word}<`).exec(
          xml,
        )?.[1];
      expect(fillOf('Amber')).to.equal('FFC000');
      expect(fillOf('Red')).to.equal('C00000');
      expect(fillOf('Blue')).to.equal('0070C0');
      expect(fillOf('Green')).to.equal('00B050');
      const header = (await zip.file('word/header1.xml')?.async('string')) ?? '';
      const footer = (await zip.file('word/footer1.xml')?.async('string')) ?? '';
      expect(header).to.include(reference);
      expect(footer)
        .to.match(/PAGE/)
        .and.match(/NUMPAGES/);
    });

    describe('the pages', function () {
      let pdf: RenderedPdf;
      let text: string;
      before(async function () {
        officeOrSkip(this);
        pdf = await docxToPdf(docx);
        text = pdf.pageTexts.join('\n');
      });

      it('runs to a paper’s length: a page per part, not a data dump', () => {
        // Verdict; criteria and blockers; due process; BSC (60 rows), REC, DCUSA; the baseline (81).
        expect(pdf.pages).to.be.within(10, 16);
        // Each part starts a page of its own, under the running header.
        const header = `MHHS Programme · Cross Code Advisory Group ${reference} `;
        const opening = pdf.pageTexts.map((page) => page.replace(header, ''));
        for (const part of [
          'M6 - Success Criteria',
          '1 Due Process response',
          'BSC Code Artefacts',
          'REC Code Artefacts',
          'Code Artefacts – DCUSA',
          'What is being baselined',
        ])
          expect(
            opening.some((page) => page.startsWith(part)),
            part,
          ).to.equal(true);
      });

      it('puts the paper reference in every header and "Page x of N" in every footer', () => {
        pdf.pageTexts.forEach((page, i) => {
          expect(page, `page ${i + 1}`).to.include(reference);
          expect(page, `page ${i + 1}`).to.match(new RegExp(`Page ${i + 1} of ${pdf.pages}\\b`));
        });
      });

      it('gives the verdict first, before any table of criteria or artefacts', () => {
        const first = pdf.pageTexts[0] ?? '';
        expect(first).to.include('The recommendation is –').and.include('Not ready.');
        expect(first).to.include('1 artefact is Red: Schedule 30');
        expect(text.indexOf('Not ready.')).to.be.below(text.indexOf('M6 - Success Criteria'));
        expect(text.indexOf('Not ready.')).to.be.below(text.indexOf('Topic Area'));
      });

      it('reads as words: no raw keys, codes or empty values, and plurals that agree', () => {
        for (const raw of ['undefined', 'null', '[object', 'NaN']) expect(text).to.not.include(raw);
        expect(text).to.not.match(/\b[a-z]+[0-9]*_[a-z0-9_]+\b/i, 'a snake_case key');
        expect(text).to.not.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/, 'a camelCase key');
        expect(text).to.not.match(/\b(BLUE|RED|AMBER|GREEN)\b/);
        for (const brag of [/\bBlue\b/, /\bRed\b/, /\bAmber\b/, /\bGreen\b/, /\(override\)/])
          expect(text).to.match(brag);
        expect(text).to.match(/\b1 Industry comment outstanding\b/);
        expect(text).to.match(/\b2 Industry comments outstanding\b/);
        expect(text).to.include('3 outstanding industry comments');
        expect(text)
          .to.include('1 Due Process response')
          .and.include('1 of 1 participant organisation ');
        expect(text).to.not.match(
          /\b1 (Industry comments|outstanding industry comments|Due Process responses)\b/,
        );
        expect(text).to.include('Awaiting the RECCo board sign-off');
      });

      it('embeds every font it uses', () => {
        expect(pdf.fonts).to.have.length.greaterThan(0);
        for (const font of pdf.fonts) expect(font.embedded, font.name).to.equal(true);
      });
    });
  });
}
