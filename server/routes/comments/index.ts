import { z } from 'zod';
import { createComment } from '../../commands/createComment.js';
import { editComment, withdrawComment } from '../../commands/editComment.js';
import { replyToComment } from '../../commands/replyToComment.js';
import { triageComment } from '../../commands/triageComment.js';
import type { Db } from '../../db/database.js';
import {
  countCommentsByStatus,
  findVisibleComment,
  listComments,
  listDecisions,
  listReplies,
  type CommentFilters,
} from '../../db/queries/comments.js';
import { cachedRead } from '../../db/readCache.js';
import { badRequest, notFound } from '../../errors.js';
import { loadVersionClauses } from '../../db/versionCache.js';
import { placeComments } from './placeComments.js';
import { endpoint } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import type { Actor } from '../../policies/index.js';
import {
  commentThreadSchema,
  presentComment,
  presentDecision,
  presentReply,
  queuedCommentSchema,
} from '../../presenters/comment.js';
import { dataOf } from '../../presenters/envelope.js';
import { COMMENT_STATUSES } from '../../domain/commentLifecycle.js';
import { artefactParams } from '../artefacts/schema.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import {
  commentParams,
  createCommentBody,
  editCommentBody,
  listCommentsQuery,
  replyBody,
  triageBody,
  withdrawCommentBody,
  type commentFiltersQuery,
} from './schema.js';

/** Looks a comment up through the visibility rule: an invisible comment is a 404, not a 403. */
export async function loadVisibleComment(db: Db, actor: Actor, idOrRef: string) {
  const comment = await findVisibleComment(db, commentVisibility(actor), idOrRef);
  if (!comment) throw notFound(`No comment with id "${idOrRef}"`);
  return comment;
}

export async function resolveCommentFilters(
  db: Db,
  actor: Actor,
  query: z.infer<typeof commentFiltersQuery>,
): Promise<CommentFilters> {
  let artefactId: string | undefined;
  if (query.artefactId) {
    const artefact = await requireArtefact(db, query.artefactId);
    artefactId = artefact.id;
  }
  return {
    artefactId,
    code: query.code,
    status: query.status,
    category: query.category,
    severity: query.severity,
    organisationId: query.organisationId,
    authorId: query.mine === 'true' ? actor.id : undefined,
  };
}

const commentThread = dataOf(commentThreadSchema);

async function commentWithThread(
  db: Db,
  actor: Actor,
  idOrRef: string,
): Promise<z.infer<typeof commentThread>> {
  const comment = await loadVisibleComment(db, actor, idOrRef);
  const [replies, decisions] = await Promise.all([
    listReplies(db, comment.id),
    listDecisions(db, comment.id),
  ]);
  const duplicates = new Set(decisions.flatMap((d) => (d.duplicateOf ? [d.duplicateOf] : [])));
  const shown = await Promise.all(
    [...duplicates].map((id) => findVisibleComment(db, commentVisibility(actor), id)),
  );
  const shownIds = new Set(shown.flatMap((c) => (c ? [c.id] : [])));
  return {
    data: {
      ...presentComment(comment),
      replies: replies.map(presentReply),
      decisions: decisions.map((d) => presentDecision(d, shownIds)),
    },
  };
}

