import type { Db } from '../db/database.js';
import { generatePassword, passwordProblem } from '../lib/passwords.js';
import { createUser } from './createUser.js';

export type FirstAdminResult =
  { created: true; email: string; generatedPassword: string | null } | { created: false };

/** On first start there is no one to sign in as; create the admin from env or with a random password. */
export async function ensureFirstAdmin(
  db: Db,
  env: { email?: string; password?: string },
): Promise<FirstAdminResult> {
  // Checked on every start, not only the first: a weak password left in the environment is a
  // mistake to report, and the server refuses to start until it is fixed or unset.
  const problem = env.password === undefined ? null : passwordProblem(env.password);
  if (problem) {
    throw new Error(
      `ADMIN_PASSWORD does not meet the password policy: it ${problem}. Choose a longer one, or unset it to have one generated.`,
    );
  }
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
