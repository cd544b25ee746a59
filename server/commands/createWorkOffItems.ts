import type { Kysely } from 'kysely';
import type { Db, DialectName } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { lockM6State } from '../db/m6Lock.js';
import type { Database } from '../db/schema.js';
import {
  WORK_OFF_CHANGE_STATUSES,
  defaultChangeOwner,
  isWorkOffChange,
} from '../domain/workOff.js';
import { newId, nowIso } from '../lib/ids.js';
import { workOffAssigned } from '../notifications/programmeEvents.js';

export type WorkOffSource = { commentId: string } | { changeId: string };

interface NewItem {
  commentId: string | null;
  changeId: string | null;
  ownerCode: string | null;
}

/**
 * Inserts items, skipping any source that already has one: the unique indexes on comment_id and
 * change_id make "one item per source" hold however many writers race. Returns the ids inserted.
 */
async function insertItems(
  trx: Kysely<Database>,
  baselineId: string,
  items: NewItem[],
  at: string,
): Promise<string[]> {
  if (!items.length) return [];
  const rows = await trx
    .insertInto('workOffItems')
    .values(
      items.map((item) => ({
        id: newId(),
        baselineId,
        ...item,
        target: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

async function changeOwners(trx: Kysely<Database>, changeIds: string[]) {
  if (!changeIds.length) return new Map<string, string | null>();
  const links = await trx
    .selectFrom('changeArtefacts as ca')
    .innerJoin('artefacts as a', 'a.id', 'ca.artefactId')
    .select(['ca.changeId', 'a.code'])
    .where('ca.changeId', 'in', changeIds)
    .execute();
  return new Map(
    changeIds.map((id) => [
      id,
      defaultChangeOwner(links.filter((l) => l.changeId === id).map((l) => l.code)),
    ]),
  );
}

/**
 * At the M6 baseline: every deferred comment and every live post-M6 change becomes a work-off
 * item. Runs inside the approval's transaction; returns how many items it made.
 */
export async function createWorkOffItems(
  trx: Kysely<Database>,
  baselineId: string,
  at: string,
): Promise<number> {
  const [comments, changes] = await Promise.all([
    trx
      .selectFrom('comments as c')
      .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
      .select(['c.id', 'a.code'])
      .where('c.status', '=', 'deferred')
      .orderBy('c.ref')
      .execute(),
    trx
      .selectFrom('changes')
      .select('id')
      .where('postM6', '=', 1)
      .where('status', 'in', WORK_OFF_CHANGE_STATUSES)
      .orderBy('id')
      .execute(),
  ]);
  const owners = await changeOwners(
    trx,
    changes.map((c) => c.id),
  );
  const made = await insertItems(
    trx,
    baselineId,
    [
      ...comments.map((c) => ({ commentId: c.id, changeId: null, ownerCode: c.code })),
      ...changes.map((c) => ({
        commentId: null,
        changeId: c.id,
        ownerCode: owners.get(c.id) ?? null,
      })),
    ],
    at,
  );
  // The approver is not a code body: every owning code body hears of its items.
  await workOffAssigned(trx, null, made, at);
  return made.length;
}

/**
 * After the baseline, a comment deferred or a post-M6 change raised or approved becomes a work-off
 * item, once. Before the baseline nothing is made: the approval makes them all. Holds the M6 state
 * lock (shared) so that an approval running at the same moment either sees this source or is seen
 * by it; callers take it first in their transaction (as m6Lock.ts asks), and taking it again here
 * is harmless. Returns the new item's id, or null when none was made.
 */
export async function addWorkOffItem(
  trx: Kysely<Database>,
  dialect: DialectName,
  actorId: string | null,
  source: WorkOffSource,
): Promise<string | null> {
  await lockM6State(trx, dialect, 'shared');
  const baseline = await trx.selectFrom('baselines').select('id').executeTakeFirst();
  if (!baseline) return null;
  let item: NewItem;
  if ('commentId' in source) {
    const comment = await trx
      .selectFrom('comments as c')
      .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
      .select(['c.status', 'a.code'])
      .where('c.id', '=', source.commentId)
      .executeTakeFirst();
    if (comment?.status !== 'deferred') return null;
    item = { commentId: source.commentId, changeId: null, ownerCode: comment.code };
  } else {
    const change = await trx
      .selectFrom('changes')
      .select(['postM6', 'status'])
      .where('id', '=', source.changeId)
      .executeTakeFirst();
    if (!change || !isWorkOffChange(change)) return null;
    const owners = await changeOwners(trx, [source.changeId]);
    item = {
      commentId: null,
      changeId: source.changeId,
      ownerCode: owners.get(source.changeId) ?? null,
    };
  }
  const [id] = await insertItems(trx, baseline.id, [item], nowIso());
  if (!id) return null;
  await workOffAssigned(trx, actorId, [id]);
  await writeAudit(trx, {
    actorId,
    action: 'workOff.create',
    entity: 'workOffItem',
    entityId: id,
    after: { ...item, baselineId: baseline.id },
  });
  return id;
}

/** addWorkOffItem in a transaction of its own. */
export async function createWorkOffItem(
  db: Db,
  actorId: string | null,
  source: WorkOffSource,
): Promise<string | null> {
  return db.kysely.transaction().execute((trx) => addWorkOffItem(trx, db.dialect, actorId, source));
}
