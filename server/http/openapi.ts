import { z } from 'zod';
import type { Endpoint, UploadSpec } from './endpoint.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
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

/** OpenAPI 3.1 built from the same zod schemas that validate requests. */
export function buildOpenApi(endpoints: Endpoint[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const ep of endpoints) {
    const path = '/api' + ep.path.replace(/:(\w+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: ep.summary,
      tags: [ep.tag],
      'x-policy': ep.policy,
      parameters: [...parameters(ep.params, 'path'), ...parameters(ep.query, 'query')],
      responses: {
        [String(ep.status)]: { description: 'Success' },
        default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
    if (ep.policy !== 'public') operation.security = [{ bearer: [] }];
    if (ep.body) {
      const content: Record<string, unknown> = {
        'application/json': { schema: jsonSchema(ep.body) },
      };
      if (ep.upload) content['multipart/form-data'] = multipartContent(ep.body, ep.upload);
      operation.requestBody = { required: true, content };
    }
    paths[path] = { ...paths[path], [ep.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'MHHS M6 code artefact review API', version: '1' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}
