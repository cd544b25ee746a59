import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every token carries the version it was issued at; bumping it ends all of the user's sessions.
  await db.schema
    .alterTable('users')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Failed sign-ins per account (`account:<email>`) and per client address (`address:<ip>`), in the
  // database so that every app instance counts the same failures.
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('lock_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
