import type { Db } from '../db/database.js';
import { findArtefact } from '../db/queries/artefacts.js';
import { findFinding, type FindingListRow } from '../db/queries/findings.js';
import { loadVersionClauses } from '../db/versionCache.js';
import type { Clause } from '../domain/parseClauses.js';
import { conflict, notFound } from '../errors.js';
import type { Actor } from '../policies/index.js';
import { createComment } from './createComment.js';
import { decideFinding } from './decideFinding.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The finding's excerpt as the comment's quote, when it occurs in the clause word for word. */
function quoteFor(finding: { excerpt: string }, clause: Clause | undefined): string | null {
  if (!clause) return null;
  const quote = finding.excerpt.replace(/…$/, '').trim();
  const text = squash(`${clause.heading ?? ''} ${clause.text}`);
  return quote !== '' && text.includes(squash(quote)) ? quote : null;
}

/**
 * Raises a finding as a plain-English comment on its clause of its version, through the comment
 * command (so the consultation window applies), then marks the finding raised with that comment.
 */
export async function raiseFinding(
  db: Db,
  actor: Actor,
  findingId: string,
): Promise<FindingListRow> {
  const finding = await findFinding(db.kysely, findingId);
  if (!finding) throw notFound(`No plain-English finding with id "${findingId}"`);
  if (finding.status !== 'open') throw conflict(`This finding is already ${finding.status}`);
  const artefact = await findArtefact(db, finding.artefactId);
  if (!artefact) throw notFound(`No artefact with id "${finding.artefactId}"`);
  const version = await loadVersionClauses(db, finding.versionId);
  const clause = version?.clauses.find((c) => c.ref === finding.clauseRef);

  const comment = await createComment(db, actor, artefact, {
    versionId: finding.versionId,
    clauseRef: finding.clauseRef,
    quote: quoteFor(finding, clause),
    category: 'plain-english',
    severity: 'low',
    body: `Plain-English check: ${finding.message}`,
    confidential: false,
  });

  // The comment has its own transaction (and audit event); this one records the link. Should
  // someone else have decided the finding in between, the comment stands and the caller is told.
  return db.kysely
    .transaction()
    .execute((trx) =>
      decideFinding(
        trx,
        actor,
        finding,
        { status: 'raised', commentId: comment.id },
        `This finding was decided by someone else meanwhile; comment ${comment.ref} was still made`,
      ),
    );
}
