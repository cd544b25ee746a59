import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * An artefact's audited statement that no design requirements apply to it, with the reason: SC1
 * counts it as evidence in place of traces (issue 10 item 1).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  for (const column of ['no_requirements_reason', 'no_requirements_at', 'no_requirements_by'])
    await db.schema.alterTable('artefacts').addColumn(column, 'text').execute();
}
