import type { ConsultationRow } from '../db/queries/consultations.js';
import { windowState } from '../domain/consultationWindow.js';

export function presentConsultation(row: ConsultationRow, now: string) {
  return {
    id: row.id,
    title: row.title,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    state: windowState(row, now),
    artefactIds: row.artefactIds,
    createdAt: row.createdAt,
  };
}
