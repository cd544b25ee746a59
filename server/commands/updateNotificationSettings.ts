import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { NotificationCategory } from '../db/schema.js';
import type { EmailMode } from '../domain/notificationCategories.js';
import { nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';

export interface NotificationSettingsInput {
  emailMode: EmailMode;
  digestHour: number;
  optedOut: NotificationCategory[];
}

/** Replaces the actor's email settings and category opt-outs, in one audited transaction. */
export async function updateNotificationSettings(
  db: Db,
  actor: Actor,
  input: NotificationSettingsInput,
): Promise<void> {
  const now = nowIso();
  const optedOut = [...new Set(input.optedOut)].sort();
  await db.kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('notificationSettings')
      .select(['emailMode', 'digestHour'])
      .where('userId', '=', actor.id)
      .executeTakeFirst();
    const beforeOptOuts = await trx
      .selectFrom('emailOptOuts')
      .select('category')
      .where('userId', '=', actor.id)
      .orderBy('category')
      .execute();
    await trx
      .insertInto('notificationSettings')
      .values({
        userId: actor.id,
        emailMode: input.emailMode,
        digestHour: input.digestHour,
        updatedAt: now,
      })
      .onConflict((oc) =>
        oc.column('userId').doUpdateSet({
          emailMode: input.emailMode,
          digestHour: input.digestHour,
          updatedAt: now,
        }),
      )
      .execute();
    await trx.deleteFrom('emailOptOuts').where('userId', '=', actor.id).execute();
    if (optedOut.length > 0) {
      await trx
        .insertInto('emailOptOuts')
        .values(optedOut.map((category) => ({ userId: actor.id, category, createdAt: now })))
        .execute();
    }
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'notificationSettings.update',
      entity: 'user',
      entityId: actor.id,
      before: before && { ...before, optedOut: beforeOptOuts.map((r) => r.category) },
      after: { emailMode: input.emailMode, digestHour: input.digestHour, optedOut },
    });
  });
}
