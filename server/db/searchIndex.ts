import type { Kysely } from 'kysely';
import type { Clause } from '../domain/parseClauses.js';
import { nextTurn } from '../lib/nextTurn.js';

// SQLite allows 32,766 bound parameters per statement; 7 columns a row.
const BATCH = 500;

export interface ClauseSearchRow {
  version_id: string;
  artefact_id: string;
  clause_ref: string;
  heading: string | null;
  text: string;
  anchor: string;
  position: number;
  /** From migration 0017 on: 1 for the rows of the artefact's current version. */
  is_current?: number;
  /** From migration 0017 on: the artefact's code. */
  code?: string;
}

export function clauseSearchRows(
  version: { id: string; artefactId: string },
  clauses: Pick<Clause, 'ref' | 'heading' | 'text' | 'anchor'>[],
): ClauseSearchRow[] {
  return clauses.map((c, position) => ({
    version_id: version.id,
    artefact_id: version.artefactId,
    clause_ref: c.ref,
    heading: c.heading,
    text: c.text,
    anchor: c.anchor,
    position,
  }));
}

/**
 * Adds a version's clauses to the search index. Called inside the publishing transaction, so a
 * version is searchable exactly when it exists; the full-text index follows the rows (an FTS5
 * trigger on SQLite, a generated tsvector on PostgreSQL). Versions are immutable: rows are never
 * updated.
 */
export async function insertClauseSearchRows(
  // Both the app's camel-cased Kysely and a migration's untyped one insert the same rows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  rows: ClauseSearchRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Each batch is tokenised into the full-text indexes as it goes in.
    await nextTurn();
    await (db as Kysely<{ clause_search: ClauseSearchRow }>)
      .insertInto('clause_search')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** Indexes a version that is becoming its artefact's current version, in place of the last one. */
export async function indexVersionClauses(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  trx: Kysely<any>,
  version: { id: string; artefactId: string },
  clauses: Pick<Clause, 'ref' | 'heading' | 'text' | 'anchor'>[],
): Promise<void> {
  await (trx as Kysely<{ clause_search: ClauseSearchRow }>)
    .updateTable('clause_search')
    .set({ is_current: 0 })
    .where('artefact_id', '=', version.artefactId)
    .where('is_current', '=', 1)
    .execute();
  const { code } = await (trx as Kysely<{ artefacts: { id: string; code: string } }>)
    .selectFrom('artefacts')
    .select('code')
    .where('id', '=', version.artefactId)
    .executeTakeFirstOrThrow();
  await insertClauseSearchRows(
    trx,
    clauseSearchRows(version, clauses).map((row) => ({ ...row, is_current: 1, code })),
  );
}
