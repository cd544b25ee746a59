import type { Proposal } from '../../domain/nextDraft.js';
import type { Clause } from '../../domain/parseClauses.js';
import type { CommentVisibility } from '../../policies/commentVisibility.js';
import type { Db } from '../database.js';
import { RESOLVABLE_STATUSES } from '../resolvedComments.js';
import { commentBatches } from './commentBatches.js';
import { findVersion } from './artefacts.js';

/**
 * What preparing the next draft starts from: the current version's text, and every proposal of an
 * accepted or partially accepted comment the caller may see that no version has incorporated yet,
 * oldest first.
 */
export async function loadNextDraftInput(
  db: Db,
  visibility: CommentVisibility,
  artefact: { id: string; currentVersionId: string },
) {
  const version = await findVersion(db, artefact.id, artefact.currentVersionId);
  if (!version) return undefined;
  const resolved = new Set(
    (
      await db.kysely
        .selectFrom('versionResolvedComments as r')
        .innerJoin('comments as c', 'c.id', 'r.commentId')
        .select('c.id')
        .where('c.artefactId', '=', artefact.id)
        .execute()
    ).map((r) => r.id),
  );
  const proposals: Proposal[] = [];
  for await (const page of commentBatches(db, visibility, {
    artefactId: artefact.id,
    status: [...RESOLVABLE_STATUSES],
  })) {
    for (const c of page) {
      if (!c.proposedText?.trim() || resolved.has(c.id)) continue;
      proposals.push({
        commentRef: c.ref,
        clauseRef: c.clauseRef,
        quote: c.quote,
        proposedText: c.proposedText,
      });
    }
  }
  return {
    version: { id: version.id, label: version.label, createdAt: version.createdAt },
    body: version.body,
    clauses: JSON.parse(version.clauses) as Clause[],
    proposals,
  };
}
