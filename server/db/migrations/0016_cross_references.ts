import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import type { Database } from '../schema.js';
import { backfillCrossReferences } from '../crossReferences.js';

/**
 * Cross-references between clauses: one row per citation in an artefact's current version, so
 * that a clause can show what refers to it. Existing current versions are indexed here, a batch
 * of artefacts at a time.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('cross_references')
    .addColumn('source_artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addColumn('source_version_id', 'text', (c) => c.notNull().references('artefact_versions.id'))
    .addColumn('source_clause_ref', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('target_document', 'text')
    .addColumn('target_artefact_id', 'text', (c) => c.references('artefacts.id'))
    .addColumn('target_clause_ref', 'text')
    .addColumn('resolved', 'integer', (c) => c.notNull())
    // The plain-English finding raised on the citing clause while the citation is broken.
    .addColumn('finding_id', 'text')
    .addPrimaryKeyConstraint('cross_references_pk', ['source_version_id', 'position'])
    .execute();
  await db.schema
    .createIndex('cross_references_source_idx')
    .on('cross_references')
    .column('source_artefact_id')
    .execute();
  await db.schema
    .createIndex('cross_references_target_idx')
    .on('cross_references')
    .columns(['target_artefact_id', 'target_clause_ref'])
    .execute();
  // The app's connection maps camelCase names, as everywhere else.
  await backfillCrossReferences(db as unknown as Kysely<Database>);
}
