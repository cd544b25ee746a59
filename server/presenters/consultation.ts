import { z } from 'zod';
import type { ConsultationHistoryRow, ConsultationRow } from '../db/queries/consultations.js';
import { windowChangeKind } from '../domain/consultationControl.js';
import { windowState } from '../domain/consultationWindow.js';

const windowChangeSchema = z.object({
  kind: z.enum(['close', 'extend', 'shorten', 'reopen']),
  by: z.string().nullable(),
  at: z.string(),
  fromClosesAt: z.string(),
  toClosesAt: z.string(),
  reason: z.string(),
});

export const consultationSchema = z.object({
  id: z.string(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.enum(['upcoming', 'open', 'closed']),
  artefactIds: z.array(z.string()),
  createdAt: z.string(),
  revision: z.number().int().describe('Send it back with a change: a stale one is answered 409'),
  history: z
    .array(windowChangeSchema)
    .describe('Closings, extensions and reopenings, oldest first'),
});

function presentChange(row: ConsultationHistoryRow): z.infer<typeof windowChangeSchema> {
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
): z.infer<typeof consultationSchema> {
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
