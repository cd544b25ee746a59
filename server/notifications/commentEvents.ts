import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso } from '../lib/ids.js';
import { excerpt, notify, notifyNewComment } from './notify.js';
import { codeBodyOf, commentFollowers, followersOf } from './recipients.js';

interface CommentFacts {
  id: string;
  ref: string;
  confidential: number;
  authorId: string | null;
  organisationId: string | null;
  clauseRef: string;
  artefactId: string;
  artefactCode: string;
  artefactReference: string;
  artefactSlug: string;
}

/** What notifications say about a comment, read inside the event's transaction. */
export async function commentFacts(
  trx: Kysely<Database>,
  commentId: string,
): Promise<CommentFacts> {
  return trx
    .selectFrom('comments as c')
    .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
    .select([
      'c.id',
      'c.ref',
      'c.confidential',
      'c.authorId',
      'c.organisationId',
      'c.clauseRef',
      'c.artefactId',
      'a.code as artefactCode',
      'a.reference as artefactReference',
      'a.slug as artefactSlug',
    ])
    .where('c.id', '=', commentId)
    .executeTakeFirstOrThrow();
}

const commentLink = (c: CommentFacts) => `/artefacts/${c.artefactSlug}?comment=${c.id}`;

/** Makes the user follow an entity, unless they have unfollowed it (which sticks). */
export async function autoFollow(
  trx: Kysely<Database>,
  userId: string,
  entity: 'artefact' | 'comment',
  entityId: string,
  now = nowIso(),
): Promise<void> {
  await trx
    .insertInto('follows')
    .values({
      userId,
      entity,
      entityId,
      following: 1,
      source: 'auto',
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) => oc.columns(['userId', 'entity', 'entityId']).doNothing())
    .execute();
}

/**
 * A new comment: its author follows it and its artefact, and the code body of the artefact's
 * code hears of it, batched (they may read every comment on their code's artefacts).
 */
export async function commentCreated(
  trx: Kysely<Database>,
  actorId: string,
  commentId: string,
): Promise<void> {
  const c = await commentFacts(trx, commentId);
  const now = nowIso();
  await autoFollow(trx, actorId, 'comment', c.id, now);
  await autoFollow(trx, actorId, 'artefact', c.artefactId, now);
  await notifyNewComment(trx, {
    artefactId: c.artefactId,
    artefactReference: c.artefactReference,
    artefactSlug: c.artefactSlug,
    commentId: c.id,
    commentRef: c.ref,
    clauseRef: c.clauseRef,
    recipients: codeBodyOf(c.artefactCode),
    actorId,
    now,
  });
}

const STATUS_WORDS: Record<string, string> = {
  triaged: 'triaged',
  accepted: 'accepted',
  'partially-accepted': 'partially accepted',
  rejected: 'rejected',
  deferred: 'deferred to post-M6 work-off',
  duplicate: 'marked a duplicate',
};

export async function commentDecided(
  trx: Kysely<Database>,
  actorId: string,
  decision: { id: string; commentId: string; status: string; response: string },
): Promise<void> {
  const c = await commentFacts(trx, decision.commentId);
  await notify(trx, {
    category: 'my_comments',
    kind: 'comment.decided',
    entity: 'comment',
    entityId: c.id,
    eventKey: `comment.decided:${decision.id}`,
    title: `${c.ref} on ${c.artefactReference} ${STATUS_WORDS[decision.status] ?? decision.status}`,
    body: excerpt(decision.response),
    link: commentLink(c),
    recipients: commentFollowers(c),
    actorId,
    now: nowIso(),
  });
}

export async function commentReplied(
  trx: Kysely<Database>,
  actorId: string,
  reply: { id: string; commentId: string; body: string; createdAt: string },
): Promise<void> {
  const c = await commentFacts(trx, reply.commentId);
  await notify(trx, {
    category: 'my_comments',
    kind: 'comment.replied',
    entity: 'comment',
    entityId: c.id,
    eventKey: `comment.replied:${reply.id}`,
    title: `New reply on ${c.ref} (${c.artefactReference})`,
    body: excerpt(reply.body),
    link: commentLink(c),
    recipients: commentFollowers(c),
    actorId,
    now: reply.createdAt,
  });
}

/**
 * A published version: the artefact's followers hear of it, and the followers of each comment
 * it resolves hear that it was incorporated.
 */
export async function versionPublished(
  trx: Kysely<Database>,
  actorId: string,
  version: { id: string; artefactId: string; label: string; changeNote: string; createdAt: string },
  resolvedRefs: readonly string[],
): Promise<void> {
  const artefact = await trx
    .selectFrom('artefacts')
    .select(['slug', 'reference'])
    .where('id', '=', version.artefactId)
    .executeTakeFirstOrThrow();
  await notify(trx, {
    category: 'versions',
    kind: 'version.published',
    entity: 'version',
    entityId: version.id,
    eventKey: `version.published:${version.id}`,
    title: `New version of ${artefact.reference}: ${version.label}`,
    body: excerpt(version.changeNote),
    link: `/artefacts/${artefact.slug}?version=${version.id}`,
    recipients: followersOf('artefact', version.artefactId),
    actorId,
    now: version.createdAt,
  });
  if (!resolvedRefs.length) return;
  const resolved = await trx
    .selectFrom('comments')
    .select('id')
    .where('artefactId', '=', version.artefactId)
    .where('ref', 'in', resolvedRefs)
    .execute();
  for (const { id } of resolved) {
    const c = await commentFacts(trx, id);
    await notify(trx, {
      category: 'my_comments',
      kind: 'comment.incorporated',
      entity: 'comment',
      entityId: c.id,
      eventKey: `comment.incorporated:${version.id}:${c.id}`,
      title: `${c.ref} incorporated in ${c.artefactReference} ${version.label}`,
      body: excerpt(version.changeNote),
      link: commentLink(c),
      recipients: commentFollowers(c),
      actorId,
      now: version.createdAt,
    });
  }
}
