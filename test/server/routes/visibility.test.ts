import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import JSZip from 'jszip';
import { testDialects } from '../../helpers/db.js';
import {
  SAMPLE_SECTION,
  findArtefact,
  openConsultation,
  postComment,
  publish,
  signInCast,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };
type Comment = { id: string; ref: string; revision: number };

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: { enum?: string[] };
}

const ZIP_TYPES = ['wordprocessingml', 'spreadsheetml'];

/** A response as text to search: headers, and every part of a .docx or .xlsx package. */
async function responseText(res: Response): Promise<string> {
  const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  const type = res.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!ZIP_TYPES.some((t) => type.includes(t))) return `${headers}\n${bytes.toString('utf8')}`;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return [headers, ...parts].join('\n');
}

for (const dialect of testDialects()) {
  describe(`another organisation's confidential comment on every read path (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed;
    let bob: Signed;
    let artefact: { id: string; slug: string };
    let versions: string[];
    let hidden: Comment;
    let hiddenTriaged: Comment;
    let madePublic: Comment;
    let duplicate: Comment;
    let plain: Comment;
    let paper: string;
    const token = randomBytes(6).toString('hex');
    const secrets = {
      body: `Hidden plain-English point ${token}a`,
      triagedBody: `Hidden drafting point ${token}b`,
      response: `Answer to a hidden point ${token}c`,
      reply: `Hidden thread reply ${token}d`,
      original: `Confidential before sanitising ${token}e`,
    };

    before(async () => {
      server = await startTestServer({ dialect });
      ({ bsc, rec, programme, alice, bob } = await signInCast(server));
      const found = await findArtefact(server, programme.token, 'BSCP701');
      artefact = found;
      versions = [
        (await publish(server, bsc, found.id)).id,
        (await publish(server, bsc, found.id, `${SAMPLE_SECTION}\n\n2.1.2 More.`, 'v2')).id,
      ];
      await openConsultation(server, programme.token, [found.id]);
      const post = async (who: Signed, input: Record<string, unknown>) => {
        const res = await postComment(server, who.token, found.id, input);
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        return res.body.data as Comment;
      };
      hidden = await post(bob, {
        body: secrets.body,
        category: 'plain-english',
        confidential: true,
      });
      hiddenTriaged = await post(bob, { body: secrets.triagedBody, confidential: true });
      madePublic = await post(bob, { body: secrets.original, confidential: true });
      duplicate = await post(alice, { body: 'The same point, said in public' });
      plain = await post(alice, { body: 'A public point' });

      const reply = await server.api(`/api/comments/${hidden.id}/replies`, {
        token: bob.token,
        body: { body: secrets.reply },
      });
      expect(reply.status).to.equal(201);
      const triage = (c: Comment, body: Record<string, unknown>) =>
        server.api(`/api/comments/${c.id}/triage`, {
          token: bsc.token,
          body: { revision: c.revision, ...body },
        });
      expect(
        (await triage(hiddenTriaged, { status: 'triaged', response: secrets.response })).status,
      ).to.equal(200);
      const dup = await triage(duplicate, {
        status: 'duplicate',
        response: 'Answered with an earlier comment',
        duplicateOf: hidden.id,
      });
      expect(dup.status, JSON.stringify(dup.body)).to.equal(200);
      const sanitise = await server.api(`/api/comments/${madePublic.id}`, {
        method: 'PATCH',
        token: bob.token,
        body: { revision: madePublic.revision, confidential: false, body: 'sanitised' },
      });
      expect(sanitise.status).to.equal(200);

      const answers = Object.fromEntries(
        ['engaged', 'input', 'commentsAddressed', 'designTranslated', 'artefactsMakeSense'].map(
          (k) => [k, { confirmed: true }],
        ),
      );
      await server.api('/api/due-process/responses', {
        token: alice.token,
        body: { answers, lessonsLearnt: 'Lessons' },
      });
      const generated = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      expect(generated.status).to.equal(201);
      paper = generated.body.data.id;
    });
    after(() => server.close());

    /** Ids, refs and text the readers below may not see, as patterns. */
    function leaks(text: string): string[] {
      const refs = [hidden.ref, hiddenTriaged.ref].map((r) => new RegExp(`${r}(?!\\d)`));
      const plainText = [hidden.id, hiddenTriaged.id, ...Object.values(secrets)];
      return [
        ...plainText.filter((s) => text.includes(s)),
        ...refs.filter((r) => r.test(text)).map(String),
      ];
    }

    // Every value a path parameter can take, by the collection it names; a new parameter fails
    // the walk until it is given values here.
    function pathValues(path: string, name: string): string[] {
      const collection = path.split('/')[2];
      const byKey: Record<string, string[]> = {
        'artefacts:id': [artefact.id, artefact.slug],
        'artefacts:versionId': versions,
        'comments:id': [duplicate.id, duplicate.ref, plain.id, madePublic.id, madePublic.ref],
        'recommendations:id': ['', '.html', '.md', '.docx'].map((f) => paper + f),
        'changes:id': ['CR053'],
      };
      const values = byKey[`${collection}:${name}`];
      if (!values) throw new Error(`no values for path parameter ${name} of ${path}`);
      return values;
    }

    // Values of query parameters beyond their enums; null: deliberately not sent.
    function queryValues(path: string, p: OpenApiParameter, entity?: string): string[] | null {
      if (p.schema.enum) return p.schema.enum;
      const byName: Record<string, string[] | null> = {
        artefactId: [artefact.id],
        code: ['BSC'],
        q: ['BSCP701'],
        status: ['open', 'outstanding', 'duplicate,triaged,open,withdrawn'],
        organisationId: [bob.organisationId ?? '', alice.organisationId ?? ''],
        versionId: versions,
        from: [versions[0] ?? ''],
        to: [versions[1] ?? ''],
        limit: ['200'],
        skip: [plain.ref],
        choose: [plain.ref],
        // A cursor comes from a previous page; the pages themselves are walked with limit.
        cursor: null,
      };
      // Search for the hidden comments' own words: a comment-scope search must still not find them.
      if (path === '/api/search' && p.name === 'q') return [token, `${token}a`, 'hidden', 'point'];
      if (path === '/api/audit' && p.name === 'entityId') {
        const ids: Record<string, string[]> = {
          comment: [duplicate.id, plain.id, madePublic.id, madePublic.ref],
          artefact: [artefact.id],
          recommendation: [paper],
          change: ['CR053'],
        };
        return ids[entity ?? ''] ?? ['unknown'];
      }
      // Asking whether one follows a hidden comment must not confirm it exists (with its entity,
      // which is walked as the other optional parameter; on its own, either is a 400).
      if (path === '/api/follows' && p.name === 'entityId') return [hidden.id, hidden.ref];
      if (!(p.name in byName))
        throw new Error(`no values for query parameter ${p.name} of ${path}`);
      return byName[p.name] ?? null;
    }

    /** Every GET of the API as URLs: each path filled every way, bare and with each query value. */
    async function readUrls(): Promise<string[]> {
      const spec = (await server.api('/api/openapi.json')).body as {
        paths: Record<string, { get?: { parameters: OpenApiParameter[] } }>;
      };
      const urls: string[] = [];
      for (const [template, ops] of Object.entries(spec.paths)) {
        if (!ops.get) continue;
        const params = ops.get.parameters;
        let paths = [template];
        for (const p of params.filter((x) => x.in === 'path')) {
          const values = pathValues(template, p.name);
          paths = paths.flatMap((path) =>
            values.map((v) => path.replace(`{${p.name}}`, encodeURIComponent(v))),
          );
        }
        const query = params.filter((x) => x.in === 'query');
        const required = query.filter((p) => p.required);
        // Required query parameters: the audit's entity and id, filled together.
        let bases = [''];
        for (const p of required) {
          bases = bases.flatMap((base) => {
            const entity = new URLSearchParams(base).get('entity') ?? undefined;
            const values = queryValues(template, p, entity) ?? [];
            return values.map((v) => `${base}&${p.name}=${encodeURIComponent(v)}`);
          });
        }
        for (const path of paths) {
          for (const base of bases) {
            urls.push(`${path}?${base}`);
            for (const p of query.filter((x) => !x.required)) {
              for (const v of queryValues(template, p) ?? [])
                urls.push(`${path}?${base}&${p.name}=${encodeURIComponent(v)}`);
            }
          }
        }
      }
      return urls;
    }

    it('appears on no read path for a participant of another organisation or another code body', async () => {
      const urls = await readUrls();
      expect(urls.length).to.be.greaterThan(100);
      const found: string[] = [];
      let ok = 0;
      for (const reader of [alice, rec]) {
        for (const url of urls) {
          const res = await fetch(server.url + url, {
            headers: { authorization: `Bearer ${reader.token}` },
          });
          expect(res.status, url).to.be.below(500);
          if (res.status === 200) ok += 1;
          const text = await responseText(res);
          for (const leak of leaks(text)) found.push(`${reader.role} ${url}: ${leak}`);
        }
      }
      expect(found).to.deep.equal([]);
      // The walk read real data, not a wall of 4xx.
      expect(ok).to.be.greaterThan(urls.length);
    });

    it('is still named to its own organisation, its code body and the programme', async () => {
      for (const reader of [bob, bsc, programme]) {
        const res = await server.api(`/api/artefacts/${artefact.id}/readiness`, {
          token: reader.token,
        });
        expect(JSON.stringify(res.body), reader.role).to.include(hidden.ref);
        expect(res.body.data.commentsNotShown).to.deep.equal({ outstanding: 0, total: 0 });
      }
      const thread = await server.api(`/api/comments/${duplicate.id}`, { token: bsc.token });
      expect(thread.body.data.decisions[0].duplicateOf).to.equal(hidden.id);
      const hiddenTo = await server.api(`/api/comments/${duplicate.id}`, { token: alice.token });
      expect(hiddenTo.body.data.decisions[0]).to.include({
        status: 'duplicate',
        duplicateOf: null,
      });
    });

    it("counts readiness's comments as the registry does for each reader, the rest as not shown", async () => {
      for (const reader of [alice, rec, bob, bsc, programme]) {
        const registry = (
          await server.api(`/api/artefacts/${artefact.id}`, { token: reader.token })
        ).body.data;
        const one = (
          await server.api(`/api/artefacts/${artefact.id}/readiness`, { token: reader.token })
        ).body.data;
        const overall = (await server.api('/api/readiness', { token: reader.token })).body;
        const entry = overall.artefacts.find((a: { id: string }) => a.id === artefact.id);
        const seesHidden = [bob, bsc, programme].includes(reader);
        const notShown = seesHidden ? { outstanding: 0, total: 0 } : { outstanding: 2, total: 2 };
        for (const shown of [one, entry]) {
          expect(shown.outstandingComments, reader.role).to.equal(registry.outstandingComments);
          expect(shown.totalComments, reader.role).to.equal(registry.totalComments);
          expect(shown.commentsNotShown, reader.role).to.deep.equal(notShown);
        }
        const sc4 = one.criteria.find((c: { id: string }) => c.id === 'SC4');
        expect(sc4.evidence.outstandingComments).to.equal(registry.outstandingComments);
        expect(sc4.blockerCount).to.equal(4);
        if (!seesHidden) {
          expect(sc4.evidence.confidentialCommentsNotShown).to.equal(2);
          expect(sc4.blockers.map((b: { message: string }) => b.message)).to.include(
            '2 confidential comments not shown to you are not yet answered',
          );
          expect(one.statusText).to.equal(
            '2 Industry comments outstanding, and 2 confidential comments not shown to you',
          );
        }
        const code = overall.byCode.find((c: { code: string }) => c.code === 'BSC');
        const queue = (
          await server.api('/api/comments?code=BSC&status=outstanding&limit=1', {
            token: reader.token,
          })
        ).body.counts;
        expect(code.outstandingComments, reader.role).to.equal(
          (queue.open ?? 0) + (queue.triaged ?? 0),
        );
      }
    });

    it('counts confidential comments in the paper for everyone, naming none of them', async () => {
      const json = (await server.api(`/api/recommendations/${paper}`, { token: bsc.token })).body
        .data;
      expect(leaks(JSON.stringify(json))).to.deep.equal([]);
      const entry = json.readiness.artefacts.find((a: { id: string }) => a.id === artefact.id);
      expect(entry.statusText).to.equal('4 Industry comments outstanding, 2 of them confidential');
      const md = (await server.api(`/api/recommendations/${paper}.md`, { token: bsc.token })).body;
      expect(md).to.include('- 4 outstanding industry comments, 2 of them confidential');
      expect(md).to.include('- 2 confidential comments are not yet answered');
      expect(md).to.include('- 1 confidential plain\\-English comment is outstanding');
    });

    it('keeps out of a stored paper a comment made confidential after the paper was made', async () => {
      const res = await postComment(server, alice.token, artefact.id, { body: 'Public for now' });
      const later = res.body.data as Comment;
      const generated = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      const id = generated.body.data.id as string;
      expect(JSON.stringify(generated.body)).to.include(later.ref);
      const edit = await server.api(`/api/comments/${later.id}`, {
        method: 'PATCH',
        token: alice.token,
        body: { revision: later.revision, confidential: true },
      });
      expect(edit.status).to.equal(200);
      for (const format of ['', '.html', '.md', '.docx']) {
        const read = await fetch(`${server.url}/api/recommendations/${id}${format}`, {
          headers: { authorization: `Bearer ${bob.token}` },
        });
        expect(read.status).to.equal(200);
        const text = await responseText(read);
        expect(text, format).to.not.include(later.id);
        expect(text, format).to.not.match(new RegExp(`${later.ref}(?!\\d)`));
      }
    });
  });
}
