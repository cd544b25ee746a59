import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { Brag } from '../domain/vocabulary.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

export async function overrideBrag(
  db: Db,
  actor: Actor,
  artefact: {
    id: string;
    code: string;
    bragOverride: string | null;
    bragOverrideReason: string | null;
  },
  input: { brag: Brag | null; reason: string },
): Promise<void> {
  authorize(actor, 'brag.override', artefact);
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('artefacts')
      .set({
        bragOverride: input.brag,
        bragOverrideReason: input.brag ? input.reason : null,
        updatedAt: nowIso(),
      })
      .where('id', '=', artefact.id)
      .execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: input.brag ? 'artefact.bragOverride' : 'artefact.bragOverrideCleared',
      entity: 'artefact',
      entityId: artefact.id,
      before: { brag: artefact.bragOverride, reason: artefact.bragOverrideReason },
      after: { brag: input.brag, reason: input.reason },
    });
  });
}
