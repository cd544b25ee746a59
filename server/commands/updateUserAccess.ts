import type { Db } from '../db/database.js';
import { keepAnActiveAdmin } from '../db/activeAdmins.js';
import { writeAudit } from '../db/audit.js';
import type { UserRow } from '../db/queries/users.js';
import { changeUserEndingSessions, userToChange } from '../db/sessions.js';
import { hashPassword } from '../lib/passwords.js';

export async function deactivateUser(db: Db, actorId: string, userId: string): Promise<UserRow> {
  return db.kysely.transaction().execute(async (trx) => {
    const user = await userToChange(trx, userId);
    if (user.active === 0) return user;
    if (user.role === 'admin') await keepAnActiveAdmin(trx, db.dialect, userId);
    const changed = await changeUserEndingSessions(trx, user, { active: 0 });
    await writeAudit(trx, {
      actorId,
      action: 'user.deactivate',
      entity: 'user',
      entityId: userId,
      before: { active: true },
      after: { active: false },
    });
    return changed;
  });
}

/** A new password ends the user's sessions: whoever knew the old one is signed out. */
export async function resetPassword(
  db: Db,
  actorId: string,
  userId: string,
  password: string,
): Promise<UserRow> {
  const passwordHash = await hashPassword(password);
  return db.kysely.transaction().execute(async (trx) => {
    const user = await userToChange(trx, userId);
    const changed = await changeUserEndingSessions(trx, user, { passwordHash });
    await writeAudit(trx, {
      actorId,
      action: 'user.resetPassword',
      entity: 'user',
      entityId: userId,
    });
    return changed;
  });
}
