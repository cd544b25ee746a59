import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { FollowEntity } from '../domain/notificationCategories.js';
import { nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';

/**
 * Follows or unfollows an artefact or comment the caller has already shown the actor may see.
 * Either way the row becomes explicit: an unfollow is kept as `following = 0`, so that commenting
 * again never follows the artefact again behind the user's back.
 */
export async function setFollow(
  db: Db,
  actor: Actor,
  target: { entity: FollowEntity; entityId: string },
  following: boolean,
): Promise<void> {
  const now = nowIso();
  const flag = following ? 1 : 0;
  await db.kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('follows')
      .select(['following', 'source'])
      .where('userId', '=', actor.id)
      .where('entity', '=', target.entity)
      .where('entityId', '=', target.entityId)
      .executeTakeFirst();
    if (before?.following === flag && before.source === 'explicit') return;
    await trx
      .insertInto('follows')
      .values({
        userId: actor.id,
        entity: target.entity,
        entityId: target.entityId,
        following: flag,
        source: 'explicit',
        createdAt: now,
        updatedAt: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['userId', 'entity', 'entityId'])
          .doUpdateSet({ following: flag, source: 'explicit', updatedAt: now }),
      )
      .execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: following ? 'follow.follow' : 'follow.unfollow',
      // Not the comment's or artefact's own trail, which others read: whom a person follows is theirs.
      entity: 'follow',
      entityId: `${target.entity}:${target.entityId}`,
      before: before ? { following: before.following === 1, source: before.source } : null,
      after: { following, source: 'explicit' },
    });
  });
}
