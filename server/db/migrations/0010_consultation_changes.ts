import type { Kysely } from 'kysely';

/**
 * Consultation windows can be closed early, extended and reopened; the revision lets a writer
 * refuse to overwrite a change it has not seen. The history itself is in the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('consultations')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
