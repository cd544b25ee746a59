import type { Kysely } from 'kysely';
import { conflict } from '../errors.js';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

/**
 * Refuses (409) to deactivate or demote the last active admin, who alone can manage users. On
 * PostgreSQL the active admins' rows are locked in id order first, so two admins removing each
 * other at once take turns and the second sees that only one is left (SQLite runs write
 * transactions one at a time already).
 */
export async function keepAnActiveAdmin(
  trx: Kysely<Database>,
  dialect: DialectName,
  leavingUserId: string,
): Promise<void> {
  const admins = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .orderBy('id')
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .execute();
  if (admins.every((admin) => admin.id === leavingUserId)) {
    throw conflict(
      'This is the last active admin: make another user an admin first, or nobody could manage users',
    );
  }
}
