import { z } from 'zod';
import type { WorkOffRow } from '../db/queries/workOff.js';
import { WORK_OFF_STATUS_LABELS } from '../domain/workOff.js';
import { ukDateTime } from '../domain/ukDateTime.js';
import { canSeeComment, type CommentVisibility } from '../policies/commentVisibility.js';

/**
 * A work-off item as this reader may see it. An item whose source is a confidential comment the
 * reader may not see is still listed (the register's counts stay true) but says only which
 * artefact the comment is on: not its reference, text, quote or response.
 */
export function presentWorkOffItem(row: WorkOffRow, visibility: CommentVisibility) {
  return {
    id: row.id,
    baselineId: row.baselineId,
    source: presentSource(row, visibility),
    owner: row.ownerCode ? { code: row.ownerCode, name: row.ownerName ?? row.ownerCode } : null,
    target: row.target,
    status: row.status,
    notes: row.notes,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedByName,
  };
}

export type WorkOffItemView = ReturnType<typeof presentWorkOffItem>;

function presentSource(row: WorkOffRow, visibility: CommentVisibility) {
  if (row.changeId !== null) {
    return {
      kind: 'change' as const,
      id: row.changeId,
      type: row.changeType,
      title: row.changeTitle ?? '',
      status: row.changeStatus,
    };
  }
  const artefact = {
    slug: row.artefactSlug ?? '',
    code: row.artefactCode ?? '',
    reference: row.artefactReference ?? '',
    title: row.artefactTitle ?? '',
  };
  const visible = canSeeComment(visibility, {
    confidential: Number(row.commentConfidential) === 1,
    organisationId: row.commentOrganisationId,
    artefactCode: row.artefactCode ?? '',
    authorId: row.commentAuthorId,
  });
  if (!visible) return { kind: 'comment' as const, hidden: true as const, artefact };
  return {
    kind: 'comment' as const,
    hidden: false as const,
    id: row.commentId ?? '',
    ref: row.commentRef ?? '',
    artefact,
    clauseRef: row.commentClauseRef ?? '',
    quote: row.commentQuote,
    body: row.commentBody ?? '',
    response: row.commentResponse,
    confidential: Number(row.commentConfidential) === 1,
  };
}

export const WORK_OFF_COLUMNS = [
  'Source',
  'Reference',
  'Document',
  'Clause',
  'Subject',
  'Owner',
  'Target',
  'Status',
  'Notes',
  'Updated',
  'Updated by',
] as const;

export type WorkOffRecord = Record<(typeof WORK_OFF_COLUMNS)[number], string>;

/** One row of the exported register, in the words the page uses. */
export function workOffRecord(item: WorkOffItemView): WorkOffRecord {
  const s = item.source;
  const base = {
    Owner: item.owner?.code ?? 'Unassigned',
    Target: item.target ?? 'Not set',
    Status: WORK_OFF_STATUS_LABELS[item.status],
    Notes: item.notes,
    Updated: ukDateTime(item.updatedAt),
    'Updated by': item.updatedBy ?? '',
  };
  if (s.kind === 'change')
    return {
      ...base,
      Source: 'Change',
      Reference: s.id,
      Document: '',
      Clause: '',
      Subject: s.title,
    };
  if (s.hidden)
    return {
      ...base,
      Source: 'Comment',
      Reference: '',
      Document: s.artefact.reference,
      Clause: '',
      Subject: 'A confidential comment',
    };
  return {
    ...base,
    Source: 'Comment',
    Reference: s.ref,
    Document: s.artefact.reference,
    Clause: s.clauseRef,
    Subject: s.body,
  };
}

/**
 * A deferred comment as the baseline lists it: a confidential one the reader may not see keeps
 * its place and document but loses its reference, clause and response.
 */
export function presentBaselineWorkOff(
  entry: {
    id: string;
    commentId: string;
    ref: string;
    reference: string;
    code: string;
    clauseRef: string;
    response: string | null;
    confidential: number;
    organisationId: string | null;
    authorId: string | null;
  },
  visibility: CommentVisibility,
) {
  const visible = canSeeComment(visibility, {
    confidential: Number(entry.confidential) === 1,
    organisationId: entry.organisationId,
    artefactCode: entry.code,
    authorId: entry.authorId,
  });
  return visible
    ? {
        id: entry.id,
        commentId: entry.commentId,
        ref: entry.ref,
        reference: entry.reference,
        clauseRef: entry.clauseRef,
        response: entry.response,
      }
    : {
        id: entry.id,
        commentId: null,
        ref: null,
        reference: entry.reference,
        clauseRef: null,
        response: null,
      };
}

// ---------------------------------------------------------------------------------------------
// Added by the API-description helper (part A) for GET /api/baseline: presentBaselineWorkOff's
// output. A confidential comment the reader may not see keeps only its id and document.
// ---------------------------------------------------------------------------------------------

export const baselineWorkOffSchema = z.object({
  id: z.string(),
  commentId: z.string().nullable(),
  ref: z.string().nullable(),
  reference: z.string().describe('The artefact the comment is on'),
  clauseRef: z.string().nullable(),
  response: z.string().nullable(),
});
