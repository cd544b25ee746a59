import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApi } from '../../../server/http/openapi.js';
import { apiEndpoints } from '../../../server/routes/index.js';

const run = promisify(execFile);
const bin = (name: string) => path.resolve('node_modules/.bin', name);

// The document as GET /api/openapi.json serves it (that route adds itself to the list).
const document = () => buildOpenApi([...apiEndpoints]);

describe('the OpenAPI document', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
    fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(document(), null, 2));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives every operation a unique operationId and a documented success response', () => {
    const missing = apiEndpoints
      .filter((ep) => !ep.operationId || ep.response === undefined)
      .map((ep) => `${ep.method.toUpperCase()} ${ep.path}`);
    expect(missing, 'operations without operationId or response').to.deep.equal([]);
    const ids = apiEndpoints.map((ep) => ep.operationId);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated, 'repeated operationIds').to.deep.equal([]);
  });

  it('documents a second success status where an operation has one, with the same body', () => {
    const paths = document().paths as Record<
      string,
      Record<string, { responses: Record<string, { content?: unknown }> }>
    >;
    const responses = paths['/api/due-process/responses']!.post!.responses;
    expect(responses['201']?.content).to.not.equal(undefined);
    expect(responses['200']?.content).to.deep.equal(responses['201']?.content);
  });

  it('passes redocly lint with the recommended rules', async () => {
    const file = path.join(dir, 'openapi.json');
    const env = {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    };
    const result = await run(
      bin('redocly'),
      ['lint', '--extends=recommended', '--format=json', file],
      { env, maxBuffer: 64 * 1024 * 1024 },
    ).catch((err: { stdout?: string; stderr?: string; code?: number }) => err);
    const report = JSON.parse(result.stdout ?? '{}') as {
      problems?: {
        ruleId: string;
        severity: string;
        message: string;
        location: { pointer: string }[];
      }[];
    };
    expect(report.problems, `redocly printed no report: ${result.stderr ?? ''}`).to.be.an('array');
    // The health probes and the document itself are public and take no input, so no client
    // error is possible: the 4xx rule's warning is expected there and nowhere else.
    const inputless = ['/api/health', '/api/health/ready', '/api/openapi.json'].map(
      (p) => `#/paths/${p.replaceAll('/', '~1')}/get/responses`,
    );
    const problems = (report.problems ?? []).filter(
      (p) =>
        !(
          p.ruleId === 'operation-4xx-response' && inputless.includes(p.location[0]?.pointer ?? '')
        ),
    );
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`),
    ).to.deep.equal([]);
  });

  it('generates a client whose responses are typed', async () => {
    const types = astToString(await openapiTS(document() as never));
    fs.writeFileSync(path.join(dir, 'api.d.ts'), types);
    // A script another program might write: each line reads a response field, so `never` or
    // `unknown` responses fail to compile, and the @ts-expect-error lines fail if they are `any`.
    fs.writeFileSync(
      path.join(dir, 'client.ts'),
      `import type { operations } from './api.js';
type Json<Op extends keyof operations, S extends number = 200> =
  operations[Op]['responses'] extends Record<S, { content: { 'application/json': infer T } }> ? T : never;

export function read(
  login: Json<'signIn'>,
  me: Json<'getMe'>,
  artefacts: Json<'listArtefacts'>,
  created: Json<'createComment', 201>,
  comments: Json<'listComments'>,
  readiness: Json<'getReadiness'>,
  hits: Json<'search'>,
): string[] {
  const token: string = login.token;
  const role: string = me.user.role;
  const reference: string = artefacts.data[0].reference;
  const commentId: string = created.data.id;
  const clauseRef: string | null = comments.data[0].clauseRef;
  const next: string | null | undefined = comments.nextCursor;
  const ready: boolean = readiness.ready;
  const criterion: string = readiness.criteria[0].id;
  const hitClause: string = hits.data[0].clauseRef;
  const snippet: string = hits.data[0].snippet[0].text;
  // @ts-expect-error not a field of the sign-in response
  void login.notAField;
  // @ts-expect-error not a field of an artefact
  void artefacts.data[0].notAField;
  return [
    token,
    role,
    reference,
    commentId,
    String(clauseRef),
    String(next),
    String(ready),
    criterion,
    hitClause,
    snippet,
  ];
}
`,
    );
    const result = await run(
      bin('tsc'),
      [
        '--noEmit',
        '--strict',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        path.join(dir, 'client.ts'),
      ],
      { cwd: dir },
    ).catch((err: { stdout?: string }) => err);
    expect(result.stdout ?? '', 'tsc on a client generated by openapi-typescript').to.equal('');
  });
});
