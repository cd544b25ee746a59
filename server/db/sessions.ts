import type { Kysely, Updateable } from 'kysely';
import { notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import type { UserRow } from './queries/users.js';
import type { Database, UserTable } from './schema.js';

/** Ends every session of the user: tokens issued before carry an older version and are refused. */
export async function endSessions(trx: Kysely<Database>, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ tokenVersion: eb('tokenVersion', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

/** The user a command is about to change, read in its transaction; 404 when there is none. */
export async function userToChange(trx: Kysely<Database>, userId: string): Promise<UserRow> {
  const user = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound(`No user with id ${userId}`);
  return user;
}

/**
 * Changes what a user may do (role, password, active) and ends their sessions in the same
 * transaction, so the old access stops at once rather than when the token expires.
 */
export async function changeUserEndingSessions(
  trx: Kysely<Database>,
  user: UserRow,
  changes: Omit<Updateable<UserTable>, 'id' | 'updatedAt' | 'tokenVersion'>,
): Promise<UserRow> {
  const updatedAt = nowIso();
  await trx
    .updateTable('users')
    .set({ ...changes, updatedAt })
    .where('id', '=', user.id)
    .execute();
  await endSessions(trx, user.id);
  return { ...user, ...changes, tokenVersion: user.tokenVersion + 1, updatedAt } as UserRow;
}
