import { expect } from 'chai';
import { checkVersionPlainEnglish } from '../../../server/commands/checkVersionPlainEnglish.js';
import type { Clause } from '../../../server/domain/parseClauses.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId, openConsultation, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

interface FindingBody {
  id: string;
  versionId: string;
  clauseRef: string;
  kind: string;
  excerpt: string;
  message: string;
  status: string;
  reason: string | null;
  commentId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

const LONG = Array.from({ length: 70 }, (_, i) => (i % 7 === 0 ? 'the volumes' : 'are')).join(' ');

const DRAFT = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '1. GENERAL',
  '',
  '1.1.1 This Section S sets out how the SVAA allocates volumes under paragraph 9.9.9 and BSCP799.',
  '',
  '1.1.2 The Supplier and/or its agent shall provide data as appropriate.',
  '',
  `1.1.3 The SVAA ${LONG}.`,
  '',
  '1.1.4 The SVAA shall allocate volumes for each Settlement Period to the Gross Volume Correction.',
].join('\n');

const GLOSSARY = [
  'ANNEX X-1: GENERAL GLOSSARY',
  '',
  '1. DEFINITIONS',
  '',
  '1.1.1 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour.',
  '',
  '1.1.2 "Supplier" means a Party that holds a supply licence.',
].join('\n');

