import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { createOrganisation } from '../../../server/commands/createOrganisation.js';
import { COMMENT_LOG_COLUMNS } from '../../../server/domain/commentLog/index.js';
import { testDialects } from '../../helpers/db.js';
import {
  artefactId,
  openConsultation,
  postComment,
  publish,
  type SignedInUser,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

type Row = Record<string, string>;

async function exportLog(server: TestServer, token: string, format: 'csv' | 'xlsx') {
  const res = await fetch(`${server.url}/api/comments/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).to.equal(200);
  return Buffer.from(await res.arrayBuffer());
}

function rowsOf(csv: Buffer): Row[] {
  const [header = [], ...records] = parse(csv.toString('utf8'), { bom: true }) as string[][];
  expect(header).to.deep.equal([...COMMENT_LOG_COLUMNS]);
  // In ID order: comments raised within the same minute may list in either order.
  return records
    .map((r): Row => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
    .sort((x, y) => (x.ID ?? '').localeCompare(y.ID ?? ''));
}

async function importLog(server: TestServer, token: string, file: Buffer, type: string) {
  const res = await server.api('/api/comments/import', {
    token,
    rawBody: file as unknown as string,
    headers: { 'content-type': type },
  });
  return res;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ORGANISATIONS = ['Demo Distribution plc', 'Acme Energy Ltd'];

/** A system with the registry, the two organisations and Section S v1 published. */
async function system(dialect: 'sqlite' | 'postgres') {
  const server = await startTestServer({ dialect });
  const orgs: string[] = [];
  for (const name of ORGANISATIONS) {
    const org = await createOrganisation(server.db, null, {
      name,
      kind: 'participant',
      marketRole: 'supplier',
    });
    orgs.push(org.id);
  }
  const bsc = await server.signedIn('code_body', { code: 'BSC', name: 'Bea BSC (Elexon)' });
  const programme = await server.signedIn('programme');
  const s = await artefactId(server, programme.token, 'Section S');
  await publish(server, bsc, s);
  return { server, orgs, bsc, programme, s };
}

for (const dialect of testDialects()) {
  describe(`comment log round trip and attribution (${dialect})`, () => {
    let a: Awaited<ReturnType<typeof system>>;
    let b: Awaited<ReturnType<typeof system>>;
    let c: Awaited<ReturnType<typeof system>>;
    let priya: SignedInUser;
    before(async () => {
      [a, b, c] = await Promise.all([system(dialect), system(dialect), system(dialect)]);
      priya = await a.server.signedIn('participant', {
        name: 'Priya Participant',
        organisationId: a.orgs[0],
      });
      const dave = await a.server.signedIn('participant', {
        name: 'Dave Distributor',
        organisationId: a.orgs[1],
      });
      await openConsultation(a.server, a.programme.token, [a.s]);
      const post = async (token: string, input: Record<string, unknown>) => {
        const res = await postComment(a.server, token, a.s, input);
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        return res.body.data as { id: string; ref: string };
      };
      const quoted = await post(priya.token, {
        clauseRef: '1.1.2',
        quote: 'allocate volumes',
        category: 'design-mismatch',
        severity: 'high',
        body: 'The design allocates by metering system.',
        proposedText: 'The SVAA shall allocate volumes for each Metering System.',
      });
      await post(dave.token, {
        clauseRef: '2.1.1',
        category: 'plain-english',
        body: 'Confidential: our own systems aggregate differently.',
        confidential: true,
      });
      await post(priya.token, { clauseRef: '1.1.1', body: 'Still open.' });
      const triage = await a.server.api(`/api/comments/${quoted.id}/triage`, {
        token: a.bsc.token,
        body: {
          status: 'partially-accepted',
          response: 'Accepted for Metering System; the rest stays.',
          changeId: 'CR053',
          action: 'Redraft 1.1.2 in the next version',
          revision: 1,
        },
      });
      expect(triage.status, JSON.stringify(triage.body)).to.equal(200);
    });
    after(() => Promise.all([a, b, c].map((s) => s?.server.close())));

    it('exports every column, imports into an empty system, and exports the same rows again', async () => {
      const first = await exportLog(a.server, a.programme.token, 'csv');
      const rows = rowsOf(first);
      expect(rows).to.have.length(3);
      const decided = rows.find((r) => r.Status === 'Partially accepted');
      expect(decided).to.include({
        Version: 'v1',
        Clause: "'1.1.2",
        Quote: 'allocate volumes',
        Category: 'Design mismatch',
        Severity: 'High',
        Organisation: 'Demo Distribution plc',
        'Raised by': 'Priya Participant',
        Confidential: 'No',
        Change: 'CR053',
        Action: 'Redraft 1.1.2 in the next version',
        'Decided by': 'Bea BSC (Elexon)',
      });
      expect(rows.find((r) => r.Confidential === 'Yes')).to.include({
        Organisation: 'Acme Energy Ltd',
        'Raised by': 'Dave Distributor',
        Category: 'Plain English',
      });

      const imported = await importLog(b.server, b.bsc.token, first, 'text/csv');
      expect(imported.status, JSON.stringify(imported.body)).to.equal(200);
      expect(imported.body.data.created).to.have.length(3);
      expect(imported.body.data.total).to.equal(3);
      expect(rowsOf(await exportLog(b.server, b.programme.token, 'csv'))).to.deep.equal(rows);
    });

    it('round-trips through XLSX too, dates and all', async () => {
      const rows = rowsOf(await exportLog(a.server, a.programme.token, 'csv'));
      const workbook = await exportLog(a.server, a.programme.token, 'xlsx');
      const imported = await importLog(c.server, c.programme.token, workbook, XLSX);
      expect(imported.status, JSON.stringify(imported.body)).to.equal(200);
      expect(rowsOf(await exportLog(c.server, c.programme.token, 'csv'))).to.deep.equal(rows);
    });

    it('records the importer as importer, never as author, with no author rights', async () => {
      const [comment] = (
        await b.server.api('/api/comments?status=partially-accepted', { token: b.bsc.token })
      ).body.data as {
        id: string;
        ref: string;
        revision: number;
        author: unknown;
        raisedBy: string;
        imported: boolean;
        organisation: { name: string };
      }[];
      expect(comment).to.include({ author: null, raisedBy: 'Priya Participant', imported: true });
      expect(comment?.organisation.name).to.equal('Demo Distribution plc');
      const open = (await b.server.api('/api/comments?status=open', { token: b.bsc.token })).body
        .data as { id: string; revision: number }[];
      const target = open[0];
      if (!target) throw new Error('no open imported comment');
      const edit = await b.server.api(`/api/comments/${target.id}`, {
        token: b.bsc.token,
        method: 'PATCH',
        body: { body: 'Rewritten by the importer', revision: target.revision },
      });
      expect(edit.status).to.equal(403);
      const withdraw = await b.server.api(`/api/comments/${target.id}/withdraw`, {
        token: b.bsc.token,
        body: { revision: target.revision },
      });
      expect(withdraw.status).to.equal(403);
      const audit = await b.server.db.kysely
        .selectFrom('auditEvents')
        .select(['actorId', 'action'])
        .where('entityId', '=', comment?.id ?? '')
        .execute();
      expect(audit).to.deep.equal([{ actorId: b.bsc.id, action: 'comment.import' }]);
    });

    it('refuses a row naming an unknown organisation, naming it', async () => {
      const file = [
        COMMENT_LOG_COLUMNS.join(','),
        ',Section S,v1,1.1.1,,Drafting,Low,A point,,Nobody Energy Ltd,Sam,,No,Open,,,,,',
      ].join('\r\n');
      const res = await importLog(b.server, b.bsc.token, Buffer.from(file), 'text/csv');
      expect(res.status).to.equal(400);
      expect(res.body.error.details).to.deep.equal([
        { row: 2, column: 'Organisation', message: 'no organisation named "Nobody Energy Ltd"' },
      ]);
    });
  });
}
