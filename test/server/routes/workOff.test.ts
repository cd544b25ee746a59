import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import mammoth from 'mammoth';
import { createWorkOffItem } from '../../../server/commands/createWorkOffItems.js';
import { markdownText } from '../../../server/domain/recommendationPaper.js';
import { testDialects } from '../../helpers/db.js';
import {
  hoursFromNow,
  openConsultation,
  postComment,
  stateNoRequirements,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };
interface Item {
  id: string;
  revision: number;
  status: string;
  target: string | null;
  notes: string;
  owner: { code: string } | null;
  source: {
    kind: 'comment' | 'change';
    id?: string;
    ref?: string;
    hidden?: boolean;
    body?: string;
    quote?: string | null;
    artefact?: { reference: string };
  };
}

const CLEAN = [
  '1. GENERAL',
  '',
  '1.1 Scope',
  '',
  '1.1.1 This document sets out the rules for the service.',
].join('\n');

const SECRET = 'A confidential point only its organisation may read';
const FORMULA = '=HYPERLINK("http://example.invalid","click")';

for (const dialect of testDialects()) {
  describe(`post-M6 work-off register (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let sro: Signed;
    let alice: Signed;
    let bob: Signed;
    let bscp701: string;
    let publicRef: string;
    let secretRef: string;
    let paperId: string;

    const list = async (who: Signed, query = '') => {
      const res = await server.api(`/api/work-off${query}`, { token: who.token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.data as Item[];
    };
    const patch = (who: Signed, id: string, body: Record<string, unknown>) =>
      server.api(`/api/work-off/${id}`, { method: 'PATCH', token: who.token, body });
    const triage = (who: Signed, c: { id: string; revision: number }, status: string) =>
      server.api(`/api/comments/${c.id}/triage`, {
        token: who.token,
        body: { status, response: 'Post-M6 work-off', revision: c.revision },
      });
    const decide = (token: string, body: string, outcome: string) =>
      server.api(`/api/recommendations/${paperId}/decisions`, {
        token,
        body: { body, outcome, notes: 'Minuted' },
      });

    before(async () => {
      server = await startTestServer({ dialect });
      const codeBodies: Record<string, Signed> = {
        BSC: await server.signedIn('code_body', { code: 'BSC' }),
        REC: await server.signedIn('code_body', { code: 'REC' }),
        DCUSA: await server.signedIn('code_body', { code: 'DCUSA' }),
      };
      bsc = codeBodies.BSC as Signed;
      rec = codeBodies.REC as Signed;
      programme = await server.signedIn('programme');
      sro = await server.signedIn('sro');
      alice = await server.signedIn('participant');
      bob = await server.signedIn('participant');
      const artefacts = (await server.api('/api/artefacts', { token: programme.token })).body
        .data as { id: string; code: string; reference: string }[];
      for (const a of artefacts) {
        const res = await server.api(`/api/artefacts/${a.id}/versions`, {
          token: codeBodies[a.code]?.token,
          body: { label: 'v1', body: CLEAN },
        });
        expect(res.status, a.reference).to.equal(201);
      }
      const ids = artefacts.map((a) => a.id);
      await stateNoRequirements(server, programme.token, ids);
      await openConsultation(server, programme.token, ids, { closesAt: hoursFromNow(48) });
      bscp701 = artefacts.find((a) => a.reference === 'BSCP701')?.id ?? '';
      const shown = (await postComment(server, alice.token, bscp701, { body: FORMULA })).body.data;
      const secret = (
        await postComment(server, bob.token, bscp701, {
          body: SECRET,
          quote: 'sets out the rules',
          confidential: true,
        })
      ).body.data;
      publicRef = shown.ref;
      secretRef = secret.ref;
      for (const c of [shown, secret])
        expect((await triage(bsc, c, 'deferred')).status).to.equal(200);
      // A post-M6 change raised before the baseline, affecting no artefact yet.
      const cr = await server.api('/api/changes', {
        token: programme.token,
        body: {
          id: 'CR900',
          title: 'Settlement timetable after M6',
          status: 'approved',
          postM6: true,
        },
      });
      expect(cr.status, JSON.stringify(cr.body)).to.equal(201);
      const answers = Object.fromEntries(
        ['engaged', 'input', 'commentsAddressed', 'designTranslated', 'artefactsMakeSense'].map(
          (k) => [k, { confirmed: true }],
        ),
      );
      for (const who of [alice, bob])
        await server.api('/api/due-process/responses', {
          token: who.token,
          body: { answers, lessonsLearnt: 'Lessons' },
        });
      const paper = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      expect(paper.body.data.verdict, JSON.stringify(paper.body.data.readiness.criteria)).to.equal(
        'ready',
      );
      paperId = paper.body.data.id;
    });
    after(() => server.close());

    it('lists in the paper, in every format, what becomes work-off, naming no confidential comment', async () => {
      const json = (await server.api(`/api/recommendations/${paperId}`, { token: alice.token }))
        .body.data;
      expect(JSON.stringify(json)).to.not.include(SECRET).and.not.include(secretRef);
      expect(json.workOff.map((i: { kind: string }) => i.kind)).to.deep.equal([
        'comment',
        'comment',
        'change',
      ]);
      const md = (await server.api(`/api/recommendations/${paperId}.md`, { token: alice.token }))
        .body as string;
      const section = md.slice(md.indexOf('## Post-M6 work-off items'));
      expect(section).to.include('| Source | Document | Subject | Owner |');
      expect(section).to.include(
        `| ${markdownText(`Comment ${publicRef}`)} | BSCP701 | ${markdownText('Clause 1.1.1: =HYPERLINK')}`,
      );
      expect(section).to.include(
        `| A confidential comment | BSCP701 | ${markdownText('(not named)')} | BSC |`,
      );
      expect(section).to.include(
        '| Change CR900 | – | Settlement timetable after M6 | Not yet assigned |',
      );
      const html = (
        await server.api(`/api/recommendations/${paperId}.html`, { token: alice.token })
      ).body as string;
      expect(html).to.include('Post-M6 work-off items').and.include(`Comment ${publicRef}`);
      const docx = await fetch(`${server.url}/api/recommendations/${paperId}.docx`, {
        headers: { authorization: `Bearer ${alice.token}` },
      });
      const words = (
        await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })
      ).value;
      expect(words)
        .to.include('Post-M6 work-off items')
        .and.include(`Comment ${publicRef}`)
        .and.include('A confidential comment')
        .and.include('Change CR900');
      for (const text of [md, html, words]) {
        expect(text).to.not.include(SECRET);
        expect(text).to.not.match(new RegExp(`${secretRef}(?!\\d)`));
        expect(text).to.not.include(markdownText(secretRef));
      }
    });

    it('has no items before the baseline', async () => {
      expect(await list(programme)).to.deep.equal([]);
    });

    it('makes an item of each deferred comment and post-M6 change at SRO approval', async () => {
      expect((await decide(programme.token, 'CCAG', 'recommended')).status).to.equal(201);
      const approved = await decide(sro.token, 'SRO', 'approved');
      expect(approved.status, JSON.stringify(approved.body)).to.equal(201);
      const items = await list(programme);
      const sources = items.map((i) => i.source.ref ?? i.source.id);
      expect(sources).to.have.members([publicRef, secretRef, 'CR900']);
      const byComment = items.find((i) => i.source.ref === publicRef);
      expect(byComment).to.include({ status: 'open', target: null, notes: '', revision: 1 });
      expect(byComment?.owner?.code).to.equal('BSC');
      // A change touching no artefact has no default owner: the programme assigns one.
      expect(items.find((i) => i.source.id === 'CR900')?.owner).to.equal(null);
    });

    it('makes an item of a post-M6 change raised after the baseline, once', async () => {
      const body = { id: 'CR901', title: 'Post-M6 fix', status: 'raised', postM6: true };
      const created = await server.api('/api/changes', {
        token: programme.token,
        body: { ...body, artefacts: [bscp701] },
      });
      expect(created.status).to.equal(201);
      const approve = await server.api('/api/changes/CR901', {
        method: 'PATCH',
        token: programme.token,
        body: { status: 'approved' },
      });
      expect(approve.status).to.equal(200);
      const items = (await list(programme)).filter((i) => i.source.id === 'CR901');
      expect(items).to.have.length(1);
      expect(items[0]?.owner?.code).to.equal('BSC');
      const plain = await server.api('/api/changes', {
        token: programme.token,
        body: { id: 'CR902', title: 'Not post-M6', status: 'approved' },
      });
      expect(plain.status).to.equal(201);
      expect((await list(programme)).some((i) => i.source.id === 'CR902')).to.equal(false);
    });

    it('makes an item of a comment deferred after the baseline', async () => {
      const v2 = await server.api(`/api/artefacts/${bscp701}/versions`, {
        token: bsc.token,
        body: { label: 'v2', body: `${CLEAN}\n\n1.1.2 Added by CR901.`, incorporates: ['CR901'] },
      });
      expect(v2.status, JSON.stringify(v2.body)).to.equal(201);
      await openConsultation(server, programme.token, [bscp701], { title: 'Post-M6 change' });
      const res = await postComment(server, alice.token, bscp701, { clauseRef: '1.1.2' });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect((await triage(bsc, res.body.data, 'deferred')).status).to.equal(200);
      const items = (await list(programme)).filter((i) => i.source.ref === res.body.data.ref);
      expect(items).to.have.length(1);
      expect(items[0]?.owner?.code).to.equal('BSC');
    });

    it('creates exactly one item per source however many writers race', async () => {
      const created = await server.api('/api/changes', {
        token: programme.token,
        body: { id: 'CR903', title: 'Raced', status: 'approved' },
      });
      expect(created.status).to.equal(201);
      // Flagged post-M6 behind the register's back, so the racers below are the first to see it.
      await sql`update changes set post_m6 = 1 where id = 'CR903'`.execute(server.db.kysely);
      const made = await Promise.all(
        Array.from({ length: 8 }, () =>
          createWorkOffItem(server.db, programme.id, { changeId: 'CR903' }),
        ),
      );
      expect(made.filter((id) => id !== null)).to.have.length(1);
      const patches = await Promise.all(
        Array.from({ length: 4 }, () =>
          server.api('/api/changes/CR903', {
            method: 'PATCH',
            token: programme.token,
            body: { title: 'Raced again' },
          }),
        ),
      );
      expect(patches.map((p) => p.status)).to.deep.equal([200, 200, 200, 200]);
      const rows = await server.db.kysely
        .selectFrom('workOffItems')
        .select('id')
        .where('changeId', '=', 'CR903')
        .execute();
      expect(rows).to.have.length(1);
    });

    it('lets the owning code body and the programme edit, at the current revision, audited', async () => {
      const item = (await list(programme)).find((i) => i.source.ref === publicRef) as Item;
      expect((await patch(alice, item.id, { status: 'done', revision: 1 })).status).to.equal(403);
      expect((await patch(rec, item.id, { status: 'done', revision: 1 })).status).to.equal(403);
      const edited = await patch(bsc, item.id, {
        status: 'in-progress',
        target: 'M7',
        notes: 'Drafting the change',
        revision: 1,
      });
      expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
      expect(edited.body.data).to.include({ status: 'in-progress', target: 'M7', revision: 2 });
      const stale = await patch(programme, item.id, { status: 'done', revision: 1 });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.message).to.include('changed by someone else');
      const unknown = await patch(programme, item.id, { owner: 'NOPE', revision: 2 });
      expect(unknown.status).to.equal(400);
      const done = await patch(programme, item.id, { status: 'done', owner: 'REC', revision: 2 });
      expect(done.status).to.equal(200);
      expect(done.body.data.owner.code).to.equal('REC');
      // The owner moved: BSC no longer edits it, REC does.
      expect((await patch(bsc, item.id, { notes: 'x', revision: 3 })).status).to.equal(403);
      expect((await patch(rec, item.id, { notes: 'Taken over', revision: 3 })).status).to.equal(
        200,
      );
      const audit = await server.api(`/api/audit?entity=workOffItem&entityId=${item.id}`, {
        token: programme.token,
      });
      expect(audit.status).to.equal(200);
      expect(audit.body.data.map((e: { action: string }) => e.action)).to.deep.equal([
        'workOff.update',
        'workOff.update',
        'workOff.update',
      ]);
      expect((await list(programme, '?code=REC&status=done')).map((i) => i.id)).to.deep.equal([
        item.id,
      ]);
      expect(await list(programme, '?target=M8')).to.deep.equal([]);
    });

    it('lists a confidential source to other readers without its text', async () => {
      for (const reader of [alice, rec]) {
        const items = await list(reader);
        const text = JSON.stringify(items);
        expect(text, reader.role).to.not.include(SECRET);
        expect(text, reader.role).to.not.match(new RegExp(`${secretRef}(?!\\d)`));
        const hidden = items.filter((i) => i.source.hidden);
        expect(hidden, reader.role).to.have.length(1);
        expect(hidden[0]?.source.artefact?.reference).to.equal('BSCP701');
      }
      for (const reader of [alice, rec]) {
        const baseline = await server.api('/api/baseline', { token: reader.token });
        expect(JSON.stringify(baseline.body), reader.role).to.not.match(
          new RegExp(`${secretRef}(?!\\d)`),
        );
        expect(
          baseline.body.data.workOff.filter((w: { ref: string | null }) => !w.ref),
        ).to.have.length(1);
      }
      const own = await server.api('/api/baseline', { token: bob.token });
      expect(own.body.data.workOff.map((w: { ref: string }) => w.ref)).to.include(secretRef);
      for (const reader of [bob, bsc, programme]) {
        const item = (await list(reader)).find((i) => i.source.ref === secretRef);
        expect(item?.source, reader.role).to.include({ body: SECRET, quote: 'sets out the rules' });
      }
    });

    it('exports the register as CSV and XLSX with the formula guard, hiding confidential text', async () => {
      const csv = await fetch(`${server.url}/api/work-off/export.csv`, {
        headers: { authorization: `Bearer ${alice.token}` },
      });
      expect(csv.status).to.equal(200);
      expect(csv.headers.get('content-type')).to.include('text/csv');
      expect(csv.headers.get('content-disposition')).to.match(/post-m6-work-off-.*\.csv/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).to.not.include(SECRET);
      const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
      const shown = rows.find((r) => r.Reference === publicRef);
      expect(shown?.Subject).to.equal(`'${FORMULA}`);
      expect(shown?.Clause).to.equal('1.1.1');
      expect(shown).to.include({ Owner: 'REC', Status: 'Done', Target: 'M7' });
      expect(rows.find((r) => r.Reference === 'CR900')).to.include({ Source: 'Change' });
      expect(rows.filter((r) => r.Subject === 'A confidential comment')).to.have.length(1);

      const xlsx = await fetch(`${server.url}/api/work-off/export.xlsx?code=REC`, {
        headers: { authorization: `Bearer ${programme.token}` },
      });
      expect(xlsx.status).to.equal(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        Buffer.from(await xlsx.arrayBuffer()) as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
      );
      const sheet = book.getWorksheet('Work-off register');
      const values = sheet?.getRow(2).values as unknown[];
      expect(values).to.include(publicRef).and.include('Done');
      const subject = sheet?.getRow(2).getCell(5);
      expect(subject?.type).to.equal(ExcelJS.ValueType.String);
      expect(subject?.value).to.equal(FORMULA);
      expect(sheet?.rowCount).to.equal(2);
    });
  });
}
