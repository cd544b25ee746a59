import { z } from 'zod';
import { policies } from '../policies/index.js';
import type { Endpoint, RawRequestBody, ResponseSpec, UploadSpec } from './endpoint.js';

// The API description is built from the endpoints themselves: the zod schemas that validate each
// request, and the zod schemas that each response is checked against in the tests.

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function parameters(schema: z.ZodType, location: 'path' | 'query') {
  const shape = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || (shape.required ?? []).includes(name),
    schema: s,
  }));
}

/** The form alternative of an upload endpoint: the body's fields as text plus the file. */
function multipartContent(body: z.ZodType, upload: UploadSpec): Record<string, unknown> {
  const fields = jsonSchema(body) as { properties?: Record<string, unknown>; required?: string[] };
  const file: Record<string, unknown> = {
    type: 'string',
    contentMediaType: upload.contentTypes?.[0] ?? 'application/octet-stream',
    description: `The file, at most ${Math.floor(upload.maxBytes / (1024 * 1024))} MB`,
  };
  return {
    schema: {
      type: 'object',
      properties: { ...fields.properties, [upload.field]: file },
      required: [...(fields.required ?? []), upload.field],
    },
    ...(upload.contentTypes
      ? { encoding: { [upload.field]: { contentType: upload.contentTypes.join(', ') } } }
      : {}),
  };
}

function rawRequestBody(raw: RawRequestBody): Record<string, unknown> {
  const content = Object.fromEntries(
    raw.contentTypes.map((type) => [
      type,
      { schema: { type: 'string', contentMediaType: type, contentEncoding: 'binary' } },
    ]),
  );
  return { required: true, description: raw.description, content };
}

const textual = (type: string) => type.startsWith('text/') || type.includes('json');

function successResponse(ep: Endpoint): Record<string, unknown> {
  const spec: ResponseSpec = ep.response;
  if (spec === 'empty') return { '204': { description: 'Done; no content' } };
  if (spec instanceof z.ZodType) {
    return {
      [String(ep.status)]: {
        description: spec.description ?? 'Success',
        content: { 'application/json': { schema: jsonSchema(spec, 'output') } },
      },
    };
  }
  const content = Object.fromEntries(
    spec.raw.map((type) => [
      type,
      {
        schema: textual(type)
          ? { type: 'string' }
          : { type: 'string', contentMediaType: type, contentEncoding: 'binary' },
      },
    ]),
  );
  const json =
    'json' in spec ? { 'application/json': { schema: jsonSchema(spec.json, 'output') } } : {};
  return {
    [String(ep.status)]: { description: spec.description, content: { ...json, ...content } },
  };
}

/** The usual success response, and the alternative status with the same body if there is one. */
function successResponses(ep: Endpoint): Record<string, unknown> {
  const usual = successResponse(ep);
  const alternative = ep.alternative;
  if (!alternative) return usual;
  const same = usual[String(ep.status)] as Record<string, unknown>;
  return {
    ...usual,
    [String(alternative.status)]: { ...same, description: alternative.description },
  };
}

const errorResponses = {
  '400': 'The request is invalid: `details` lists each field at fault',
  '401': 'Not signed in, or the session has ended',
  '403': 'Signed in, but not allowed to do this',
  '404': 'Not found, or not visible to you',
  '409': 'Conflicts with the current state (someone else changed it first, or it is closed)',
  '410': 'Gone: it no longer applies',
  '413': 'The request body or file is too large',
  '415': 'The body is not of a media type this operation accepts',
  '422': 'Understood, but cannot be applied as it stands',
  '429': 'Too many requests: wait for Retry-After seconds',
} as const;
type ErrorStatus = keyof typeof errorResponses;

