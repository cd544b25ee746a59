import { DEFAULT_NOTIFICATION_SETTINGS } from '../../domain/notificationCategories.js';
import type { Db } from '../database.js';

/** A user's email settings, the defaults when they never chose, and the categories opted out of. */
export async function findNotificationSettings(db: Db, userId: string) {
  const [row, optOuts] = await Promise.all([
    db.kysely
      .selectFrom('notificationSettings')
      .select(['emailMode', 'digestHour'])
      .where('userId', '=', userId)
      .executeTakeFirst(),
    db.kysely
      .selectFrom('emailOptOuts')
      .select('category')
      .where('userId', '=', userId)
      .orderBy('category')
      .execute(),
  ]);
  return {
    settings: row ?? DEFAULT_NOTIFICATION_SETTINGS,
    optedOut: optOuts.map((r) => r.category),
  };
}
