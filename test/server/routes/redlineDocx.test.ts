import { expect } from 'chai';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId, publish, type SignedInUser } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { acceptedText, documentXml } from '../../helpers/wordRedline.js';

const V1 = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 This BSCP sets out the Smart Data Service.',
  '1.1.2 The Smart Data Service sends data to Suppliers.',
].join('\n\n');
const V2 = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 This BSCP sets out the Smart Data Service.',
  '1.1.2 Suppliers shall register for the service.',
  '1.1.3 The Smart Data Service delivers data to Suppliers.',
].join('\n\n');

for (const dialect of testDialects()) {
  describe(`Word redline download (${dialect})`, () => {
    let server: TestServer;
    let bsc: SignedInUser;
    let participant: SignedInUser;
    let id: string;
    let v1: string;
    let v2: { id: string; createdAt: string };

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC', name: 'Bea BSC (Elexon)' });
      participant = await server.signedIn('participant');
      id = await artefactId(server, bsc.token, 'BSCP701');
      v1 = (await publish(server, bsc, id, V1, 'v1')).id;
      v2 = (await publish(server, bsc, id, V2, 'v2')) as { id: string; createdAt: string };
    });
    after(() => server.close());

    const download = (query: string, token = participant.token) =>
      fetch(`${server.url}/api/artefacts/${id}/redline.docx${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });

    it('is the later version with every change tracked by its author at its publication', async () => {
      const res = await download('');
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers.get('content-disposition')).to.equal(
        'attachment; filename="BSCP701-v1-to-v2-redline.docx"',
      );
      const docx = Buffer.from(await res.arrayBuffer());
      const xml = documentXml(docx);
      const revisions = xml.match(/<w:(?:ins|del) [^>]*>/g) ?? [];
      expect(revisions.length).to.be.greaterThan(2);
      for (const r of revisions) {
        expect(r).to.contain('w:author="Bea BSC (Elexon)"');
        expect(r).to.contain(`w:date="${v2.createdAt}"`);
      }
      expect(
        parseClauses(await acceptedText(docx)).clauses.map((c) => [c.ref, c.text]),
      ).to.deep.equal(parseClauses(V2).clauses.map((c) => [c.ref, c.text]));
    });

    it('compares the versions asked for, and says what is wrong with a bad request', async () => {
      const back = await download(`?from=${v2.id}&to=${v1}`);
      expect(back.status).to.equal(200);
      expect(
        parseClauses(await acceptedText(Buffer.from(await back.arrayBuffer()))).clauses.length,
      ).to.equal(parseClauses(V1).clauses.length);
      const unknown = await download('?from=nope');
      expect(unknown.status).to.equal(404);
      expect(((await unknown.json()) as { error: { message: string } }).error.message).to.contain(
        'No version with id "nope"',
      );
      expect((await fetch(`${server.url}/api/artefacts/${id}/redline.docx`)).status).to.equal(401);
    });
  });
}
