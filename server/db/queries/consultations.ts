import type { Kysely, Selectable } from 'kysely';
import type { ConsultationWindow } from '../../domain/consultationWindow.js';
import type { Db } from '../database.js';
import type { ConsultationTable, Database } from '../schema.js';

export type ConsultationRow = Selectable<ConsultationTable> & { artefactIds: string[] };

export async function listConsultations(
  db: Db,
  artefactId?: string,
  id?: string,
): Promise<ConsultationRow[]> {
  let query = db.kysely.selectFrom('consultations').selectAll();
  if (id) query = query.where('id', '=', id);
  if (artefactId) {
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('consultationArtefacts')
        .select('consultationId')
        .where('artefactId', '=', artefactId),
    );
  }
  const consultations = await query.orderBy('opensAt', 'desc').orderBy('id').execute();
  if (consultations.length === 0) return [];
  const links = await db.kysely
    .selectFrom('consultationArtefacts')
    .select(['consultationId', 'artefactId'])
    .where(
      'consultationId',
      'in',
      consultations.map((c) => c.id),
    )
    .execute();
  return consultations.map((c) => ({
    ...c,
    artefactIds: links.filter((l) => l.consultationId === c.id).map((l) => l.artefactId),
  }));
}

/** The consultation windows covering one artefact, read through the caller's transaction. */
export async function artefactWindows(
  k: Kysely<Database>,
  artefactId: string,
): Promise<ConsultationWindow[]> {
  return k
    .selectFrom('consultations as k')
    .innerJoin('consultationArtefacts as ka', 'ka.consultationId', 'k.id')
    .select(['k.title', 'k.opensAt', 'k.closesAt'])
    .where('ka.artefactId', '=', artefactId)
    .execute();
}

export interface ConsultationHistoryRow {
  consultationId: string;
  action: string;
  actorName: string | null;
  before: string | null;
  after: string | null;
  at: string;
}

/** Closings, extensions and reopenings of these consultations, oldest first, from the audit log. */
export async function consultationHistory(
  db: Db,
  ids: string[],
): Promise<ConsultationHistoryRow[]> {
  if (ids.length === 0) return [];
  return db.kysely
    .selectFrom('auditEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select([
      'e.entityId as consultationId',
      'e.action',
      'u.name as actorName',
      'e.before',
      'e.after',
      'e.at',
    ])
    .where('e.entity', '=', 'consultation')
    .where('e.entityId', 'in', ids)
    .where('e.action', 'in', ['consultation.close', 'consultation.reschedule'])
    .orderBy('e.id')
    .execute();
}
