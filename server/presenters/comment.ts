import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CommentListRow } from '../db/queries/comments.js';
import type { TriageDecisionTable } from '../db/schema.js';
import {
  COMMENT_CATEGORIES,
  COMMENT_STATUSES,
  SEVERITIES,
  isOutstanding,
} from '../domain/commentLifecycle.js';
import { userRefSchema } from './user.js';

export const commentSchema = z.object({
  id: z.string(),
  ref: z.string().describe('The human id (C-000042, or the ID column of an imported log)'),
  artefact: z.object({
    id: z.string(),
    slug: z.string(),
    code: z.string(),
    reference: z.string(),
    title: z.string(),
  }),
  version: z
    .object({ id: z.string(), label: z.string().nullable() })
    .describe('The version the comment was made on'),
  clauseRef: z.string(),
  quote: z.string().nullable(),
  category: z.enum(COMMENT_CATEGORIES),
  severity: z.enum(SEVERITIES),
  body: z.string(),
  proposedText: z.string().nullable(),
  confidential: z
    .boolean()
    .describe("Seen only by its organisation, the artefact's code body, the programme and the SRO"),
  author: userRefSchema.nullable().describe('Null for a comment imported from a log'),
  raisedBy: z
    .string()
    .nullable()
    .describe('Who raised it: the author, or the name an imported log gave'),
  imported: z.boolean(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(COMMENT_STATUSES),
  outstanding: z.boolean().describe('Open or triaged: still awaiting a decision'),
  revision: z.number().int().describe('Send it back with a change: a stale one is answered 409'),
  response: z.string().nullable().describe("The code body's latest response"),
  changeId: z.string().nullable(),
  action: z.string().nullable(),
  incorporatedIn: z
    .object({ id: z.string(), label: z.string() })
    .nullable()
    .describe('The first version that applied its proposed text'),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const replySchema = z.object({
  id: z.string(),
  body: z.string(),
  author: userRefSchema.nullable(),
  createdAt: z.string(),
});

export const decisionSchema = z.object({
  id: z.string(),
  fromStatus: z.enum(COMMENT_STATUSES),
  status: z.enum(COMMENT_STATUSES),
  response: z.string(),
  action: z.string().nullable(),
  changeId: z.string().nullable(),
  duplicateOf: z
    .string()
    .nullable()
    .describe('The comment this one duplicates, when you may see it'),
  decidedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  decidedAt: z.string(),
});

/** A comment with its thread, as one comment's endpoints answer. */
export const commentThreadSchema = commentSchema.extend({
  replies: z.array(replySchema),
  decisions: z.array(decisionSchema),
});

/** Who raised a comment: its author, or for an imported comment the name its log gave. */
export function raisedByName(row: {
  authorId: string | null;
  authorName: string | null;
  raisedByName: string | null;
}): string | null {
  return row.authorId ? row.authorName : row.raisedByName;
}

export function presentComment(row: CommentListRow): z.infer<typeof commentSchema> {
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
}): z.infer<typeof replySchema> {
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
): z.infer<typeof decisionSchema> {
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

/** A queue entry: with `versionId` in the query, also where the comment stands on that version. */
export const queuedCommentSchema = commentSchema.extend({
  anchor: z
    .object({
      versionId: z.string(),
      clauseRef: z.string().nullable().describe('Null when the clause was removed'),
      textChanged: z.boolean().describe("The clause's text changed since the comment was made"),
    })
    .optional()
    .describe('Only when the query names a `versionId`'),
});
