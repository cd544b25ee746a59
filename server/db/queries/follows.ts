import type { FollowEntity } from '../../domain/notificationCategories.js';
import type { CommentVisibility } from '../../policies/commentVisibility.js';
import type { Db } from '../database.js';
import { visibleTo } from './comments.js';

export async function isFollowing(
  db: Db,
  userId: string,
  entity: FollowEntity,
  entityId: string,
): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('follows')
    .select('following')
    .where('userId', '=', userId)
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .executeTakeFirst();
  return row?.following === 1;
}

export interface FollowedArtefactRow {
  entityId: string;
  slug: string;
  reference: string;
  title: string;
  since: string;
}

export interface FollowedCommentRow extends FollowedArtefactRow {
  commentRef: string;
  clauseRef: string;
}

/** The artefacts a user follows, in registry order. */
export async function followedArtefacts(db: Db, userId: string): Promise<FollowedArtefactRow[]> {
  return db.kysely
    .selectFrom('follows as f')
    .innerJoin('artefacts as a', 'a.id', 'f.entityId')
    .select(['f.entityId', 'a.slug', 'a.reference', 'a.title', 'f.updatedAt as since'])
    .where('f.userId', '=', userId)
    .where('f.entity', '=', 'artefact')
    .where('f.following', '=', 1)
    .orderBy('a.code')
    .orderBy('a.reference')
    .execute();
}

/** The comments a user follows and may still see, oldest first. */
export async function followedComments(
  db: Db,
  userId: string,
  visibility: CommentVisibility,
): Promise<FollowedCommentRow[]> {
  return db.kysely
    .selectFrom('follows as f')
    .innerJoin('comments as c', 'c.id', 'f.entityId')
    .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
    .select([
      'f.entityId',
      'a.slug',
      'a.reference',
      'a.title',
      'f.updatedAt as since',
      'c.ref as commentRef',
      'c.clauseRef',
    ])
    .where('f.userId', '=', userId)
    .where('f.entity', '=', 'comment')
    .where('f.following', '=', 1)
    .where(visibleTo(visibility, 'c'))
    .orderBy('c.createdAt')
    .orderBy('c.id')
    .execute();
}
