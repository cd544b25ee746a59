import type { DueProcessResponseRow } from '../db/queries/dueProcess.js';
import { DUE_PROCESS_CONFIRMATIONS } from '../domain/dueProcess.js';

export function presentDueProcessResponse(row: DueProcessResponseRow) {
  return {
    id: row.id,
    organisation: { id: row.organisationId, name: row.organisationName },
    answers: Object.fromEntries(
      DUE_PROCESS_CONFIRMATIONS.map(({ key }) => [
        key,
        {
          confirmed: row.answers[key]?.confirmed === true,
          text: row.answers[key]?.text ?? null,
        },
      ]),
    ),
    lessonsLearnt: row.lessonsLearnt,
    submittedBy: row.submittedBy ? { id: row.submittedBy, name: row.submittedByName ?? '' } : null,
    submittedAt: row.submittedAt,
  };
}