export const commentEndpoints = [
  endpoint({
    method: 'post',
    path: '/artefacts/:id/comments',
    summary: 'Comment on a clause of an artefact while a consultation covering it is open',
    operationId: 'createComment',
    response: commentThread,
    errors: [409],
    tag: 'comments',
    policy: 'comment.create',
    params: artefactParams,
    body: createCommentBody,
    status: 201,
    async handler({ params, body, actor, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      const created = await createComment(services.db, actor, artefact, body);
      return commentWithThread(services.db, actor, created.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/comments',
    summary: 'The comment queue: filters, sort by age or severity, cursor pages, counts per status',
    operationId: 'listComments',
    errors: [404],
    response: z.object({
      data: z.array(queuedCommentSchema),
      nextCursor: z.string().nullable().describe('Null on the last page'),
      counts: z
        .partialRecord(z.enum(COMMENT_STATUSES), z.number().int())
        .describe('Comments per status under the filters other than status (absent: none)'),
    }),
    tag: 'comments',
    policy: 'comment.list',
    query: listCommentsQuery,
    async handler({ query, actor, services }) {
      const visibility = commentVisibility(actor);
      const filters = await resolveCommentFilters(services.db, actor, query);
      const placeOn = query.versionId
        ? await loadVersionClauses(services.db, query.versionId)
        : undefined;
      if (query.versionId && !placeOn) throw notFound(`No version with id "${query.versionId}"`);
      if (placeOn && filters.artefactId && filters.artefactId !== placeOn.artefactId) {
        throw badRequest(
          'query.versionId: the version belongs to another artefact than query.artefactId',
        );
      }
      if (placeOn) filters.artefactId = placeOn.artefactId;
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      const { db } = services;
      const page = { sort: query.sort, limit: query.limit + 1, after };
      const key = JSON.stringify({ visibility, filters });
      const [rows, counts] = await Promise.all([
        cachedRead(db, `comment-page:${key}:${JSON.stringify(page)}`, async () =>
          (await listComments(db, visibility, filters, page)).map((row) => ({
            cursor: { createdAt: row.createdAt, id: row.id, severityRank: row.severityRank },
            comment: presentComment(row),
          })),
        ),
        cachedRead(db, `comment-counts:${key}`, () =>
          countCommentsByStatus(db, visibility, filters),
        ),
      ]);
      const shown = rows.slice(0, query.limit);
      const last = shown[shown.length - 1];
      const nextCursor = rows.length > query.limit && last ? encodeCursor(last.cursor) : null;
      const data = shown.map((r) => r.comment);
      return { data: placeOn ? await placeComments(db, data, placeOn) : data, nextCursor, counts };
    },
  }),
  endpoint({
    method: 'get',
    path: '/comments/:id',
    summary: 'One comment with its replies and triage decisions',
    operationId: 'getComment',
    response: commentThread,
    tag: 'comments',
    policy: 'comment.read',
    params: commentParams,
    async handler({ params, actor, services }) {
      return commentWithThread(services.db, actor, params.id);
    },
  }),
  endpoint({
    method: 'patch',
    path: '/comments/:id',
    summary: 'Edit your own comment while it is open',
    operationId: 'editComment',
    response: commentThread,
    errors: [403, 409],
    tag: 'comments',
    policy: 'comment.edit',
    params: commentParams,
    body: editCommentBody,
    async handler({ params, body, actor, services }) {
      const comment = await loadVisibleComment(services.db, actor, params.id);
      await editComment(services.db, actor, comment, body);
      return commentWithThread(services.db, actor, comment.id);
    },
  }),
  endpoint({
    method: 'post',
    path: '/comments/:id/withdraw',
    summary: 'Withdraw your own comment while it is open',
    operationId: 'withdrawComment',
    response: commentThread,
    errors: [403, 409],
    tag: 'comments',
    policy: 'comment.withdraw',
    params: commentParams,
    body: withdrawCommentBody,
    async handler({ params, body, actor, services }) {
      const comment = await loadVisibleComment(services.db, actor, params.id);
      await withdrawComment(services.db, actor, comment, body.revision);
      return commentWithThread(services.db, actor, comment.id);
    },
  }),
  endpoint({
    method: 'post',
    path: '/comments/:id/replies',
    summary: "Reply in a comment's thread",
    operationId: 'replyToComment',
    response: commentThread,
    errors: [409],
    tag: 'comments',
    policy: 'comment.reply',
    params: commentParams,
    body: replyBody,
    status: 201,
    async handler({ params, body, actor, services }) {
      const comment = await loadVisibleComment(services.db, actor, params.id);
      await replyToComment(services.db, actor, comment, body.body);
      return commentWithThread(services.db, actor, comment.id);
    },
  }),
  endpoint({
    method: 'post',
    path: '/comments/:id/triage',
    summary: "A code body's decision on a comment on its own code's artefact",
    operationId: 'triageComment',
    response: commentThread,
    errors: [409],
    tag: 'comments',
    policy: 'comment.triage',
    params: commentParams,
    body: triageBody,
    async handler({ params, body, actor, services }) {
      const comment = await loadVisibleComment(services.db, actor, params.id);
      await triageComment(services.db, actor, comment, body);
      return commentWithThread(services.db, actor, comment.id);
    },
  }),
];
