import type { z } from 'zod';
import { badRequest } from '../errors.js';

/** The one validation helper: parse or throw a 400 that names the offending field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: string,
): z.infer<S> {
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
