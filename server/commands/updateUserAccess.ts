import type { Db } from '../db/database.js';
import { keepAnActiveAdmin } from '../db/activeAdmins.js';
import { writeAudit } from '../db/audit.js';
import { endSessions } from '../db/sessions.js';
import { notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { hashPassword } from '../lib/passwords.js';
import type { UserRow } from '../db/queries/users.js';

export async function deactivateUser(db: Db, actorId: string, userId: string): Promise<UserRow> {
  return db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound(`No user with id ${userId}`);
    if (user.active === 0) return user;
    if (user.role === 'admin') await keepAnActiveAdmin(trx, db.dialect, userId);
    const updatedAt = nowIso();
    await trx.updateTable('users').set({ active: 0, updatedAt }).where('id', '=', userId).execute();
    await endSessions(trx, userId);
    await writeAudit(trx, {
      actorId,
      action: 'user.deactivate',
      entity: 'user',
      entityId: userId,
      before: { active: true },
      after: { active: false },
    });
    return { ...user, active: 0, tokenVersion: user.tokenVersion + 1, updatedAt };
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
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound(`No user with id ${userId}`);
    const updatedAt = nowIso();
    await trx
      .updateTable('users')
      .set({ passwordHash, updatedAt })
      .where('id', '=', userId)
      .execute();
    await endSessions(trx, userId);
    await writeAudit(trx, {
      actorId,
      action: 'user.resetPassword',
      entity: 'user',
      entityId: userId,
    });
    return { ...user, passwordHash, tokenVersion: user.tokenVersion + 1, updatedAt };
  });
}
