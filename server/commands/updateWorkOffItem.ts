import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { WorkOffStatus, WorkOffTarget } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';
import { workOffAssigned } from '../notifications/programmeEvents.js';

export interface UpdateWorkOffInput {
  /** A code body's code, or null to leave the item unassigned. */
  owner?: string | null;
  target?: WorkOffTarget | null;
  status?: WorkOffStatus;
  notes?: string;
  revision: number;
}

const stale = (revision: number) =>
  conflict(
    `This work-off item was changed by someone else since you loaded it (you had revision ${revision}); reload it and try again`,
  );

/**
 * The owning code body or the programme sets an item's owner, target, status or notes. Optimistic
 * concurrency: the write succeeds only at the revision the caller read, else 409. Audited.
 */
export async function updateWorkOffItem(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateWorkOffInput,
): Promise<{ revision: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('workOffItems')
      .select(['ownerCode', 'target', 'status', 'notes', 'revision'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound(`No work-off item with id "${id}"`);
    authorize(actor, 'workOff.update', { ownerCode: current.ownerCode });
    if (current.revision !== input.revision) throw stale(input.revision);
    if (input.owner) {
      const known = await trx
        .selectFrom('codeBodies')
        .select('code')
        .where('code', '=', input.owner)
        .executeTakeFirst();
      if (!known) throw badRequest(`body.owner: unknown code body "${input.owner}"`);
    }
    const fields = {
      ...(input.owner !== undefined && { ownerCode: input.owner }),
      ...(input.target !== undefined && { target: input.target }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.notes !== undefined && { notes: input.notes }),
    };
    const revision = input.revision + 1;
    const result = await trx
      .updateTable('workOffItems')
      .set({ ...fields, revision, updatedAt: nowIso(), updatedBy: actor.id })
      .where('id', '=', id)
      .where('revision', '=', input.revision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw stale(input.revision);
    if (input.owner && input.owner !== current.ownerCode)
      await workOffAssigned(trx, actor.id, [id]);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'workOff.update',
      entity: 'workOffItem',
      entityId: id,
      before: {
        ownerCode: current.ownerCode,
        target: current.target,
        status: current.status,
        notes: current.notes,
        revision: current.revision,
      },
      after: { ...fields, revision },
    });
    return { revision };
  });
}
