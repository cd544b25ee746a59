// Broken citations of another artefact's clauses, kept as plain-English findings on the citing
// clause, so that they are waived, raised as comments or fixed in the next draft like any other
// finding and count towards SC3. The index row remembers its finding: the finding is closed when
// the citation resolves again, and the plain-English re-check leaves it alone.

import { sql, type Insertable, type Kysely } from 'kysely';
import { newId } from '../lib/ids.js';
import { openFindingRow } from './queries/findings.js';
import type { Database, PlainEnglishFindingTable } from './schema.js';
import { nextTurn } from '../lib/nextTurn.js';

export interface BrokenCitation {
  sourceArtefactId: string;
  sourceVersionId: string;
  sourceClauseRef: string;
  position: number;
  raw: string;
  message: string;
}

// 14 columns a finding: well under SQLite's 32,766 bound parameters a statement.
const INSERT_BATCH = 500;
// Three parameters a row in the CASE and the IN list.
const UPDATE_BATCH = 500;

const findingKey = (versionId: string, clauseRef: string, excerpt: string) =>
  JSON.stringify([versionId, clauseRef, excerpt]);

/**
 * Each citation gets its open finding (one per citing clause and citation text, kept if it is
 * already there), and its index row points at it. A renumbering can break thousands of citations
 * at once, so the work is done a batch of rows at a time rather than a citation at a time.
 */
export async function raiseBrokenCitations(
  trx: Kysely<Database>,
  citations: readonly BrokenCitation[],
): Promise<void> {
  if (citations.length === 0) return;
  const versionIds = [...new Set(citations.map((c) => c.sourceVersionId))];
  const existing = new Map<string, string>();
  for (let i = 0; i < versionIds.length; i += UPDATE_BATCH) {
    const rows = await trx
      .selectFrom('plainEnglishFindings')
      .select(['id', 'versionId', 'clauseRef', 'excerpt'])
      .where('versionId', 'in', versionIds.slice(i, i + UPDATE_BATCH))
      .where('kind', '=', 'broken-reference')
      .execute();
    for (const r of rows) existing.set(findingKey(r.versionId, r.clauseRef, r.excerpt), r.id);
  }

  const fresh: Insertable<PlainEnglishFindingTable>[] = [];
  const byVersion = new Map<string, Map<number, string>>();
  for (const c of citations) {
    const key = findingKey(c.sourceVersionId, c.sourceClauseRef, c.raw);
    let findingId = existing.get(key);
    if (findingId === undefined) {
      findingId = newId();
      existing.set(key, findingId);
      fresh.push(
        openFindingRow({
          id: findingId,
          versionId: c.sourceVersionId,
          artefactId: c.sourceArtefactId,
          clauseRef: c.sourceClauseRef,
          kind: 'broken-reference',
          excerpt: c.raw,
          message: c.message,
        }),
      );
    }
    const positions = byVersion.get(c.sourceVersionId) ?? new Map<number, string>();
    byVersion.set(c.sourceVersionId, positions);
    positions.set(c.position, findingId);
  }
  for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
    await nextTurn();
    await trx
      .insertInto('plainEnglishFindings')
      .values(fresh.slice(i, i + INSERT_BATCH))
      .execute();
  }
  for (const [versionId, positions] of byVersion) {
    const pairs = [...positions];
    for (let i = 0; i < pairs.length; i += UPDATE_BATCH) {
      const batch = pairs.slice(i, i + UPDATE_BATCH);
      await nextTurn();
      await trx
        .updateTable('crossReferences')
        .set({
          findingId: sql<string>`case position ${sql.join(
            batch.map(([position, id]) => sql`when ${position} then ${id}`),
            sql` `,
          )} end`,
        })
        .where('sourceVersionId', '=', versionId)
        .where(
          'position',
          'in',
          batch.map(([position]) => position),
        )
        .execute();
    }
  }
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
