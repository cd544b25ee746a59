import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

for (const dialect of testDialects()) {
  describe(`system routes (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect });
    });
    after(() => server.close());

    it('reports health and the database dialect without signing in', async () => {
      const res = await server.api('/api/health');
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ status: 'ok', db: dialect });
    });

    it('sends helmet security headers', async () => {
      const res = await server.api('/api/health');
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-security-policy')).to.include("default-src 'self'");
      expect(res.headers.get('x-powered-by')).to.equal(null);
    });

    it('answers unknown API routes with the JSON error shape', async () => {
      const res = await server.api('/api/nope');
      expect(res.status).to.equal(404);
      expect(res.body).to.deep.equal({
        error: { code: 'not_found', message: 'No API route GET /api/nope' },
      });
    });

    it('answers malformed JSON with 400 and the error shape', async () => {
      const res = await server.api('/api/auth/login', {
        rawBody: '{"email": "a@b.c", "password": ',
      });
      expect(res.status).to.equal(400);
      expect(res.body.error.code).to.equal('invalid_json');
    });

    it('answers a body over the JSON limit with 413', async () => {
      const res = await server.api('/api/auth/login', {
        body: { email: 'a@b.c', password: 'x'.repeat(7 * 1024 * 1024) },
      });
      expect(res.status).to.equal(413);
      expect(res.body.error.code).to.equal('payload_too_large');
    });

    it('publishes an OpenAPI document listing every route with its request schema', async () => {
      const res = await server.api('/api/openapi.json');
      expect(res.status).to.equal(200);
      expect(res.body.openapi).to.equal('3.1.0');
      const paths = res.body.paths;
      const expected: [string, string][] = [
        ['/api/health', 'get'],
        ['/api/health/ready', 'get'],
        ['/api/auth/login', 'post'],
        ['/api/me', 'get'],
        ['/api/users', 'get'],
        ['/api/users', 'post'],
        ['/api/users/{id}/deactivate', 'post'],
        ['/api/users/{id}/password', 'post'],
        ['/api/users/{id}/role', 'post'],
        ['/api/auth/logout', 'post'],
        ['/api/organisations', 'get'],
        ['/api/organisations', 'post'],
        ['/api/artefacts', 'get'],
        ['/api/artefacts', 'post'],
        ['/api/artefacts/{id}', 'get'],
        ['/api/artefacts/{id}', 'patch'],
        ['/api/artefacts/{id}/versions', 'get'],
        ['/api/artefacts/{id}/versions', 'post'],
        ['/api/artefacts/{id}/versions/{versionId}', 'get'],
        ['/api/artefacts/{id}/redline', 'get'],
        ['/api/artefacts/{id}/references', 'get'],
        ['/api/artefacts/{id}/next-draft', 'get'],
        ['/api/artefacts/{id}/next-draft.docx', 'get'],
        ['/api/artefacts/{id}/redline.docx', 'get'],
        ['/api/consultations', 'get'],
        ['/api/consultations', 'post'],
        ['/api/consultations/{id}', 'patch'],
        ['/api/consultations/{id}/close', 'post'],
        ['/api/artefacts/{id}/comments', 'post'],
        ['/api/comments', 'get'],
        ['/api/comments/{id}', 'get'],
        ['/api/comments/{id}', 'patch'],
        ['/api/comments/{id}/withdraw', 'post'],
        ['/api/comments/{id}/replies', 'post'],
        ['/api/comments/{id}/triage', 'post'],
        ['/api/readiness', 'get'],
        ['/api/readiness/outstanding-history', 'get'],
        ['/api/artefacts/{id}/readiness', 'get'],
        ['/api/artefacts/{id}/brag', 'post'],
        ['/api/recommendations', 'post'],
        ['/api/recommendations', 'get'],
        ['/api/recommendations/{id}', 'get'],
        ['/api/recommendations/{id}/decisions', 'post'],
        ['/api/baseline', 'get'],
        ['/api/audit', 'get'],
        ['/api/audit/verify', 'get'],
        ['/api/openapi.json', 'get'],
        ['/api/comments/export', 'get'],
        ['/api/comments/import', 'post'],
        ['/api/changes', 'get'],
        ['/api/changes', 'post'],
        ['/api/changes/{id}', 'get'],
        ['/api/changes/{id}', 'patch'],
        ['/api/changes/{id}/artefacts/{artefactId}/no-impact', 'post'],
        ['/api/changes/{id}/artefacts/{artefactId}/no-impact', 'delete'],
        ['/api/work-off', 'get'],
        ['/api/work-off/export.csv', 'get'],
        ['/api/work-off/export.xlsx', 'get'],
        ['/api/work-off/{id}', 'patch'],
        ['/api/requirements', 'get'],
        ['/api/requirements', 'post'],
        ['/api/requirements/{id}/traces', 'post'],
        ['/api/requirements/{id}/traces', 'delete'],
        ['/api/artefacts/{id}/no-requirements', 'post'],
        ['/api/artefacts/{id}/no-requirements', 'delete'],
        ['/api/due-process/responses', 'post'],
        ['/api/due-process/responses', 'get'],
        ['/api/due-process/summary', 'get'],
        ['/api/due-process/responses/{id}/refusals/{key}', 'put'],
        ['/api/artefacts/{id}/findings', 'get'],
        ['/api/findings/{id}/waive', 'post'],
        ['/api/findings/{id}/define', 'post'],
        ['/api/findings/{id}/raise', 'post'],
        ['/api/plain-english/config', 'get'],
        ['/api/plain-english/config', 'put'],
        ['/api/plain-english/recheck', 'post'],
        ['/api/search', 'get'],
        ['/api/glossary', 'get'],
        ['/api/notifications', 'get'],
        ['/api/notifications/unread-count', 'get'],
        ['/api/notifications/read', 'post'],
        ['/api/me/notification-settings', 'get'],
        ['/api/me/notification-settings', 'put'],
        ['/api/follows', 'get'],
        ['/api/follows/{entity}/{entityId}', 'put'],
        ['/api/follows/{entity}/{entityId}', 'delete'],
        ['/api/notifications/unsubscribe', 'post'],
        ['/api/admin/email-deliveries', 'get'],
        ['/api/admin/email-deliveries/{id}/retry', 'post'],
        ['/api/admin/email-digests', 'get'],
        ['/api/admin/email-digests/{userId}/{date}/retry', 'post'],
      ];
      for (const [p, m] of expected) expect(paths[p]?.[m], `${m} ${p}`).to.be.an('object');
      const count = Object.values(paths as Record<string, object>).reduce(
        (n, ops) => n + Object.keys(ops).length,
        0,
      );
      expect(count).to.equal(expected.length);
      const login = paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
      expect(login.required).to.include.members(['email', 'password']);
      const list = paths['/api/artefacts'].get.parameters.map((p: { name: string }) => p.name);
      expect(list).to.include.members(['code', 'kind', 'q', 'brag']);
    });
  });
}
