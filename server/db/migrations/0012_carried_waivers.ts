import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * A waiver carried into the next version of an unchanged clause records where it came from: the
 * earlier version's label and the waived finding there (issue 10 item 4).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  for (const column of ['carried_from', 'carried_from_finding_id'])
    await db.schema.alterTable('plain_english_findings').addColumn(column, 'text').execute();
}
