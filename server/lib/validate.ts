import type { z } from 'zod';
import { findControlCharacterIn } from '../domain/controlCharacters.js';
import { badRequest } from '../errors.js';

/**
 * The one validation helper: parse or throw a 400 that names the offending field. Every string
 * (and object key) in the input is first held to the control-character rule, so no endpoint can
 * pass a NUL on to PostgreSQL, which refuses it.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: string,
): z.infer<S> {
  const control = findControlCharacterIn(value, location);
  if (control) {
    const message = `contains the control character ${control.codePoint}; text may hold tabs and line breaks but no other control characters`;
    throw badRequest(`${control.path}: ${message}`, [{ path: control.path, message }]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw badRequest(
    first ? `${first.path}: ${first.message}${more}` : `${location} is invalid`,
    issues,
  );
}
