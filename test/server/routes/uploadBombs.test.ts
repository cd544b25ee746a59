import { expect } from 'chai';
import { crc32 } from 'node:zlib';
import { testDialects } from '../../helpers/db.js';
import { DOCX_TYPE, sampleDocx } from '../../helpers/docx.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { lyingBomb, replacePart, zeros } from '../../helpers/zipArchive.js';

for (const dialect of testDialects()) {
  describe(`Word uploads that unpack to more than they admit (${dialect})`, () => {
    let server: TestServer;
    let bsc: string;
    let docx: Buffer;
    before(async () => {
      server = await startTestServer({ dialect });
      bsc = (await server.signedIn('code_body', { code: 'BSC' })).token;
      docx = await sampleDocx();
    });
    after(() => server.close());

    async function publish(bytes: Buffer, label: string) {
      const form = new FormData();
      form.append('label', label);
      form.append('file', new Blob([new Uint8Array(bytes)], { type: DOCX_TYPE }), 'section-s.docx');
      const res = await fetch(`${server.url}/api/artefacts/bsc-section-s/versions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bsc}` },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
    }

    const versionCount = async () =>
      Number(
        (
          await server.db.kysely
            .selectFrom('artefactVersions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('refuses word/footnotes.xml declaring 2,000 bytes and inflating to 200 MB (400), storing nothing', async () => {
      const before = await versionCount();
      const res = await publish(replacePart(docx, lyingBomb('word/footnotes.xml', 200)), 'bomb');
      expect(res.status).to.equal(400);
      expect(res.body.error?.message).to.equal(
        'The Word document could not be read: the part word/footnotes.xml unpacks to more than the 2,000 bytes its header declares',
      );
      expect(await versionCount()).to.equal(before);
      expect((await server.api('/api/health')).status).to.equal(200);
    });

    it('refuses an honest part over 50 MB (413) before inflating it, storing nothing', async () => {
      const before = await versionCount();
      const size = 60 * 1024 * 1024;
      const giant = replacePart(docx, {
        name: 'word/footnotes.xml',
        data: zeros(60),
        method: 8,
        size,
        crc: crc32(Buffer.alloc(size)),
      });
      const res = await publish(giant, 'giant');
      expect(res.status).to.equal(413);
      expect(res.body.error?.message).to.equal(
        'The Word document is too large: the part word/footnotes.xml unpacks to more than 50 MB, the limit for one part',
      );
      expect(await versionCount()).to.equal(before);
      // The server carries on: an honest document publishes.
      expect((await publish(docx, 'v1')).status).to.equal(201);
    });
  });
}
