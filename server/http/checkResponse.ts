import { z } from 'zod';
import type { Endpoint } from './endpoint.js';

/**
 * Why a handler's result does not match the response its endpoint documents, or undefined when it
 * does. A field the schema does not name counts as a mismatch: zod would silently drop it, and a
 * generated client would never know it is there.
 */
export function responseMismatch(ep: Endpoint, result: unknown): string | undefined {
  if (ep.response === 'empty')
    return result === undefined ? undefined : 'documented as empty (204)';
  const spec =
    ep.response instanceof z.ZodType
      ? ep.response
      : 'json' in ep.response
        ? ep.response.json
        : undefined;
  if (!spec) return undefined;
  if (result === undefined) return 'documented as JSON, but the handler returned nothing';
  // What goes over the wire: dates as strings, undefined fields gone.
  const sent: unknown = JSON.parse(JSON.stringify(result));
  const parsed = spec.safeParse(sent);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  }
  const extra = undocumentedPaths(sent, parsed.data, '');
  return extra.length ? `undocumented fields: ${extra.slice(0, 5).join(', ')}` : undefined;
}

function undocumentedPaths(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    return sent.flatMap((item, i) => undocumentedPaths(item, kept[i], `${at}[${i}]`));
  }
  if (!isRecord(sent) || !isRecord(kept)) return [];
  return Object.keys(sent).flatMap((key) => {
    const path = at ? `${at}.${key}` : key;
    return key in kept ? undocumentedPaths(sent[key], kept[key], path) : [path];
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
