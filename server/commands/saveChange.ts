import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import { lockM6State } from '../db/m6Lock.js';
import type { ChangeStatus } from '../db/queries/changes.js';
import type { Database } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';
import { addWorkOffItem } from './createWorkOffItems.js';

export interface CreateChangeInput {
  /** CR053, DIN-0179: the type follows from it. */
  id: string;
  title: string;
  status: ChangeStatus;
  decidedAt?: string | null;
  postM6?: boolean;
  /** Artefact ids or slugs. */
  artefacts?: string[];
}

export type UpdateChangeInput = Partial<Omit<CreateChangeInput, 'id'>>;

export const changeType = (id: string): 'CR' | 'DIN' => (id.startsWith('DIN') ? 'DIN' : 'CR');

/** Artefact ids or slugs -> ids, in the order given; 400 naming any that are unknown. */
async function resolveArtefacts(trx: Kysely<Database>, keys: string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const found = await trx
    .selectFrom('artefacts')
    .select(['id', 'slug'])
    .where((eb) => eb.or([eb('id', 'in', wanted), eb('slug', 'in', wanted)]))
    .execute();
  const missing = wanted.filter((key) => !found.some((a) => a.id === key || a.slug === key));
  if (missing.length)
    throw badRequest(`body.artefacts: unknown artefact ${missing.map((m) => `"${m}"`).join(', ')}`);
  const ids = wanted.map((key) => found.find((a) => a.id === key || a.slug === key)?.id ?? key);
  return [...new Set(ids)];
}

async function linkedArtefacts(trx: Kysely<Database>, changeId: string) {
  return trx
    .selectFrom('changeArtefacts')
    .select(['artefactId', 'noCodeImpact', 'noImpactReason'])
    .where('changeId', '=', changeId)
    .orderBy('artefactId')
    .execute();
}

/** Records a CR or DIN and the artefacts it affects. */
export async function createChange(db: Db, actor: Actor, input: CreateChangeInput): Promise<void> {
  authorize(actor, 'change.create');
  const duplicate = () => conflict(`A change with id "${input.id}" already exists`);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      // A post-M6 change may make a work-off item: the M6 lock first, as every holder takes it.
      await lockM6State(trx, db.dialect, 'shared');
      const taken = await trx
        .selectFrom('changes')
        .select('id')
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (taken) throw duplicate();
      const artefactIds = await resolveArtefacts(trx, input.artefacts ?? []);
      const now = nowIso();
      const change = {
        id: input.id,
        type: changeType(input.id),
        title: input.title,
        status: input.status,
        decidedAt: input.decidedAt ?? null,
        postM6: input.postM6 ? 1 : 0,
        createdAt: now,
        updatedAt: now,
      };
      await trx.insertInto('changes').values(change).execute();
      if (artefactIds.length)
        await trx
          .insertInto('changeArtefacts')
          .values(
            artefactIds.map((artefactId) => ({
              changeId: change.id,
              artefactId,
              noCodeImpact: 0,
              noImpactReason: null,
            })),
          )
          .execute();
      await writeAudit(trx, {
        actorId: actor.id,
        action: 'change.create',
        entity: 'change',
        entityId: change.id,
        after: { ...change, postM6: change.postM6 === 1, artefactIds },
      });
      await addWorkOffItem(trx, db.dialect, actor.id, { changeId: change.id });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}

/**
 * Edits a change. `artefacts`, when given, is the whole new set: links that stay keep their
 * no-code-impact marks, links that go lose them.
 */
export async function updateChange(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateChangeInput,
): Promise<void> {
  authorize(actor, 'change.update');
  await db.kysely.transaction().execute(async (trx) => {
    await lockM6State(trx, db.dialect, 'shared');
    const current = await trx
      .selectFrom('changes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound(`No change with id "${id}"`);
    const links = await linkedArtefacts(trx, id);
    const beforeIds = links.map((l) => l.artefactId);

    const fields = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.decidedAt !== undefined && { decidedAt: input.decidedAt }),
      ...(input.postM6 !== undefined && { postM6: input.postM6 ? 1 : 0 }),
    };
    const updatedAt = nowIso();
    await trx
      .updateTable('changes')
      .set({ ...fields, updatedAt })
      .where('id', '=', id)
      .execute();

    let afterIds = beforeIds;
    if (input.artefacts !== undefined) {
      afterIds = await resolveArtefacts(trx, input.artefacts);
      const dropped = beforeIds.filter((a) => !afterIds.includes(a));
      const added = afterIds.filter((a) => !beforeIds.includes(a));
      if (dropped.length)
        await trx
          .deleteFrom('changeArtefacts')
          .where('changeId', '=', id)
          .where('artefactId', 'in', dropped)
          .execute();
      if (added.length)
        await trx
          .insertInto('changeArtefacts')
          .values(
            added.map((artefactId) => ({
              changeId: id,
              artefactId,
              noCodeImpact: 0,
              noImpactReason: null,
            })),
          )
          .execute();
    }

    const view = (row: typeof current, artefactIds: string[]) => ({
      title: row.title,
      status: row.status,
      decidedAt: row.decidedAt,
      postM6: Number(row.postM6) === 1,
      artefactIds: [...artefactIds].sort(),
    });
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'change.update',
      entity: 'change',
      entityId: id,
      before: view(current, beforeIds),
      after: view({ ...current, ...fields }, afterIds),
    });
    await addWorkOffItem(trx, db.dialect, actor.id, { changeId: id });
  });
}
