import type { Kysely } from 'kysely';
import { badRequest } from '../errors.js';
import type { Database } from './schema.js';

/** Only an agreed proposal can be incorporated: what a version may say it resolves. */
export const RESOLVABLE_STATUSES = ['accepted', 'partially-accepted'] as const;

/**
 * Records the comments a new version resolves (by ref), inside its publishing transaction. Each
 * must be an accepted or partially accepted comment on this artefact; any other is a 400 naming it.
 */
export async function recordResolvedComments(
  trx: Kysely<Database>,
  artefactId: string,
  versionId: string,
  refs: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(refs)];
  if (!wanted.length) return [];
  const found = await trx
    .selectFrom('comments')
    .select(['id', 'ref', 'artefactId', 'status'])
    .where('ref', 'in', wanted)
    .execute();
  const byRef = new Map(found.map((c) => [c.ref, c]));
  const problems = wanted.flatMap((ref) => {
    const comment = byRef.get(ref);
    if (!comment || comment.artefactId !== artefactId)
      return [`${ref} is not a comment on this artefact`];
    if (!(RESOLVABLE_STATUSES as readonly string[]).includes(comment.status))
      return [
        `${ref} is ${comment.status}; only accepted or partially accepted comments can be resolved`,
      ];
    return [];
  });
  if (problems.length) throw badRequest(`body.resolves: ${problems.join('; ')}`);
  await trx
    .insertInto('versionResolvedComments')
    .values(wanted.map((ref) => ({ versionId, commentId: byRef.get(ref)?.id ?? '' })))
    .execute();
  return wanted;
}
