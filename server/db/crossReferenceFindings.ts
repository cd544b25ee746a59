// Broken citations of another artefact's clauses, kept as plain-English findings on the citing
// clause, so that they are waived, raised as comments or fixed in the next draft like any other
// finding and count towards SC3. The index row remembers its finding: the finding is closed when
// the citation resolves again, and the plain-English re-check leaves it alone.

import type { Kysely } from 'kysely';
import { newId } from '../lib/ids.js';
import type { Database } from './schema.js';

export interface BrokenCitation {
  sourceArtefactId: string;
  sourceVersionId: string;
  sourceClauseRef: string;
  position: number;
  raw: string;
  message: string;
}

export async function raiseBrokenCitation(
  trx: Kysely<Database>,
  citation: BrokenCitation,
): Promise<void> {
  const existing = await trx
    .selectFrom('plainEnglishFindings')
    .select('id')
    .where('versionId', '=', citation.sourceVersionId)
    .where('clauseRef', '=', citation.sourceClauseRef)
    .where('kind', '=', 'broken-reference')
    .where('excerpt', '=', citation.raw)
    .executeTakeFirst();
  const findingId = existing?.id ?? newId();
  if (!existing) {
    await trx
      .insertInto('plainEnglishFindings')
      .values({
        id: findingId,
        versionId: citation.sourceVersionId,
        artefactId: citation.sourceArtefactId,
        clauseRef: citation.sourceClauseRef,
        kind: 'broken-reference',
        excerpt: citation.raw,
        message: citation.message,
        status: 'open',
        reason: null,
        commentId: null,
        decidedBy: null,
        decidedAt: null,
        carriedFrom: null,
        carriedFromFindingId: null,
      })
      .execute();
  }
  await trx
    .updateTable('crossReferences')
    .set({ findingId })
    .where('sourceVersionId', '=', citation.sourceVersionId)
    .where('position', '=', citation.position)
    .execute();
}

/** The citation resolves again: an open finding goes; a decided one stays as the record. */
export async function closeBrokenCitation(
  trx: Kysely<Database>,
  row: { sourceVersionId: string; position: number; findingId: string },
): Promise<void> {
  await trx
    .updateTable('crossReferences')
    .set({ findingId: null })
    .where('sourceVersionId', '=', row.sourceVersionId)
    .where('position', '=', row.position)
    .execute();
  await trx
    .deleteFrom('plainEnglishFindings')
    .where('id', '=', row.findingId)
    .where('status', '=', 'open')
    .execute();
}
