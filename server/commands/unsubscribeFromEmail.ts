import { writeAudit } from '../db/audit.js';
import type { Db } from '../db/database.js';
import type { NotificationCategory } from '../db/schema.js';
import { badRequest } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { verifyUnsubscribeToken } from '../lib/unsubscribeTokens.js';

/** An unsubscribe link followed: that category's email stops; in-app notifications continue. */
export async function unsubscribeFromEmail(
  db: Db,
  jwtSecret: string,
  token: string,
): Promise<{ category: NotificationCategory; email: string }> {
  const check = verifyUnsubscribeToken(token, jwtSecret);
  if (check === 'expired')
    throw badRequest(
      'This unsubscribe link has expired; sign in and change your notification settings instead',
    );
  if (check === 'invalid')
    throw badRequest('This unsubscribe link is not valid; copy the whole link from the email');
  return db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email'])
      .where('id', '=', check.userId)
      .executeTakeFirst();
    if (!user) throw badRequest('This unsubscribe link names no account here');
    const added = await trx
      .insertInto('emailOptOuts')
      .values({ userId: user.id, category: check.category, createdAt: nowIso() })
      .onConflict((oc) => oc.columns(['userId', 'category']).doNothing())
      .returning('userId')
      .executeTakeFirst();
    if (added)
      await writeAudit(trx, {
        actorId: user.id,
        action: 'notification.unsubscribe',
        entity: 'user',
        entityId: user.id,
        after: { category: check.category },
      });
    return { category: check.category, email: user.email };
  });
}
