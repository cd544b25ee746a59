import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import {
  DOCX_TYPE,
  TRACKED_CHANGES_CLAUSES,
  TRACKED_CHANGES_WARNINGS,
  sampleDocx,
  trackedChangesDocx,
} from '../../helpers/docx.js';
import { startTestServer, type ApiResponse, type TestServer } from '../../helpers/server.js';

interface UploadInit {
  token: string;
  fields?: Record<string, string>;
  file?: { bytes: Buffer; name: string; type?: string; field?: string };
}

for (const dialect of testDialects()) {
  describe(`publishing a version from a Word upload (${dialect})`, () => {
    let server: TestServer;
    let reader: string;
    let bsc: string;
    let docx: Buffer;
    before(async () => {
      server = await startTestServer({ dialect });
      reader = (await server.signedIn('participant')).token;
      bsc = (await server.signedIn('code_body', { code: 'BSC' })).token;
      docx = await sampleDocx();
    });
    after(() => server.close());

    /** A real multipart/form-data request, built the way a browser builds one. */
    async function upload(slug: string, init: UploadInit): Promise<ApiResponse> {
      const form = new FormData();
      for (const [name, value] of Object.entries(init.fields ?? { label: 'v1' })) {
        form.append(name, value);
      }
      if (init.file) {
        const blob = new Blob([new Uint8Array(init.file.bytes)], {
          type: init.file.type ?? DOCX_TYPE,
        });
        form.append(init.file.field ?? 'file', blob, init.file.name);
      }
      const res = await fetch(`${server.url}/api/artefacts/${slug}/versions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${init.token}` },
        body: form,
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
    }

    const versionsOf = async (slug: string) =>
      (await server.api(`/api/artefacts/${slug}/versions`, { token: reader })).body.data as {
        label: string;
      }[];

    it('lets a BSC code-body user upload a .docx: clause refs from Word numbering, a table in the HTML', async () => {
      const res = await upload('bsc-section-s', {
        token: bsc,
        fields: { label: 'v1', changeNote: 'From Word', incorporates: 'CR053, CR051,' },
        file: { bytes: docx, name: 'Section S – v1 (Elexon).docx' },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      const version = res.body.data;
      expect(version.clauses.map((c: { ref: string }) => c.ref)).to.deep.equal([
        '1',
        '1.1',
        '1.1.1',
        '1.1.1(a)',
        '1.1.1(b)',
        '1.1.2',
        '2',
      ]);
      expect(version.html).to.include('<table>');
      expect(version.html).to.include('<td>Final Reconciliation</td>');
      expect(version.html).to.include('id="clause-1-1-1"');
      expect(version.html).to.include('<strong>basis</strong>');
      expect(version.incorporates).to.deep.equal(['CR053', 'CR051']);
      expect(version.changeNote).to.equal('From Word');
      expect(version.warnings).to.deep.equal([]);

      const stored = await server.api(`/api/artefacts/bsc-section-s/versions/${version.id}`, {
        token: reader,
      });
      expect(stored.body.data.body).to.match(/^# SECTION S: SUPPLIER VOLUME ALLOCATION$/m);
      expect(stored.body.data.body).to.include('| Service | Run |');

      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .selectAll()
        .where('action', '=', 'version.publish')
        .where('entityId', '=', version.artefactId)
        .execute();
      const after = JSON.parse(audit.at(-1)?.after ?? '{}');
      expect(after).to.include({ source: 'docx', sourceFile: 'Section S – v1 (Elexon).docx' });
    });

    it("publishes Word's accepted view of tracked changes, and says what it accepted and left out", async () => {
      const res = await upload('bsc-section-e', {
        token: bsc,
        fields: { label: 'v1' },
        file: { bytes: await trackedChangesDocx(), name: 'Section E (tracked).docx' },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body.data.warnings).to.deep.equal(TRACKED_CHANGES_WARNINGS);

      const stored = await server.api(`/api/artefacts/bsc-section-e/versions/${res.body.data.id}`, {
        token: reader,
      });
      const clauses = stored.body.data.clauses as {
        ref: string;
        heading: string | null;
        text: string;
      }[];
      expect(clauses.map((c) => [c.ref, c.heading ?? c.text])).to.deep.equal(
        TRACKED_CHANGES_CLAUSES,
      );
      // Warnings are about the upload, not part of the version.
      expect(stored.body.data).to.not.have.property('warnings');
    });

    it('refuses a participant (403)', async () => {
      const res = await upload('bsc-section-j', {
        token: reader,
        file: { bytes: docx, name: 'j.docx' },
      });
      expect(res.status).to.equal(403);
      expect(await versionsOf('bsc-section-j')).to.have.length(0);
    });

    it('refuses a REC code-body user on a BSC artefact (403)', async () => {
      const rec = await server.signedIn('code_body', { code: 'REC' });
      const res = await upload('bsc-section-k', {
        token: rec.token,
        file: { bytes: docx, name: 'k.docx' },
      });
      expect(res.status).to.equal(403);
      expect(res.body.error.code).to.equal('forbidden');
      expect(await versionsOf('bsc-section-k')).to.have.length(0);
    });

    it('answers a corrupt upload and a PNG renamed .docx with 400, storing nothing', async () => {
      const corrupt = await upload('bsc-section-l', {
        token: bsc,
        file: { bytes: docx.subarray(0, Math.floor(docx.length * 0.6)), name: 'l.docx' },
      });
      expect(corrupt.status).to.equal(400);
      expect(corrupt.body.error.message).to.match(/^The Word document could not be read: /);

      const png = Buffer.concat([
        Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
        Buffer.alloc(64),
      ]);
      const renamed = await upload('bsc-section-l', {
        token: bsc,
        file: { bytes: png, name: 'diagram.docx' },
      });
      expect(renamed.status).to.equal(400);
      expect(renamed.body.error).to.deep.equal({
        code: 'invalid_request',
        message: 'The upload is not a Word .docx file',
      });
      expect(await versionsOf('bsc-section-l')).to.have.length(0);
    });

    it('answers an upload over 20 MB with 413, storing nothing', async () => {
      const res = await upload('bsc-section-w', {
        token: bsc,
        file: { bytes: Buffer.alloc(21 * 1024 * 1024, 0x41), name: 'huge.docx' },
      });
      expect(res.status).to.equal(413);
      expect(res.body.error).to.deep.equal({
        code: 'payload_too_large',
        message: 'The upload may be at most 20 MB',
      });
      expect(await versionsOf('bsc-section-w')).to.have.length(0);
    });

    it('needs exactly one of a Markdown body and a file, in the form field "file"', async () => {
      const both = await upload('bsc-section-z', {
        token: bsc,
        fields: { label: 'v1', body: '1. GENERAL' },
        file: { bytes: docx, name: 'z.docx' },
      });
      expect(both.status).to.equal(400);
      expect(both.body.error.message).to.match(/not both/);

      const neither = await upload('bsc-section-z', { token: bsc, fields: { label: 'v1' } });
      expect(neither.status).to.equal(400);
      expect(neither.body.error.message).to.match(/^body\.body: /);

      const wrongField = await upload('bsc-section-z', {
        token: bsc,
        file: { bytes: docx, name: 'z.docx', field: 'document' },
      });
      expect(wrongField.status).to.equal(400);
      expect(wrongField.body.error.message).to.include('"file"');

      const badIds = await upload('bsc-section-z', {
        token: bsc,
        fields: { label: 'v1', incorporates: 'CR053, not-a-change' },
        file: { bytes: docx, name: 'z.docx' },
      });
      expect(badIds.status).to.equal(400);
      expect(badIds.body.error.message).to.match(/^body\.incorporates\.1/);

      const noLabel = await upload('bsc-section-z', {
        token: bsc,
        fields: {},
        file: { bytes: docx, name: 'z.docx' },
      });
      expect(noLabel.status).to.equal(400);
      expect(noLabel.body.error.message).to.match(/^body\.label/);
      expect(await versionsOf('bsc-section-z')).to.have.length(0);
    });

    it('still publishes JSON Markdown on the same route, with the same validation', async () => {
      const res = await server.api('/api/artefacts/bsc-bscp709/versions', {
        token: bsc,
        body: { label: 'v1', body: '1. GENERAL\n\n1.1 Scope', incorporates: ['CR053'] },
      });
      expect(res.status).to.equal(201);
      expect(res.body.data.clauses.map((c: { ref: string }) => c.ref)).to.deep.equal(['1', '1.1']);
      expect(res.body.data.warnings).to.deep.equal([]);
      expect(res.body.data.incorporates).to.deep.equal(['CR053']);
      const missing = await server.api('/api/artefacts/bsc-bscp709/versions', {
        token: bsc,
        body: { label: 'v2' },
      });
      expect(missing.status).to.equal(400);
      expect(missing.body.error.message).to.match(/^body\.body/);
      const badId = await server.api('/api/artefacts/bsc-bscp709/versions', {
        token: bsc,
        body: { label: 'v2', body: '1. X', incorporates: ['not-a-change'] },
      });
      expect(badId.status).to.equal(400);
      expect(badId.body.error.message).to.match(/^body\.incorporates\.0/);
      expect((await versionsOf('bsc-bscp709')).map((v) => v.label)).to.deep.equal(['v1']);
    });

    it('tells the publisher which number-like lines were read as text, not as clauses', async () => {
      const body = [
        '5. ESTIMATION',
        '',
        '5.3.2 The Supplier shall ensure that the estimated volume shall not exceed',
        '2.5 per cent of the metered volume for that Settlement Period.',
        '',
        '5.3.3 Estimates are replaced by actual data when it arrives.',
      ].join('\n');
      const res = await server.api('/api/artefacts/bsc-bscp710/versions', {
        token: bsc,
        body: { label: 'v1', body },
      });
      expect(res.status).to.equal(201);
      expect(res.body.data.clauses.map((c: { ref: string }) => c.ref)).to.deep.equal([
        '5',
        '5.3.2',
        '5.3.3',
      ]);
      expect(res.body.data.clauses[1].text).to.contain('2.5 per cent of the metered volume');
      expect(res.body.data.warnings).to.have.length(1);
      expect(res.body.data.warnings[0])
        .to.match(/^Line 4: "2\.5 per cent of the metered volume/)
        .and.contain('kept as text of 5.3.2');
    });

    it('describes the multipart alternative in the OpenAPI document', async () => {
      const res = await server.api('/api/openapi.json');
      const content = res.body.paths['/api/artefacts/{id}/versions'].post.requestBody.content;
      expect(content).to.have.keys('application/json', 'multipart/form-data');
      expect(content['multipart/form-data'].schema.properties).to.include.keys('file', 'label');
      expect(content['multipart/form-data'].schema.required).to.include('file');
    });
  });
}
