import type { z } from 'zod';
import { badRequest } from '../errors.js';

/**
 * An opaque paging cursor: a value of `shape`, as base64url JSON. Anything that does not decode
 * to that shape is one clear 400, whoever forged or mangled it.
 */
export function jsonCursor<T>(shape: z.ZodType<T>) {
  return {
    encode: (value: T): string => Buffer.from(JSON.stringify(value)).toString('base64url'),
    decode(raw: string): T {
      try {
        return shape.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
      } catch {
        throw badRequest('query.cursor: not a cursor this API returned');
      }
    },
  };
}
