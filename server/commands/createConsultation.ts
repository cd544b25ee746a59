import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { lockM6State } from '../db/m6Lock.js';
import type { ConsultationRow } from '../db/queries/consultations.js';
import type { Database } from '../db/schema.js';
import { badRequest, conflict } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';
import { announceConsultation } from '../notifications/consultationEvents.js';

export interface CreateConsultationInput {
  title: string;
  opensAt: string;
  closesAt: string;
  /** Artefact ids or slugs. */
  artefacts: string[];
}

/**
 * Exactly once: a consultation with the same title, window and artefacts as an existing one is a
 * repeat of it (a double submit, or one request retried on another instance), not a second
 * consultation. Overlapping windows are allowed otherwise. The M6 state lock, taken first by the
 * caller's transaction, makes the check hold across instances.
 */
async function refuseRepeat(
  trx: Kysely<Database>,
  input: CreateConsultationInput,
  artefactIds: string[],
): Promise<void> {
  const same = await trx
    .selectFrom('consultations')
    .select('id')
    .where('title', '=', input.title)
    .where('opensAt', '=', input.opensAt)
    .where('closesAt', '=', input.closesAt)
    .execute();
  if (!same.length) return;
  const links = await trx
    .selectFrom('consultationArtefacts')
    .select(['consultationId', 'artefactId'])
    .where(
      'consultationId',
      'in',
      same.map((c) => c.id),
    )
    .execute();
  const wanted = [...artefactIds].sort().join(' ');
  const repeated = same.some(
    (c) =>
      links
        .filter((l) => l.consultationId === c.id)
        .map((l) => l.artefactId)
        .sort()
        .join(' ') === wanted,
  );
  if (repeated) {
    throw conflict(
      `Consultation "${input.title}" from ${input.opensAt} to ${input.closesAt} over these artefacts already exists`,
    );
  }
}

export async function createConsultation(
  db: Db,
  actor: Actor,
  input: CreateConsultationInput,
): Promise<ConsultationRow> {
  if (input.closesAt <= input.opensAt) throw badRequest('body.closesAt: must be after opensAt');
  return db.kysely.transaction().execute(async (trx) => {
    await lockM6State(trx, db.dialect, 'exclusive');
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
    const artefactIds = [...new Set(found.map((a) => a.id))];
    await refuseRepeat(trx, input, artefactIds);
    const consultation = {
      id: newId(),
      title: input.title,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      createdBy: actor.id,
      createdAt: nowIso(),
      revision: 1,
    };
    await trx.insertInto('consultations').values(consultation).execute();
    await trx
      .insertInto('consultationArtefacts')
      .values(artefactIds.map((artefactId) => ({ consultationId: consultation.id, artefactId })))
      .execute();
    const created = { ...consultation, artefactIds };
    // Already open: announced now rather than at the scheduler's next tick. A round recorded
    // after it closed was never open to anyone here, so it is not announced as open.
    const at = consultation.createdAt;
    if (consultation.opensAt <= at && at < consultation.closesAt)
      await announceConsultation(trx, 'opened', consultation, actor.id, consultation.createdAt);
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