for (const dialect of testDialects()) {
  describe(`plain-English finding routes (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed;
    let s: string;
    let versionId: string;

    const findings = async (id: string, query = '', token = alice.token) => {
      const res = await server.api(`/api/artefacts/${id}/findings${query}`, { token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.data as FindingBody[];
    };
    const summary = (list: FindingBody[]) =>
      list.map((f) => `${f.clauseRef} ${f.kind}: ${f.excerpt}`);
    const auditOf = (entity: string, entityId: string) =>
      server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'actorId', 'after'])
        .where('entity', '=', entity)
        .where('entityId', '=', entityId)
        .orderBy('id')
        .execute();
    const recheck = (token: string) =>
      server.api('/api/plain-english/recheck', { method: 'POST', token });

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      s = await artefactId(server, programme.token, 'Section S');
      versionId = (await publish(server, bsc, s, DRAFT)).id;
      // Publishing does not run the checks itself yet: run them as publishing will.
      const version = await server.api(`/api/artefacts/${s}/versions/${versionId}`, {
        token: bsc.token,
      });
      const count = await server.db.kysely.transaction().execute((trx) =>
        checkVersionPlainEnglish(trx, {
          id: versionId,
          artefactId: s,
          clauses: version.body.data.clauses as Clause[],
        }),
      );
      expect(count).to.equal(5);
    });
    after(() => server.close());

    it('lists the findings of the current version by clause, with their kinds', async () => {
      const list = await findings(s);
      expect(summary(list)).to.deep.equal([
        '1.1.1 broken-reference: paragraph 9.9.9',
        '1.1.1 broken-reference: BSCP799',
        '1.1.2 vague-wording: and/or',
        '1.1.2 vague-wording: as appropriate',
        '1.1.3 long-sentence: The SVAA the volumes are are are are…',
      ]);
      expect(list[0]).to.include({ versionId, status: 'open', reason: null, commentId: null });
      expect(list[0]?.message).to.include('9.9.9');
      // No glossary is published or configured yet, so capitalised terms are not checked.
      expect(list.some((f) => f.kind === 'undefined-term')).to.equal(false);
      expect(await findings(s, `?versionId=${versionId}&status=open`)).to.have.length(5);
      expect(await findings(s, '?status=waived')).to.deep.equal([]);
      expect(
        (await server.api(`/api/artefacts/${s}/findings?versionId=nope`, { token: alice.token }))
          .status,
      ).to.equal(404);
      expect(
        (await server.api(`/api/artefacts/${s}/findings?status=shelved`, { token: alice.token }))
          .status,
      ).to.equal(400);
      const unpublished = await artefactId(server, programme.token, 'Section W');
      expect(await findings(unpublished)).to.deep.equal([]);
    });

    it('waives an open finding with a reason, for its own code body only, audited', async () => {
      const [target] = await findings(s, '?status=open');
      if (!target) throw new Error('no finding');
      const url = `/api/findings/${target.id}/waive`;
      const noReason = await server.api(url, { token: bsc.token, body: {} });
      expect(noReason.status).to.equal(400);
      expect(noReason.body.error.message).to.include('reason');
      const blank = await server.api(url, { token: bsc.token, body: { reason: '   ' } });
      expect(blank.status).to.equal(400);
      expect((await server.api(url, { token: rec.token, body: { reason: 'x' } })).status).to.equal(
        403,
      );
      expect(
        (await server.api(url, { token: alice.token, body: { reason: 'x' } })).status,
      ).to.equal(403);
      expect(
        (await server.api('/api/findings/nope/waive', { token: bsc.token, body: { reason: 'x' } }))
          .status,
      ).to.equal(404);

      const res = await server.api(url, {
        token: bsc.token,
        body: { reason: 'BSCP799 is being created by CR053' },
      });
      expect(res.status).to.equal(200);
      expect(res.body.data).to.include({
        id: target.id,
        status: 'waived',
        reason: 'BSCP799 is being created by CR053',
        decidedBy: bsc.id,
      });
      expect(res.body.data.decidedAt).to.be.a('string');
      const again = await server.api(url, { token: programme.token, body: { reason: 'again' } });
      expect(again.status).to.equal(409);

      const audit = await auditOf('finding', target.id);
      expect(audit.map((e) => [e.action, e.actorId])).to.deep.equal([['finding.waive', bsc.id]]);
      expect(JSON.parse(audit[0]?.after ?? '{}')).to.include({ status: 'waived' });
    });

    it('keeps a waived finding (same id) through a recheck, which only overseers may run', async () => {
      const before = await findings(s);
      const waived = before.filter((f) => f.status === 'waived');
      expect(waived).to.have.length(1);
      expect((await recheck(alice.token)).status).to.equal(403);
      expect((await recheck(bsc.token)).status).to.equal(403);
      const res = await recheck(programme.token);
      expect(res.status).to.equal(200);
      expect(res.body.data.versions).to.be.at.least(1);
      expect(res.body.data.findings).to.be.at.least(5);
      const after = await findings(s);
      expect(after.map((f) => [f.id, f.status])).to.deep.equal(before.map((f) => [f.id, f.status]));
      const events = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'entity'])
        .where('action', '=', 'plainEnglish.recheck')
        .execute();
      expect(events).to.deep.equal([{ action: 'plainEnglish.recheck', entity: 'settings' }]);
    });

    it('raises a finding as a plain-English comment while a consultation is open', async () => {
      const target = (await findings(s, '?status=open')).find((f) => f.kind === 'vague-wording');
      if (!target) throw new Error('no vague-wording finding');
      const url = `/api/findings/${target.id}/raise`;
      const closed = await server.api(url, { method: 'POST', token: alice.token });
      expect(closed.status).to.equal(409);
      expect(closed.body.error.message).to.include('consultation');
      expect((await findings(s)).find((f) => f.id === target.id)?.status).to.equal('open');
      const sro = await server.signedIn('sro');
      expect((await server.api(url, { method: 'POST', token: sro.token })).status).to.equal(403);

      await openConsultation(server, programme.token, [s]);
      const res = await server.api(url, { method: 'POST', token: alice.token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.data).to.include({ id: target.id, status: 'raised', decidedBy: alice.id });
      const commentId = res.body.data.commentId as string;
      expect(commentId).to.be.a('string');

      const comment = await server.api(`/api/comments/${commentId}`, { token: bsc.token });
      expect(comment.status).to.equal(200);
      expect(comment.body.data).to.include({
        category: 'plain-english',
        clauseRef: target.clauseRef,
        body: `Plain-English check: ${target.message}`,
        quote: target.excerpt,
        status: 'open',
      });
      expect(comment.body.data.version.id).to.equal(versionId);
      expect(comment.body.data.author.id).to.equal(alice.id);

      expect((await server.api(url, { method: 'POST', token: alice.token })).status).to.equal(409);
      const waive = await server.api(`/api/findings/${target.id}/waive`, {
        token: bsc.token,
        body: { reason: 'x' },
      });
      expect(waive.status).to.equal(409);
      const audit = await auditOf('finding', target.id);
      expect(audit.map((e) => e.action)).to.deep.equal(['finding.raise']);
    });

    it('takes defined terms from the published glossary, so other capitalised terms stand out', async () => {
      const x1 = await artefactId(server, programme.token, 'Section X Annex X-1');
      await publish(server, bsc, x1, GLOSSARY);
      const res = await recheck(programme.token);
      expect(res.status).to.equal(200);
      expect(res.body.data.versions).to.equal(2);
      const terms = (await findings(s))
        .filter((f) => f.kind === 'undefined-term')
        .map((f) => `${f.clauseRef}: ${f.excerpt}`);
      expect(terms).to.deep.equal(['1.1.4: Gross Volume Correction']);
      // The glossary itself defines what it uses.
      expect(
        (await findings(x1)).filter((f) => f.kind === 'undefined-term').map((f) => f.excerpt),
      ).to.deep.equal(['Party']);
    });

    it('lets overseers configure extra defined and vague terms, audited as settings', async () => {
      const initial = await server.api('/api/plain-english/config', { token: alice.token });
      expect(initial.status).to.equal(200);
      expect(initial.body.data).to.deep.include({ definedTerms: [], vagueTerms: [] });
      expect(initial.body.data.defaultVagueTerms).to.include('and/or');

      const body = {
        definedTerms: [' Gross Volume Correction ', 'Party', 'party'],
        vagueTerms: ['promptly'],
      };
      const put = (token: string, b: unknown = body) =>
        server.api('/api/plain-english/config', { method: 'PUT', token, body: b });
      expect((await put(alice.token)).status).to.equal(403);
      expect((await put(bsc.token)).status).to.equal(403);
      expect((await put(programme.token, { definedTerms: 'Party' })).status).to.equal(400);
      expect((await put(programme.token, { ...body, extra: true })).status).to.equal(400);
      const saved = await put(programme.token);
      expect(saved.status).to.equal(200);
      expect(saved.body.data).to.deep.include({
        definedTerms: ['Gross Volume Correction', 'Party'],
        vagueTerms: ['promptly'],
      });
      const read = await server.api('/api/plain-english/config', { token: bsc.token });
      expect(read.body.data.definedTerms).to.deep.equal(['Gross Volume Correction', 'Party']);
      const audit = await auditOf('settings', 'plain_english_config');
      expect(audit.map((e) => e.action)).to.include('plainEnglish.configure');

      expect((await recheck(programme.token)).status).to.equal(200);
      expect(
        (await findings(s)).filter((f) => f.kind === 'undefined-term').map((f) => f.excerpt),
      ).to.deep.equal([]);
    });
  });
}
