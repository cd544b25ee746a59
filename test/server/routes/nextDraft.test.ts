import { expect } from 'chai';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { testDialects } from '../../helpers/db.js';
import { acceptedText, documentXml } from '../../helpers/wordRedline.js';
import {
  artefactId,
  openConsultation,
  postComment,
  publish,
  signInCast,
  type SignedInUser,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

interface Draft {
  body: string;
  applied: { commentRef: string; clauseRef: string; before: string; after: string }[];
  conflicts: { clauseRef: string; commentRefs: string[]; chosen: string | null }[];
  skipped: string[];
  unapplied: { commentRef: string; clauseRef: string; reason: string }[];
  version: { label: string };
}

for (const dialect of testDialects()) {
  describe(`next draft from accepted comments (${dialect})`, () => {
    let server: TestServer;
    let cast: Awaited<ReturnType<typeof signInCast>>;
    let s: string;
    let dic: string;
    const ref: Record<string, string> = {};

    const draft = async (user: SignedInUser, query = '') => {
      const res = await server.api(`/api/artefacts/${s}/next-draft${query}`, { token: user.token });
      return { status: res.status, body: res.body, draft: res.body.data as Draft };
    };

    before(async () => {
      server = await startTestServer({ dialect });
      cast = await signInCast(server);
      s = await artefactId(server, cast.programme.token, 'Section S');
      dic = (await server.api('/api/artefacts/rec-data-item-catalogue', { token: cast.rec.token }))
        .body.data.id;
      await publish(server, cast.bsc, s);
      await publish(server, cast.rec, dic, '1. PURPOSE\n\n1.1 This catalogue lists data items.');
      await openConsultation(server, cast.programme.token, [s, dic]);
      const post = async (name: string, input: Record<string, unknown>, on = s) => {
        const res = await postComment(server, cast.alice.token, on, input);
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        ref[name] = res.body.data.ref;
        return res.body.data as { id: string };
      };
      const decide = async (id: string, status: string, user = cast.bsc) => {
        const res = await server.api(`/api/comments/${id}/triage`, {
          token: user.token,
          body: { status, response: `Decided: ${status}`, revision: 1 },
        });
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
      };
      const quoted = await post('quoted', {
        clauseRef: '1.1.2',
        quote: 'allocate volumes',
        proposedText: 'allocate metered volumes',
      });
      const whole = await post('whole', {
        clauseRef: '2.1.1',
        proposedText: '2.1.1 Volumes are aggregated by the Market-wide Data Service (MDS).',
      });
      const first = await post('first', {
        clauseRef: '1.1.1',
        quote: 'sets out',
        proposedText: 'establishes',
      });
      const second = await post('second', {
        clauseRef: '1.1.1',
        proposedText: 'This Section S defines Supplier Volume Allocation.',
      });
      const rejected = await post('rejected', {
        clauseRef: '1.1.2',
        proposedText: 'Something else entirely.',
      });
      const open = await post('open', { clauseRef: '1.1.2', proposedText: 'Not decided yet.' });
      const foreign = await post(
        'foreign',
        { clauseRef: '1.1', proposedText: 'This catalogue lists every data item.' },
        dic,
      );
      await decide(quoted.id, 'accepted');
      await decide(whole.id, 'partially-accepted');
      await decide(first.id, 'accepted');
      await decide(second.id, 'accepted');
      await decide(rejected.id, 'rejected');
      await decide(foreign.id, 'accepted', cast.rec);
      void open;
    });
    after(() => server.close());

    it('applies accepted proposals to the quoted words or the whole clause, and holds back a conflict', async () => {
      const { status, draft: d } = await draft(cast.bsc);
      expect(status).to.equal(200);
      expect(d.version.label).to.equal('v1');
      expect(d.applied).to.deep.equal([
        {
          commentRef: ref.quoted,
          clauseRef: '1.1.2',
          before: 'allocate volumes',
          after: 'allocate metered volumes',
        },
        {
          commentRef: ref.whole,
          clauseRef: '2.1.1',
          before: 'Volumes are aggregated by the Market-wide Data Service.',
          after: 'Volumes are aggregated by the Market-wide Data Service (MDS).',
        },
      ]);
      expect(d.conflicts).to.deep.equal([
        { clauseRef: '1.1.1', commentRefs: [ref.first, ref.second], chosen: null },
      ]);
      expect(d.body).to.contain('1.1.2 The SVAA shall allocate metered volumes for each');
      expect(d.body).to.contain(
        '2.1.1 Volumes are aggregated by the Market-wide Data Service (MDS).',
      );
      // Neither conflicting proposal, nor the rejected or open ones, nor another artefact's.
      expect(d.body).to.contain('1.1.1 This Section S sets out the basis');
      expect(d.body).not.to.contain('Something else').and.not.to.contain('Not decided');
    });

    it('applies the proposal chosen in a conflict, and leaves out the ones switched off', async () => {
      const { draft: d } = await draft(cast.bsc, `?choose=${ref.second}&skip=${ref.quoted}`);
      expect(d.applied.map((a) => a.commentRef)).to.deep.equal([ref.second, ref.whole]);
      expect(d.conflicts[0]?.chosen).to.equal(ref.second);
      expect(d.skipped).to.deep.equal([ref.quoted]);
      expect(d.body).to.contain('1.1.1 This Section S defines Supplier Volume Allocation.');
      expect(d.body).to.contain('shall allocate volumes for each');
    });

    it('downloads as Word, each applied proposal a tracked change by its comment', async () => {
      const { draft: d } = await draft(cast.bsc, `?choose=${ref.second}`);
      const res = await fetch(
        `${server.url}/api/artefacts/${s}/next-draft.docx?choose=${ref.second}`,
        {
          headers: { authorization: `Bearer ${cast.bsc.token}` },
        },
      );
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-disposition')).to.equal(
        'attachment; filename="Section-S-next-draft-from-v1.docx"',
      );
      const docx = Buffer.from(await res.arrayBuffer());
      const xml = documentXml(docx);
      const authors = new Set(
        [...xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]+)"/g)].map((m) => m[1]),
      );
      expect([...authors].sort()).to.deep.equal([ref.quoted, ref.second, ref.whole].sort());
      expect(xml).to.match(
        new RegExp(`<w:ins [^>]*w:author="${ref.quoted}"[^>]*>(?:(?!</w:ins>).)*metered`),
      );
      const accepted = parseClauses(await acceptedText(docx)).clauses.map((c) => c.text);
      expect(accepted).to.deep.equal(parseClauses(d.body).clauses.map((c) => c.text));
      const participant = await fetch(`${server.url}/api/artefacts/${s}/next-draft.docx`, {
        headers: { authorization: `Bearer ${cast.alice.token}` },
      });
      expect(participant.status).to.equal(403);
    });

    it('is for the code body of the artefact only', async () => {
      for (const user of [cast.alice, cast.rec, cast.programme]) {
        expect((await draft(user)).status, user.role).to.equal(403);
      }
      expect((await server.api(`/api/artefacts/${s}/next-draft`)).status).to.equal(401);
      const bad = await draft(cast.bsc, `?skip=${'x'.repeat(101)}`);
      expect(bad.status).to.equal(400);
      expect(bad.body.error.message).to.match(/^query\.skip/);
    });

    it('refuses to resolve a rejected, open, foreign or unknown comment, naming it', async () => {
      const { draft: d } = await draft(cast.bsc);
      for (const bad of [ref.rejected, ref.open, ref.foreign, 'C-999999']) {
        const res = await server.api(`/api/artefacts/${s}/versions`, {
          token: cast.bsc.token,
          body: { label: 'v2-bad', body: d.body, resolves: [ref.quoted, bad] },
        });
        expect(res.status, bad).to.equal(400);
        expect(res.body.error.message).to.contain(`body.resolves: ${bad} `);
      }
      const versions = await server.api(`/api/artefacts/${s}/versions`, { token: cast.bsc.token });
      expect(versions.body.data.map((v: { label: string }) => v.label)).to.deep.equal(['v1']);
    });

    it('publishes the draft; its comments say which version incorporated them and drop out', async () => {
      const { draft: d } = await draft(cast.bsc);
      const res = await server.api(`/api/artefacts/${s}/versions`, {
        token: cast.bsc.token,
        body: { label: 'v2', body: d.body, resolves: [ref.quoted, ref.whole] },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      const listed = await server.api(`/api/comments?artefactId=${s}&limit=50`, {
        token: cast.alice.token,
      });
      const byRef = new Map(
        (listed.body.data as { ref: string; incorporatedIn: { label: string } | null }[]).map(
          (c) => [c.ref, c.incorporatedIn],
        ),
      );
      expect(byRef.get(ref.quoted ?? '')).to.include({ label: 'v2' });
      expect(byRef.get(ref.whole ?? '')).to.include({ label: 'v2' });
      expect(byRef.get(ref.first ?? '')).to.equal(null);
      const next = (await draft(cast.bsc)).draft;
      expect(next.version.label).to.equal('v2');
      expect(next.applied).to.deep.equal([]);
      expect(next.conflicts.map((c) => c.commentRefs)).to.deep.equal([[ref.first, ref.second]]);
      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select('after')
        .where('action', '=', 'version.publish')
        .where('entityId', '=', s)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after ?? '{}').resolves).to.deep.equal([ref.quoted, ref.whole]);
    });
  });
}
