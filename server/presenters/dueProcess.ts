import type { DueProcessResponseRow } from '../db/queries/dueProcess.js';
import { DUE_PROCESS_CONFIRMATIONS, type DueProcessSummary } from '../domain/dueProcess.js';

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

/**
 * The summary as a reader may see it: coverage and non-responders for everyone, but another
 * organisation's refusals (what it said and what the programme answered) only for those who see
 * every response. `ownOrganisationId` is null for them.
 */
export function presentDueProcessSummary(
  summary: DueProcessSummary,
  ownOrganisationId: string | null,
) {
  return {
    participants: summary.participants,
    responses: summary.responses,
    nonResponders: summary.nonResponders,
    confirmations: summary.confirmations,
    refusals:
      ownOrganisationId === null
        ? summary.refusals
        : summary.refusals.filter((r) => r.organisation.id === ownOrganisationId),
    lessonsLearnt: summary.lessonsLearnt,
  };
}
