import type { Db } from '../db/database.js';
import type { NotificationCategory } from '../db/schema.js';

export interface RecipientNow {
  id: string;
  email: string;
  name: string;
  active: boolean;
  emailMode: 'immediate' | 'digest' | 'off';
  optedOut: Set<NotificationCategory>;
}

/**
 * Settings as they are at send time: a user may have switched email off, moved to a digest or
 * unsubscribed from a category since their notification was written.
 */
export async function recipientsNow(db: Db, ids: string[]): Promise<Map<string, RecipientNow>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, RecipientNow>();
  if (!unique.length) return found;
  const users = await db.kysely
    .selectFrom('users')
    .leftJoin('notificationSettings', 'notificationSettings.userId', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.active',
      'notificationSettings.emailMode',
    ])
    .where('users.id', 'in', unique)
    .execute();
  for (const u of users) {
    found.set(u.id, {
      id: u.id,
      email: u.email,
      name: u.name,
      active: u.active === 1,
      emailMode: u.emailMode ?? 'immediate',
      optedOut: new Set(),
    });
  }
  const optOuts = await db.kysely
    .selectFrom('emailOptOuts')
    .select(['userId', 'category'])
    .where('userId', 'in', unique)
    .execute();
  for (const o of optOuts) found.get(o.userId)?.optedOut.add(o.category);
  return found;
}
