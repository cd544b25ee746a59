import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { nextCounter } from '../db/counters.js';
import { lockArtefactForComments, refreshCommentTallies } from '../db/commentTallies.js';
import type { CommentRow } from '../db/queries/comments.js';
import { artefactWindows } from '../db/queries/consultations.js';
import { refuseBaselinedText } from '../db/baselinedText.js';
import { lockM6State } from '../db/m6Lock.js';
import { quoteOccursIn } from '../domain/commentAnchor.js';
import { SEVERITY_RANK, type CommentCategory, type Severity } from '../domain/commentLifecycle.js';
import { commentWindowProblem } from '../domain/consultationWindow.js';
import type { Clause } from '../domain/parseClauses.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';
import { commentCreated } from '../notifications/commentEvents.js';

export interface CreateCommentInput {
  versionId?: string;
  clauseRef: string;
  quote?: string | null;
  category: CommentCategory;
  severity: Severity;
  body: string;
  proposedText?: string | null;
  confidential: boolean;
}

export function formatCommentRef(n: number): string {
  return `C-${String(n).padStart(6, '0')}`;
}

/** The clause the comment anchors to, and a quote that really occurs in it. */
export function checkAnchor(
  clauses: Clause[],
  clauseRef: string,
  quote: string | null | undefined,
): void {
  const clause = clauses.find((c) => c.ref === clauseRef);
  if (!clause)
    throw badRequest(`body.clauseRef: clause "${clauseRef}" does not exist in this version`);
  if (quote && !quoteOccursIn(clause, quote)) {
    throw badRequest(`body.quote: the quoted text does not occur in clause ${clauseRef}`);
  }
}

export async function createComment(
  db: Db,
  actor: Actor,
  artefact: { id: string; reference: string; currentVersionId: string | null },
  input: CreateCommentInput,
): Promise<CommentRow> {
  return db.kysely.transaction().execute(async (trx) => {
    // Shared: comments go side by side, but never across the SRO's approval of the baseline.
    await lockM6State(trx, db.dialect, 'shared');
    await lockArtefactForComments(trx, db.dialect, artefact.id);
    const versionId = input.versionId ?? artefact.currentVersionId;
    if (!versionId) throw conflict(`${artefact.reference} has no published version to comment on`);
    const version = await trx
      .selectFrom('artefactVersions')
      .select(['id', 'label', 'clauses', 'isBaseline'])
      .where('id', '=', versionId)
      .where('artefactId', '=', artefact.id)
      .executeTakeFirst();
    if (!version) throw notFound(`${artefact.reference} has no version with id "${versionId}"`);
    checkAnchor(JSON.parse(version.clauses) as Clause[], input.clauseRef, input.quote);
    await refuseBaselinedText(trx, artefact.reference, version);

    const now = nowIso();
    const windows = await artefactWindows(trx, artefact.id);
    const closed = commentWindowProblem(artefact.reference, windows, now);
    if (closed) throw conflict(closed);

    const comment: CommentRow = {
      id: newId(),
      ref: formatCommentRef(await nextCounter(trx, 'comment')),
      artefactId: artefact.id,
      versionId: version.id,
      clauseRef: input.clauseRef,
      quote: input.quote || null,
      category: input.category,
      severity: input.severity,
      severityRank: SEVERITY_RANK[input.severity],
      body: input.body,
      proposedText: input.proposedText || null,
      confidential: input.confidential ? 1 : 0,
      authorId: actor.id,
      organisationId: actor.organisationId,
      status: 'open',
      revision: 1,
      response: null,
      changeId: null,
      action: null,
      decidedByName: null,
      decidedAt: null,
      raisedByName: null,
      importedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    await trx.insertInto('comments').values(comment).execute();
    await refreshCommentTallies(trx, [artefact.id]);
    await commentCreated(trx, actor.id, comment.id);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'comment.create',
      entity: 'comment',
      entityId: comment.id,
      after: comment,
    });
    return comment;
  });
}
