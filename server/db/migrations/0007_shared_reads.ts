import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Computed reads shared by every instance on one database (see server/db/sharedRead.ts). */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('shared_reads')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('data_version', 'integer', (c) => c.notNull())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('value', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
}
