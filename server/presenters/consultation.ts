import type { ConsultationHistoryRow, ConsultationRow } from '../db/queries/consultations.js';
import { windowChangeKind } from '../domain/consultationControl.js';
import { windowState } from '../domain/consultationWindow.js';

function presentChange(row: ConsultationHistoryRow) {
  const before = JSON.parse(row.before ?? '{}') as { closesAt: string };
  const after = JSON.parse(row.after ?? '{}') as { closesAt: string; reason: string };
  return {
    kind:
      row.action === 'consultation.close'
        ? ('close' as const)
        : windowChangeKind(before, after, row.at),
    by: row.actorName,
    at: row.at,
    fromClosesAt: before.closesAt,
    toClosesAt: after.closesAt,
    reason: after.reason,
  };
}

export function presentConsultation(
  row: ConsultationRow,
  now: string,
  history: readonly ConsultationHistoryRow[] = [],
) {
  return {
    id: row.id,
    title: row.title,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    state: windowState(row, now),
    artefactIds: row.artefactIds,
    createdAt: row.createdAt,
    revision: row.revision,
    history: history.filter((h) => h.consultationId === row.id).map(presentChange),
  };
}
