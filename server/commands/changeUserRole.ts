import type { Db } from '../db/database.js';
import { keepAnActiveAdmin } from '../db/activeAdmins.js';
import { writeAudit } from '../db/audit.js';
import type { UserRow } from '../db/queries/users.js';
import { changeUserEndingSessions, userToChange } from '../db/sessions.js';
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
    const user = await userToChange(trx, userId);
    await checkUserLinks(trx, input);
    if (user.role === 'admin' && user.active === 1 && input.role !== 'admin') {
      await keepAnActiveAdmin(trx, db.dialect, userId);
    }
    const links = {
      role: input.role,
      organisationId: input.organisationId ?? null,
      code: input.code ?? null,
    };
    const changed = await changeUserEndingSessions(trx, user, links);
    await writeAudit(trx, {
      actorId,
      action: 'user.changeRole',
      entity: 'user',
      entityId: userId,
      before: { role: user.role, organisationId: user.organisationId, code: user.code },
      after: links,
    });
    return changed;
  });
}
