import type { Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { UserTable } from '../schema.js';

export type UserRow = Selectable<UserTable>;

export async function findActiveUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.kysely
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.kysely
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.kysely.selectFrom('users').selectAll().orderBy('email').execute();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
