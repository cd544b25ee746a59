import type { DueProcessResponseRow } from '../db/queries/dueProcess.js';
import { z } from 'zod';
import {
  DUE_PROCESS_CONFIRMATIONS,
  DUE_PROCESS_KEYS,
  type DueProcessSummary,
} from '../domain/dueProcess.js';

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

// ---------------------------------------------------------------------------------------------
// Added by the API-description helper (part A) for the recommendation paper's snapshot, which
// holds a due-process summary; presentDueProcessSummary's output has the same shape.
// ---------------------------------------------------------------------------------------------

const dueProcessOrganisationSchema = z.object({ id: z.string(), name: z.string() });

export const dueProcessSummarySchema = z.object({
  participants: z
    .number()
    .int()
    .describe('Participant organisations: coverage is over all of them'),
  responses: z.number().int(),
  nonResponders: z.array(dueProcessOrganisationSchema),
  confirmations: z.array(
    z.object({
      key: z.enum(DUE_PROCESS_KEYS),
      text: z.string(),
      confirmed: z.number().int(),
      share: z.number().describe('Of the responders, 0 to 1'),
    }),
  ),
  refusals: z.array(
    z.object({
      responseId: z.string(),
      organisation: dueProcessOrganisationSchema,
      key: z.enum(DUE_PROCESS_KEYS),
      confirmation: z.string(),
      text: z.string().nullable(),
      programmeResponse: z.object({ text: z.string(), respondedAt: z.string() }).nullable(),
    }),
  ),
  lessonsLearnt: z.array(z.string()),
});
