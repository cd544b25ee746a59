import { z } from 'zod';
import type { Endpoint } from './endpoint.js';

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
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(ep.body) } },
      };
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
