import type { Db } from '../db/database.js';
import { keepAnActiveAdmin } from '../db/activeAdmins.js';
import { writeAudit } from '../db/audit.js';
import type { UserRow } from '../db/queries/users.js';
import { endSessions } from '../db/sessions.js';
import { notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { checkUserLinks, type UserLinks } from './createUser.js';

/**
 * Gives a user another role (with the organisation or code it needs). Their sessions end, so the
 * old role's access stops at once rather than when their token expires.
 */
export async function changeUserRole(
  db: Db,
  actorId: string,
  userId: string,
  input: UserLinks,
): Promise<UserRow> {
  return db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound(`No user with id ${userId}`);
    await checkUserLinks(trx, input);
    if (user.role === 'admin' && user.active === 1 && input.role !== 'admin') {
      await keepAnActiveAdmin(trx, db.dialect, userId);
    }
    const links = {
      role: input.role,
      organisationId: input.organisationId ?? null,
      code: input.code ?? null,
    };
    const updatedAt = nowIso();
    await trx
      .updateTable('users')
      .set({ ...links, updatedAt })
      .where('id', '=', userId)
      .execute();
    await endSessions(trx, userId);
    await writeAudit(trx, {
      actorId,
      action: 'user.changeRole',
      entity: 'user',
      entityId: userId,
      before: { role: user.role, organisationId: user.organisationId, code: user.code },
      after: links,
    });
    return { ...user, ...links, tokenVersion: user.tokenVersion + 1, updatedAt };
  });
}
