import { z } from 'zod';
import { setFollow } from '../../commands/setFollow.js';
import type { Db } from '../../db/database.js';
import { followedArtefacts, followedComments, isFollowing } from '../../db/queries/follows.js';
import type { FollowEntity } from '../../domain/notificationCategories.js';
import { endpoint } from '../../http/endpoint.js';
import type { Actor } from '../../policies/index.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { dataOf } from '../../presenters/envelope.js';
import {
  followStateSchema,
  followedSchema,
  presentFollowedArtefact,
  presentFollowedComment,
} from '../../presenters/notification.js';
import { loadVisibleComment } from '../comments/index.js';
import { requireArtefact } from '../requireArtefact.js';
import { followParams, followQuery } from './schema.js';

/**
 * The artefact or comment a request names, as its id, or the usual 404. A comment the actor may
 * not see is as unknown as one that does not exist, so following cannot probe for it.
 */
async function followTarget(db: Db, actor: Actor, entity: FollowEntity, idOrRef: string) {
  const entityId =
    entity === 'artefact'
      ? (await requireArtefact(db, idOrRef)).id
      : (await loadVisibleComment(db, actor, idOrRef)).id;
  return { entity, entityId };
}

async function followState(
  db: Db,
  actor: Actor,
  target: { entity: FollowEntity; entityId: string },
) {
  return {
    data: { ...target, following: await isFollowing(db, actor.id, target.entity, target.entityId) },
  };
}

export const followEndpoints = [
  endpoint({
    method: 'get',
    path: '/follows',
    summary:
      'Whether you follow an artefact or comment (entity and entityId), or, without them, all you follow',
    operationId: 'listFollows',
    response: dataOf(
      z.union([
        z
          .object({ following: z.boolean() })
          .describe('With entity and entityId: whether you follow it'),
        z.array(followedSchema).describe('Without them: all you follow'),
      ]),
    ),
    errors: [404],
    tag: 'notifications',
    policy: 'follow.read',
    query: followQuery,
    async handler({ query, actor, services }) {
      const { db } = services;
      if (query.entity && query.entityId) {
        const target = await followTarget(db, actor, query.entity, query.entityId);
        const { data } = await followState(db, actor, target);
        return { data: { following: data.following } };
      }
      const [artefacts, comments] = await Promise.all([
        followedArtefacts(db, actor.id),
        followedComments(db, actor.id, commentVisibility(actor)),
      ]);
      return {
        data: [...artefacts.map(presentFollowedArtefact), ...comments.map(presentFollowedComment)],
      };
    },
  }),
  endpoint({
    method: 'put',
    path: '/follows/:entity/:entityId',
    summary: 'Follow an artefact or a comment you can see',
    operationId: 'follow',
    response: dataOf(followStateSchema),
    tag: 'notifications',
    policy: 'follow.change',
    params: followParams,
    async handler({ params, actor, services }) {
      const target = await followTarget(services.db, actor, params.entity, params.entityId);
      await setFollow(services.db, actor, target, true);
      return followState(services.db, actor, target);
    },
  }),
  endpoint({
    method: 'delete',
    path: '/follows/:entity/:entityId',
    summary:
      'Stop following an artefact or a comment (remembered, so commenting does not re-follow)',
    operationId: 'unfollow',
    response: dataOf(followStateSchema),
    tag: 'notifications',
    policy: 'follow.change',
    params: followParams,
    async handler({ params, actor, services }) {
      const target = await followTarget(services.db, actor, params.entity, params.entityId);
      await setFollow(services.db, actor, target, false);
      return followState(services.db, actor, target);
    },
  }),
];
