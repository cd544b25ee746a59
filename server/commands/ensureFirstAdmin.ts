import type { Db } from '../db/database.js';
import { generatePassword } from '../lib/passwords.js';
import { createUser } from './createUser.js';

export type FirstAdminResult =
  { created: true; email: string; generatedPassword: string | null } | { created: false };

/** On first start there is no one to sign in as; create the admin from env or with a random password. */
export async function ensureFirstAdmin(
  db: Db,
  env: { email?: string; password?: string },
): Promise<FirstAdminResult> {
  const admin = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (admin) return { created: false };
  const email = env.email ?? 'admin@localhost';
  const generatedPassword = env.password ? null : generatePassword();
  await createUser(db, null, {
    email,
    name: 'Administrator',
    role: 'admin',
    password: env.password ?? (generatedPassword as string),
  });
  return { created: true, email, generatedPassword };
}
