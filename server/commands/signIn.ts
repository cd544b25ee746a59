import type { Db } from '../db/database.js';
import { findUserByEmail, type UserRow } from '../db/queries/users.js';
import { unauthorized } from '../errors.js';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../lib/passwords.js';
import { signToken } from '../lib/tokens.js';

// One message for unknown email, wrong password and deactivated account: no account enumeration.
const FAILED = 'Email or password is incorrect';

export async function signIn(
  db: Db,
  jwtSecret: string,
  credentials: { email: string; password: string },
): Promise<{ token: string; user: UserRow }> {
  const user = await findUserByEmail(db, credentials.email);
  const ok = await verifyPassword(
    credentials.password,
    user?.passwordHash ?? UNUSABLE_PASSWORD_HASH,
  );
  if (!user || !ok || user.active !== 1) throw unauthorized(FAILED);
  return { token: signToken(user.id, jwtSecret), user };
}
