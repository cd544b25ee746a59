import type { Selectable } from 'kysely';
import type { CommentListRow } from '../db/queries/comments.js';
import type { TriageDecisionTable } from '../db/schema.js';
import { isOutstanding } from '../domain/commentLifecycle.js';

/** Who raised a comment: its author, or for an imported comment the name its log gave. */
export function raisedByName(row: {
  authorId: string | null;
  authorName: string | null;
  raisedByName: string | null;
}): string | null {
  return row.authorId ? row.authorName : row.raisedByName;
}

export function presentComment(row: CommentListRow) {
  return {
    id: row.id,
    ref: row.ref,
    artefact: {
      id: row.artefactId,
      slug: row.artefactSlug,
      code: row.artefactCode,
      reference: row.artefactReference,
      title: row.artefactTitle,
    },
    version: { id: row.versionId, label: row.versionLabel },
    clauseRef: row.clauseRef,
    quote: row.quote,
    category: row.category,
    severity: row.severity,
    body: row.body,
    proposedText: row.proposedText,
    confidential: row.confidential === 1,
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    raisedBy: raisedByName(row),
    imported: row.importedBy !== null,
    organisation: row.organisationId
      ? { id: row.organisationId, name: row.organisationName ?? '' }
      : null,
    status: row.status,
    outstanding: isOutstanding(row.status),
    revision: row.revision,
    response: row.response,
    changeId: row.changeId,
    action: row.action,
    incorporatedIn: row.incorporatedInId
      ? { id: row.incorporatedInId, label: row.incorporatedInLabel ?? '' }
      : null,
    decidedBy: row.decidedByName,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentReply(row: {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}) {
  return {
    id: row.id,
    body: row.body,
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    createdAt: row.createdAt,
  };
}

/**
 * `shownComments` are the comments the viewer may see among those decisions name: a duplicate of
 * a comment they may not see is presented without naming it.
 */
export function presentDecision(
  row: Selectable<TriageDecisionTable>,
  shownComments: ReadonlySet<string>,
) {
  return {
    id: row.id,
    fromStatus: row.fromStatus,
    status: row.status,
    response: row.response,
    action: row.action,
    changeId: row.changeId,
    duplicateOf: row.duplicateOf && shownComments.has(row.duplicateOf) ? row.duplicateOf : null,
    decidedBy: { id: row.decidedBy, name: row.decidedByName },
    decidedAt: row.decidedAt,
  };
}
