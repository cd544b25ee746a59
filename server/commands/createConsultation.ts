import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { ConsultationRow } from '../db/queries/consultations.js';
import { badRequest } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';

export interface CreateConsultationInput {
  title: string;
  opensAt: string;
  closesAt: string;
  /** Artefact ids or slugs. */
  artefacts: string[];
}

export async function createConsultation(
  db: Db,
  actor: Actor,
  input: CreateConsultationInput,
): Promise<ConsultationRow> {
  if (input.closesAt <= input.opensAt) throw badRequest('body.closesAt: must be after opensAt');
  return db.kysely.transaction().execute(async (trx) => {
    const wanted = [...new Set(input.artefacts)];
    const found = await trx
      .selectFrom('artefacts')
      .select(['id', 'slug'])
      .where((eb) => eb.or([eb('id', 'in', wanted), eb('slug', 'in', wanted)]))
      .execute();
    const missing = wanted.filter((key) => !found.some((a) => a.id === key || a.slug === key));
    if (missing.length)
      throw badRequest(
        `body.artefacts: unknown artefact ${missing.map((m) => `"${m}"`).join(', ')}`,
      );
    const consultation = {
      id: newId(),
      title: input.title,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      createdBy: actor.id,
      createdAt: nowIso(),
    };
    await trx.insertInto('consultations').values(consultation).execute();
    const artefactIds = [...new Set(found.map((a) => a.id))];
    await trx
      .insertInto('consultationArtefacts')
      .values(artefactIds.map((artefactId) => ({ consultationId: consultation.id, artefactId })))
      .execute();
    const created = { ...consultation, artefactIds };
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'consultation.create',
      entity: 'consultation',
      entityId: consultation.id,
      after: created,
    });
    return created;
  });
}
