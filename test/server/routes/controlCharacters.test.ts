import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { buildDocx, DOCX_TYPE, para, rewriteDocumentXml } from '../../helpers/docx.js';
import { artefactId, openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { startTestServer, type ApiResponse, type TestServer } from '../../helpers/server.js';

type Signed = Awaited<ReturnType<TestServer['signedIn']>>;

/** A real multipart/form-data request, as a browser sends one. */
async function upload(
  server: TestServer,
  path: string,
  token: string,
  fields: Record<string, string>,
  file?: { bytes: Buffer; name: string },
): Promise<ApiResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file)
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: DOCX_TYPE }), file.name);
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

for (const dialect of testDialects()) {
  describe(`control characters in text input (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let programme: Signed;
    let admin: Signed;
    let alice: Signed;
    let section: string;
    let commentId: string;
    let commentRevision: number;
    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      programme = await server.signedIn('programme');
      admin = await server.signedIn('admin');
      alice = await server.signedIn('participant');
      section = await artefactId(server, programme.token, 'Section S');
      await publish(server, bsc, section);
      await openConsultation(server, programme.token, [section]);
      const comment = await postComment(server, alice.token, section);
      expect(comment.status).to.equal(201);
      commentId = comment.body.data.id;
      commentRevision = comment.body.data.revision;
    });
    after(() => server.close());

    // The kinds of input the issue found answering 500 on PostgreSQL, and their neighbours: every
    // one must be refused with a 400 that names where the character is.
    const cases: {
      name: string;
      field: string | ((c: string) => string);
      send(c: string): Promise<ApiResponse>;
    }[] = [
      {
        name: 'sign-in email (anonymous)',
        field: 'body.email',
        send: (c) => server.api('/api/auth/login', { body: { email: `a${c}@b.c`, password: 'x' } }),
      },
      {
        name: 'sign-in password (anonymous)',
        field: 'body.password',
        send: (c) =>
          server.api('/api/auth/login', { body: { email: 'a@b.c', password: `pass${c}word` } }),
      },
      {
        name: 'comment body',
        field: 'body.body',
        send: (c) => postComment(server, alice.token, section, { body: `Please${c} clarify` }),
      },
      {
        name: 'comment edit',
        field: 'body.proposedText',
        send: (c) =>
          server.api(`/api/comments/${commentId}`, {
            method: 'PATCH',
            token: alice.token,
            body: { revision: commentRevision, proposedText: `new${c}text` },
          }),
      },
      {
        name: 'reply',
        field: 'body.body',
        send: (c) =>
          server.api(`/api/comments/${commentId}/replies`, {
            token: bsc.token,
            body: { body: `thanks${c}` },
          }),
      },
      {
        name: 'triage response',
        field: 'body.response',
        send: (c) =>
          server.api(`/api/comments/${commentId}/triage`, {
            token: bsc.token,
            body: { status: 'rejected', response: `no${c}`, revision: commentRevision },
          }),
      },
      {
        name: 'version label (JSON)',
        field: 'body.label',
        send: (c) =>
          server.api(`/api/artefacts/${section}/versions`, {
            token: bsc.token,
            body: { label: `v2${c}`, body: '1.1.1 Text.' },
          }),
      },
      {
        name: 'version body (Markdown)',
        field: 'body.body',
        send: (c) =>
          server.api(`/api/artefacts/${section}/versions`, {
            token: bsc.token,
            body: { label: 'v2', body: `1.1.1 Text${c}.` },
          }),
      },
      {
        name: 'version label (multipart text field)',
        field: 'body.label',
        send: (c) =>
          upload(server, `/api/artefacts/${section}/versions`, bsc.token, {
            label: `v2${c}`,
            body: '1.1.1 Text.',
          }),
      },
      {
        name: 'consultation title',
        field: 'body.title',
        send: (c) =>
          server.api('/api/consultations', {
            token: programme.token,
            body: {
              title: `Window${c}`,
              opensAt: new Date().toISOString(),
              closesAt: new Date(Date.now() + 3600_000).toISOString(),
              artefacts: [section],
            },
          }),
      },
      {
        name: 'user name',
        field: 'body.name',
        send: (c) =>
          server.api('/api/users', {
            token: admin.token,
            body: { email: 'n@x.test', name: `N${c}`, role: 'sro', password: 'long enough pw' },
          }),
      },
      {
        name: 'a JSON object key',
        field: (c) => `body.bad\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        send: (c) => server.api('/api/auth/login', { body: { email: 'a@b.c', [`bad${c}`]: 1 } }),
      },
      {
        name: 'path parameter',
        field: 'params.id',
        send: (c) =>
          server.api(`/api/artefacts/${encodeURIComponent(`x${c}`)}`, { token: alice.token }),
      },
      {
        name: 'path parameter of a comment',
        field: 'params.id',
        send: (c) => server.api(`/api/comments/${encodeURIComponent(c)}`, { token: alice.token }),
      },
      {
        name: 'query string',
        field: 'query.q',
        send: (c) =>
          server.api(`/api/artefacts?q=${encodeURIComponent(`S${c}`)}`, { token: alice.token }),
      },
      {
        name: 'query string filter',
        field: 'query.artefactId',
        send: (c) =>
          server.api(`/api/comments?artefactId=${encodeURIComponent(c)}`, { token: alice.token }),
      },
    ];

    for (const [label, character] of [
      ['NUL', '\u0000'],
      ['BEL (U+0007)', '\u0007'],
    ] as const) {
      for (const kase of cases) {
        const field = typeof kase.field === 'string' ? kase.field : kase.field(character);
        it(`refuses ${label} in the ${kase.name} with 400 naming ${field}`, async () => {
          const res = await kase.send(character);
          expect(res.status, JSON.stringify(res.body)).to.equal(400);
          expect(res.body.error.code).to.equal('invalid_request');
          const codePoint = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
          expect(
            res.body.error.message.startsWith(
              `${field}: contains the control character ${codePoint};`,
            ),
            res.body.error.message,
          ).to.equal(true);
        });
      }
    }

    it('refuses a control character in an uploaded file name', async () => {
      const docx = await buildDocx([para('1.1.1 Text.')]);
      // A browser cannot send one raw (busboy refuses control characters in part headers), but
      // the RFC 5987 form `filename*=utf-8''…` can carry any character percent-encoded.
      const boundary = 'control-characters-boundary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\nv-file\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''a%00b.docx\r\n` +
            `Content-Type: ${DOCX_TYPE}\r\n\r\n`,
        ),
        docx,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await fetch(`${server.url}/api/artefacts/${section}/versions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${bsc.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
      });
      const answer = (await res.json()) as { error: { message: string } };
      expect(res.status, JSON.stringify(answer)).to.equal(400);
      expect(answer.error.message).to.match(/^file: the file name contains .*U\+0000/);
    });

    it('keeps tab, line feed and carriage return', async () => {
      const res = await postComment(server, alice.token, section, {
        body: 'First line\r\nsecond\tline\n',
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body.data.body).to.equal('First line\r\nsecond\tline\n');
    });

    // mammoth's XML reader drops NUL itself; other control characters reach the text.
    const words: [string, string, string | null][] = [
      [
        'BEL, raw and as a character reference',
        'bell&#x7;here\u0007',
        '2 control characters in the text (invisible in Word) were left out.',
      ],
      ['NUL, raw and as a character reference', 'bell&#0;here\u0000', null],
    ];
    for (const [label, marker, warning] of words) {
      it(`publishes a Word document whose text holds ${label}, without them`, async () => {
        const docx = await rewriteDocumentXml(
          await buildDocx([para('1.1.1 The SVAA MARKER shall allocate volumes.')]),
          (xml) => xml.replace('MARKER', marker),
        );
        const res = await upload(
          server,
          `/api/artefacts/${section}/versions`,
          bsc.token,
          { label: `v-word-${label.slice(0, 3)}` },
          { bytes: docx, name: 'controls.docx' },
        );
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        if (warning) expect(res.body.data.warnings).to.include(warning);
        const version = await server.api(`/api/artefacts/${section}/versions/${res.body.data.id}`, {
          token: alice.token,
        });
        expect(version.body.data.body).to.include('The SVAA bellhere shall allocate');
      });
    }
  });
}
