import { writeAudit } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { endSessions } from '../db/sessions.js';

/** Signs the user out everywhere: one token cannot be told from another, so all of them end. */
export async function signOut(db: Db, userId: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await endSessions(trx, userId);
    await writeAudit(trx, {
      actorId: userId,
      action: 'auth.logout',
      entity: 'user',
      entityId: userId,
    });
  });
}