/** The client errors an endpoint can give: those its spec implies, and those it declares. */
function clientErrors(ep: Endpoint): ErrorStatus[] {
  const statuses = new Set<string>(ep.errors.map(String));
  if (ep.validates) statuses.add('400');
  if (ep.policy !== 'public') {
    statuses.add('401');
    const rule = policies[ep.policy] as { roles: readonly string[]; resource?: unknown };
    if (rule.roles.length < 5 || rule.resource) statuses.add('403');
  }
  if (ep.path.includes(':')) statuses.add('404');
  if (ep.upload || ep.rawBody) {
    statuses.add('413');
    statuses.add('415');
  }
  return (Object.keys(errorResponses) as ErrorStatus[]).filter((s) => statuses.has(s));
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable, machine-readable, e.g. invalid_request' },
        message: { type: 'string', description: 'For people: says what to change' },
        details: {
          description:
            'On a 400, one entry per field at fault; on other errors, facts about the error (e.g. retryAfterSeconds)',
          oneOf: [
            {
              type: 'array',
              items: {
                type: 'object',
                required: ['message'],
                properties: {
                  path: {
                    type: 'string',
                    description: 'The request field at fault, e.g. body.clauseRef or query.limit',
                  },
                  row: { type: 'integer', description: 'In an imported file: the row at fault' },
                  column: { type: 'string', description: 'In an imported file: the column' },
                  message: { type: 'string' },
                },
              },
            },
            { type: 'object' },
          ],
        },
      },
    },
  },
};

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

const TAGS: Record<string, string> = {
  system: 'Health, readiness probes and this description',
  auth: 'Signing in and out',
  users: 'User accounts and roles (admins)',
  organisations: 'Market participants and code bodies',
  artefacts: 'The M6 registry: artefacts and their versions',
  comments: 'Industry comments, their triage and the comment log',
  consultations: 'Consultation windows',
  readiness: 'Readiness criteria, BRAG and the M6 baseline',
  recommendations: 'Recommendation papers and decisions',
  changes: 'Change requests and their affected artefacts',
  'work-off': 'Work-off items from decisions',
  requirements: 'Requirements traced to clauses',
  'due-process': 'Code bodies’ due-process responses',
  findings: 'Consistency findings',
  search: 'Full-text search',
  glossary: 'Defined terms',
  audit: 'The audit trail',
  notifications: 'Notifications, following and email',
  versions: 'Versions of an artefact: drafts, redlines, next drafts and cross-references',
  admin: 'Administration: email deliveries',
};

/** OpenAPI 3.1 built from the same zod schemas that validate requests and responses. */
export function buildOpenApi(endpoints: Endpoint[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const tags = new Set<string>();
  for (const ep of endpoints) {
    const path = '/api' + ep.path.replace(/:(\w+)/g, '{$1}');
    tags.add(ep.tag);
    const responses: Record<string, unknown> = { ...successResponses(ep) };
    for (const status of clientErrors(ep)) {
      responses[status] = { description: errorResponses[status], content: errorContent };
    }
    responses.default = { description: 'Any other error', content: errorContent };
    const operation: Record<string, unknown> = {
      operationId: ep.operationId,
      summary: ep.summary,
      tags: [ep.tag],
      'x-policy': ep.policy,
      parameters: [...parameters(ep.params, 'path'), ...parameters(ep.query, 'query')],
      responses,
    };
    // Public operations say so; the rest inherit the document's bearer requirement.
    if (ep.policy === 'public') operation.security = [];
    if (ep.body) {
      const content: Record<string, unknown> = {
        'application/json': { schema: jsonSchema(ep.body) },
      };
      if (ep.upload) content['multipart/form-data'] = multipartContent(ep.body, ep.upload);
      operation.requestBody = { required: true, content };
    } else if (ep.rawBody) {
      operation.requestBody = rawRequestBody(ep.rawBody);
    }
    paths[path] = { ...paths[path], [ep.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MHHS M6 code artefact review API',
      version: '1',
      description: [
        'Every operation but the health probes, sign-in and this document needs `Authorization: Bearer <token>` from `POST /api/auth/login`.',
        'JSON responses carry their result in `data` (lists add paging fields beside it). The exceptions, kept for the tools that already read them: the health probes (`status`, `db`), sign-in (`token`, `expiresIn`, `user`), `GET /api/me` (`user`), `GET /api/readiness` (the evaluation itself: `ready`, `criteria`, `byCode`, `artefacts`, `baseline`), `GET /api/artefacts/{id}/redline` (the redline itself: `from`, `to`, `stats`, `clauses`, `mapping`…) and this document.',
        'Errors are `{ "error": { "code", "message", "details"? } }`; a 400 lists each field at fault in `details`.',
      ].join('\n\n'),
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The server that serves this document' }],
    security: [{ bearer: [] }],
    tags: [...tags].map((name) => ({ name, description: TAGS[name] ?? name })),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
