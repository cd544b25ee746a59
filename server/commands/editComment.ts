import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { lockArtefactForComments, refreshCommentTallies } from '../db/commentTallies.js';
import { assertCurrentRevision, updateCommentAtRevision } from '../db/commentRevision.js';
import type { CommentRow } from '../db/queries/comments.js';
import { artefactWindows } from '../db/queries/consultations.js';
import { refuseBaselinedText } from '../db/baselinedText.js';
import type { Database } from '../db/schema.js';
import {
  canEdit,
  canWithdraw,
  SEVERITY_RANK,
  type CommentCategory,
  type Severity,
} from '../domain/commentLifecycle.js';
import { commentChangeProblem } from '../domain/consultationWindow.js';
import type { Clause } from '../domain/parseClauses.js';
import { conflict, forbidden } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';
import { checkAnchor } from './createComment.js';

export interface EditCommentInput {
  revision: number;
  quote?: string | null;
  category?: CommentCategory;
  severity?: Severity;
  body?: string;
  proposedText?: string | null;
  confidential?: boolean;
}

function assertAuthor(actor: Actor, comment: CommentRow): void {
  if (comment.authorId !== actor.id) throw forbidden('Only the author may change this comment');
}

/** The author's changes close with the consultation window (domain/consultationWindow.ts). */
async function assertWindowOpen(
  trx: Kysely<Database>,
  change: 'edit' | 'withdraw',
  comment: CommentRow,
): Promise<void> {
  const windows = await artefactWindows(trx, comment.artefactId);
  const problem = commentChangeProblem(change, comment, windows, nowIso(), false);
  if (problem) throw conflict(problem);
}

export async function editComment(
  db: Db,
  actor: Actor,
  comment: CommentRow,
  input: EditCommentInput,
): Promise<void> {
  assertAuthor(actor, comment);
  assertCurrentRevision(comment, input.revision);
  if (!canEdit(comment.status)) {
    throw conflict(`Comment ${comment.ref} is ${comment.status}; only open comments can be edited`);
  }
  await db.kysely.transaction().execute(async (trx) => {
    await lockArtefactForComments(trx, db.dialect, comment.artefactId);
    await assertWindowOpen(trx, 'edit', comment);
    if (input.quote !== undefined && (input.quote || null) !== comment.quote) {
      const version = await trx
        .selectFrom('artefactVersions as v')
        .innerJoin('artefacts as a', 'a.id', 'v.artefactId')
        .select(['v.label', 'v.clauses', 'v.isBaseline', 'a.reference'])
        .where('v.id', '=', comment.versionId)
        .executeTakeFirstOrThrow();
      // Moving the anchor is commenting afresh on the text; the rest of an edit is not.
      await refuseBaselinedText(trx, version.reference, version);
      if (input.quote)
        checkAnchor(JSON.parse(version.clauses) as Clause[], comment.clauseRef, input.quote);
    }
    const { revision, confidential, ...fields } = input;
    const changes = {
      ...fields,
      ...(fields.severity ? { severityRank: SEVERITY_RANK[fields.severity] } : {}),
      ...(confidential === undefined ? {} : { confidential: confidential ? 1 : 0 }),
      updatedAt: nowIso(),
    };
    const edited = confidential === undefined ? fields : { ...fields, confidential };
    const before = Object.fromEntries(
      Object.keys(edited).map((k) => [k, comment[k as keyof CommentRow]]),
    );
    await updateCommentAtRevision(trx, comment, revision, changes);
    if (confidential !== undefined) await refreshCommentTallies(trx, [comment.artefactId]);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'comment.edit',
      entity: 'comment',
      entityId: comment.id,
      before,
      after: edited,
    });
  });
}

export async function withdrawComment(
  db: Db,
  actor: Actor,
  comment: CommentRow,
  revision: number,
): Promise<void> {
  assertAuthor(actor, comment);
  assertCurrentRevision(comment, revision);
  if (!canWithdraw(comment.status)) {
    throw conflict(
      `Comment ${comment.ref} is ${comment.status}; only open comments can be withdrawn`,
    );
  }
  await db.kysely.transaction().execute(async (trx) => {
    await lockArtefactForComments(trx, db.dialect, comment.artefactId);
    await assertWindowOpen(trx, 'withdraw', comment);
    const now = nowIso();
    await updateCommentAtRevision(trx, comment, revision, { status: 'withdrawn', updatedAt: now });
    await refreshCommentTallies(trx, [comment.artefactId]);
    const author = await trx
      .selectFrom('users')
      .select('name')
      .where('id', '=', actor.id)
      .executeTakeFirst();
    await trx
      .insertInto('triageDecisions')
      .values({
        id: newId(),
        commentId: comment.id,
        fromStatus: comment.status,
        status: 'withdrawn',
        response: '',
        action: null,
        changeId: null,
        duplicateOf: null,
        decidedBy: actor.id,
        decidedByName: author?.name ?? '',
        decidedAt: now,
      })
      .execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'comment.withdraw',
      entity: 'comment',
      entityId: comment.id,
      before: { status: comment.status, revision },
      after: { status: 'withdrawn', revision: revision + 1 },
    });
  });
}
