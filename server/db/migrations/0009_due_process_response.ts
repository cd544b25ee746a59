import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The programme's answer to a refusal: one per (response, confirmation). The CCAG pack lists each
 * "no" with how the programme responded, so an unanswered refusal must be visible as such.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('due_process_refusal_responses')
    .addColumn('response_id', 'text', (c) =>
      c.notNull().references('due_process_responses.id').onDelete('cascade'),
    )
    .addColumn('confirmation', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responded_by', 'text', (c) => c.references('users.id'))
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('due_process_refusal_responses_pk', ['response_id', 'confirmation'])
    .execute();
}
