import { ApiError, downloadFile, query, request, segment } from '../api';
import type { Category, CommentStatus, Severity, TriageRequest } from './vocabulary';

export interface Person {
  id: string;
  name: string;
}

export interface Comment {
  id: string;
  ref: string;
  artefact: { id: string; slug: string; code: string; reference: string; title: string };
  version: { id: string; label: string };
  clauseRef: string;
  quote: string | null;
  category: Category;
  severity: Severity;
  body: string;
  proposedText: string | null;
  confidential: boolean;
  author: Person | null;
  /** The author's name, or for an imported comment the name its log gave. */
  raisedBy: string | null;
  /** Imported from a comment log: nobody here is its author. */
  imported: boolean;
  organisation: Person | null;
  status: CommentStatus;
  outstanding: boolean;
  revision: number;
  response: string | null;
  changeId: string | null;
  action: string | null;
  /** The version that applied this comment's proposal. */
  incorporatedIn: { id: string; label: string } | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Where the comment stands on the version it was listed for (`versionId` filter). */
  anchor?: CommentAnchor;
}

/**
 * A comment's place on a version: its clause there (renumbered or moved, perhaps), whether that
 * clause's text changed since the comment, or a null `clauseRef` when the clause was removed.
 */
export interface CommentAnchor {
  versionId: string;
  clauseRef: string | null;
  textChanged: boolean;
}

export interface Reply {
  id: string;
  body: string;
  author: Person | null;
  createdAt: string;
}

export interface Decision {
  id: string;
  fromStatus: string;
  status: string;
  response: string;
  action: string | null;
  changeId: string | null;
  duplicateOf: string | null;
  decidedBy: Person;
  decidedAt: string;
}

export interface CommentDetail extends Comment {
  replies: Reply[];
  decisions: Decision[];
}

export interface CommentFilters {
  artefactId?: string;
  /** A version's artefact, each comment with its `anchor` on that version. */
  versionId?: string;
  code?: string;
  /** Comma-separated statuses, or `outstanding` for open and triaged. */
  status?: string;
  category?: string;
  severity?: string;
  organisationId?: string;
  mine?: 'true';
}

export type CommentSort = 'oldest' | 'newest' | 'severity';

export interface CommentPage {
  data: Comment[];
  nextCursor: string | null;
  counts: Partial<Record<CommentStatus, number>>;
}

export interface NewComment {
  versionId?: string;
  clauseRef: string;
  quote?: string | null;
  category: Category;
  severity: Severity;
  body: string;
  proposedText?: string | null;
  confidential: boolean;
}

export type CommentEdit = Partial<Omit<NewComment, 'versionId' | 'clauseRef'>> & {
  revision: number;
};

export interface TriageDecision extends TriageRequest {
  action?: string | null;
  changeId?: string | null;
  revision: number;
}

const commentPath = (id: string) => `/api/comments/${segment(id)}`;

export const listComments = (
  filters: CommentFilters,
  page: { sort?: CommentSort; cursor?: string; limit?: number },
  signal?: AbortSignal,
) =>
  request<CommentPage>(
    `/api/comments${query({ ...filters, sort: page.sort, cursor: page.cursor, limit: page.limit?.toString() })}`,
    { signal },
  );

export const getComment = (idOrRef: string, signal?: AbortSignal) =>
  request<{ data: CommentDetail }>(commentPath(idOrRef), { signal }).then((r) => r.data);

export const createComment = (artefactId: string, comment: NewComment) =>
  request<{ data: CommentDetail }>(`/api/artefacts/${segment(artefactId)}/comments`, {
    method: 'POST',
    body: comment,
  }).then((r) => r.data);

export const editComment = (id: string, edit: CommentEdit) =>
  request<{ data: CommentDetail }>(commentPath(id), { method: 'PATCH', body: edit }).then(
    (r) => r.data,
  );

export const withdrawComment = (id: string, revision: number) =>
  request<{ data: CommentDetail }>(`${commentPath(id)}/withdraw`, {
    method: 'POST',
    body: { revision },
  }).then((r) => r.data);

export const replyToComment = (id: string, body: string) =>
  request<{ data: CommentDetail }>(`${commentPath(id)}/replies`, {
    method: 'POST',
    body: { body },
  }).then((r) => r.data);

export const triageComment = (id: string, decision: TriageDecision) =>
  request<{ data: CommentDetail }>(`${commentPath(id)}/triage`, {
    method: 'POST',
    body: decision,
  }).then((r) => r.data);

/** Every visible comment matching the filters, following the cursor through all pages. */
export async function listAllComments(
  filters: CommentFilters,
  signal?: AbortSignal,
): Promise<Comment[]> {
  const all: Comment[] = [];
  let cursor: string | undefined;
  do {
    const page = await listComments(filters, { limit: 200, cursor }, signal);
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export function exportComments(filters: CommentFilters, format: 'csv' | 'xlsx'): Promise<void> {
  return downloadFile(
    `/api/comments/export${query({ ...filters, format })}`,
    `comment-log.${format}`,
  );
}

/** A data row of an imported file, numbered as the spreadsheet numbers it, and its comment's ID. */
export interface ImportedRowRef {
  row: number;
  ref: string;
}

/**
 * What an import did: rows that became comments, decisions applied to existing comments, rows on
 * existing comments as they already were, and rows only another code body may decide.
 */
export interface ImportResult {
  created: ImportedRowRef[];
  updated: (ImportedRowRef & { status: CommentStatus })[];
  unchanged: ImportedRowRef[];
  notTheirs: (ImportedRowRef & { code: string; changed: boolean; reason: string })[];
  total: number;
}

/** One problem in a rejected import, numbered as the spreadsheet numbers its rows. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export type CommentLogFormat = 'csv' | 'xlsx';

const COMMENT_LOG_TYPES: Record<CommentLogFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file types an `<input type="file">` should offer for a comment log. */
export const COMMENT_LOG_ACCEPT = ['.csv', '.xlsx', ...Object.values(COMMENT_LOG_TYPES)].join(',');

/** A comment log's format, by the file's extension; null for any other file. */
export function commentLogFormat(fileName: string): CommentLogFormat | null {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'xlsx' ? extension : null;
}

/** Sends a comment log file as the request body; the server stores all its rows or none. */
export const importCommentLog = (file: Blob, format: CommentLogFormat) =>
  request<{ data: ImportResult }>('/api/comments/import', {
    method: 'POST',
    raw: { body: file, contentType: COMMENT_LOG_TYPES[format] },
  }).then((r) => r.data);

/**
 * The row problems of a rejected import (a 400, or a 409 for decisions on comments changed since
 * the export, whose details list them), else an empty list.
 */
export function importProblems(error: unknown): ImportProblem[] {
  if (
    !(error instanceof ApiError) ||
    (error.status !== 400 && error.status !== 409) ||
    !Array.isArray(error.details)
  )
    return [];
  return error.details.filter(
    (d): d is ImportProblem =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as ImportProblem).row === 'number' &&
      typeof (d as ImportProblem).column === 'string' &&
      typeof (d as ImportProblem).message === 'string',
  );
}
