import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  signInCast,
  type SignedInUser,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

interface CommentHit {
  type: string;
  artefact: { code: string };
  comment: { id: string; status: string; confidential: boolean; createdAt: string };
  field: 'body' | 'proposedText';
  snippet: { text: string; hit: boolean }[];
}

for (const dialect of testDialects()) {
  describe(`comment search through the full-text index (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let cast: Awaited<ReturnType<typeof signInCast>>;
    /** Of bob's organisation. */
    let carol: SignedInUser;
    let sectionS: string;

    const search = (who: SignedInUser, params: Record<string, string>) =>
      server.api(`/api/search?${new URLSearchParams({ scope: 'comments', ...params })}`, {
        token: who.token,
      });
    const hits = async (q: string, who: SignedInUser = cast.programme, extra = {}) => {
      const res = await search(who, { q, ...extra });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.data as CommentHit[];
    };
    const ids = async (q: string, who?: SignedInUser) =>
      (await hits(q, who)).map((h) => h.comment.id);
    const comment = async (who: SignedInUser, input: Record<string, unknown>) => {
      const res = await postComment(server, who.token, sectionS, input);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.data as { id: string; revision: number };
    };

    before(async () => {
      server = await startTestServer({ dialect });
      cast = await signInCast(server);
      carol = await server.signedIn('participant', { organisationId: cast.bob.organisationId! });
      sectionS = (await findArtefact(server, cast.programme.token, 'Section S')).id;
      await publish(server, cast.bsc, sectionS);
      await openConsultation(server, cast.programme.token, [sectionS]);
    });
    after(() => server.close());

    it('ignores plurals both ways, and case', async () => {
      const one = await comment(cast.alice, { body: 'The collector of this clause is unclear.' });
      const many = await comment(cast.alice, {
        body: 'Name the Collectors.',
        proposedText: 'Each Supplier appoints its Collectors.',
      });
      expect(await ids('collectors')).to.have.members([one.id, many.id]);
      expect(await ids('collector')).to.have.members([one.id, many.id]);
      expect(await ids('COLLECTOR')).to.have.members([one.id, many.id]);
      expect(await ids('Unclear')).to.deep.equal([one.id]);
    });

    it('matches a quoted phrase only with its words together and in order', async () => {
      const together = await comment(cast.alice, { body: 'Meter readings arrive late.' });
      const apart = await comment(cast.alice, { body: 'Readings of the meter arrive late.' });
      expect(await ids('"meter readings"')).to.deep.equal([together.id]);
      expect(await ids('meter readings')).to.have.members([together.id, apart.id]);
    });

    it('matches a word ending in * as a beginning', async () => {
      const estimated = await comment(cast.alice, { body: 'Estimated reads need a flag.' });
      const estimation = await comment(cast.alice, {
        body: 'See the note.',
        proposedText: 'Estimation follows BSCP 504.',
      });
      await comment(cast.alice, { body: 'An estate of meters.' });
      expect(await ids('estimat*')).to.have.members([estimated.id, estimation.id]);
      expect(await ids('estimat')).to.deep.equal([]);
      const [hit] = (await hits('estimation')).filter((h) => h.comment.id === estimation.id);
      expect(hit!.field).to.equal('proposedText');
      expect(hit!.snippet.filter((p) => p.hit).map((p) => p.text)).to.deep.equal(['Estimation']);
    });

    it('finds an edited comment by its new text and never by its old', async () => {
      const c = await comment(cast.alice, { body: 'Wombats are out of scope.' });
      expect(await ids('wombat')).to.deep.equal([c.id]);
      const edit = await server.api(`/api/comments/${c.id}`, {
        method: 'PATCH',
        token: cast.alice.token,
        body: { revision: c.revision, body: 'Numbats are out of scope.', proposedText: 'Bilby.' },
      });
      expect(edit.status, JSON.stringify(edit.body)).to.equal(200);
      expect(await ids('wombat')).to.deep.equal([]);
      expect(await ids('numbats')).to.deep.equal([c.id]);
      expect(await ids('bilby')).to.deep.equal([c.id]);
      const again = await server.api(`/api/comments/${c.id}`, {
        method: 'PATCH',
        token: cast.alice.token,
        body: { revision: c.revision + 1, proposedText: null },
      });
      expect(again.status, JSON.stringify(again.body)).to.equal(200);
      expect(await ids('bilby')).to.deep.equal([]);
      expect(await ids('numbats')).to.deep.equal([c.id]);
    });

    it('still finds a withdrawn comment, as it always has, showing its status', async () => {
      const c = await comment(cast.alice, { body: 'Dingoes never mind.' });
      const res = await server.api(`/api/comments/${c.id}/withdraw`, {
        token: cast.alice.token,
        body: { revision: c.revision },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      for (const who of [cast.alice, cast.programme]) {
        const found = await hits('dingo', who);
        expect(found.map((h) => [h.comment.id, h.comment.status])).to.deep.equal([
          [c.id, 'withdrawn'],
        ]);
      }
    });

    it('never returns a confidential comment to another organisation, by its body or its proposal', async () => {
      const secret = await comment(cast.bob, {
        body: 'Platypus meters are ours alone.',
        proposedText: 'Echidna clause stays.',
        confidential: true,
      });
      for (const q of ['platypus', 'echidna', 'platypus*', '"platypus meters"', 'meters ours']) {
        for (const who of [cast.alice, cast.rec]) {
          const res = await search(who, { q });
          expect(res.status).to.equal(200);
          const text = JSON.stringify(res.body);
          expect(text, q).to.not.include(secret.id);
          expect(text, q).to.not.match(/platypus|echidna/i);
        }
      }
      // The author, the author's organisation, the code body of the code, and the programme.
      for (const who of [cast.bob, carol, cast.bsc, cast.programme]) {
        expect(await ids('platypus', who)).to.deep.equal([secret.id]);
        expect(await ids('echidna', who)).to.deep.equal([secret.id]);
      }
      const [hit] = await hits('echidna', carol);
      expect(hit!.comment.confidential).to.equal(true);
    });

    it('filters by code, and pages newest first', async () => {
      const made = [];
      for (const body of ['First quoll.', 'Second quoll.', 'Third quoll.'])
        made.push((await comment(cast.alice, { body })).id);
      expect(await hits('quoll', cast.programme, { code: 'REC' })).to.deep.equal([]);
      expect(await ids('quoll')).to.have.members(made);

      const first = await search(cast.programme, { q: 'quoll', limit: '2' });
      expect(first.body.data).to.have.length(2);
      const second = await search(cast.programme, {
        q: 'quoll',
        limit: '2',
        cursor: first.body.nextCursor,
      });
      expect(second.body.nextCursor).to.equal(null);
      const paged = [...first.body.data, ...second.body.data] as CommentHit[];
      expect(paged.map((h) => h.comment.id)).to.have.members(made);
      const times = paged.map((h) => h.comment.createdAt);
      expect(times).to.deep.equal([...times].sort().reverse());
    });
  });
}
