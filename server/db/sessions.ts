import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Ends every session of the user: tokens issued before carry an older version and are refused. */
export async function endSessions(trx: Kysely<Database>, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ tokenVersion: eb('tokenVersion', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}
