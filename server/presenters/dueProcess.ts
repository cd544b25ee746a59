import { z } from 'zod';
import type { DueProcessResponseRow } from '../db/queries/dueProcess.js';
import {
  DUE_PROCESS_CONFIRMATIONS,
  DUE_PROCESS_KEYS,
  type DueProcessAnswers,
  type DueProcessKey,
  type DueProcessSummary,
} from '../domain/dueProcess.js';

const answerSchema = z.object({
  confirmed: z.boolean(),
  text: z.string().nullable().describe('What the organisation said, e.g. why it cannot confirm'),
});

const organisationRefSchema = z.object({ id: z.string(), name: z.string() });

export const dueProcessResponseSchema = z.object({
  id: z.string(),
  organisation: organisationRefSchema,
  answers: z
    .object(
      Object.fromEntries(DUE_PROCESS_KEYS.map((key) => [key, answerSchema])) as Record<
        DueProcessKey,
        typeof answerSchema
      >,
    )
    .describe('One answer per due-process confirmation, by its key'),
  lessonsLearnt: z.string(),
  submittedBy: organisationRefSchema.nullable().describe('The user who submitted it'),
  submittedAt: z.string(),
});

export function presentDueProcessResponse(
  row: DueProcessResponseRow,
): z.infer<typeof dueProcessResponseSchema> {
  const answers = Object.fromEntries(
    DUE_PROCESS_CONFIRMATIONS.map(({ key }) => [
      key,
      { confirmed: row.answers[key]?.confirmed === true, text: row.answers[key]?.text ?? null },
    ]),
  ) as DueProcessAnswers;
  return {
    id: row.id,
    organisation: { id: row.organisationId, name: row.organisationName },
    answers,
    lessonsLearnt: row.lessonsLearnt,
    submittedBy: row.submittedBy ? { id: row.submittedBy, name: row.submittedByName ?? '' } : null,
    submittedAt: row.submittedAt,
  };
}

/** The programme's answer to an organisation's refusal of a confirmation. */
export const programmeResponseSchema = z.object({ text: z.string(), respondedAt: z.string() });

export const dueProcessSummarySchema = z.object({
  participants: z
    .number()
    .int()
    .describe('Participant organisations: coverage is over all of them'),
  responses: z.number().int(),
  nonResponders: z.array(organisationRefSchema),
  confirmations: z.array(
    z.object({
      key: z.enum(DUE_PROCESS_KEYS),
      text: z.string(),
      confirmed: z.number().int().describe('Responders giving this confirmation'),
      share: z.number().describe('`confirmed` over the responders, 0 to 1 (0 with none)'),
    }),
  ),
  refusals: z
    .array(
      z.object({
        responseId: z.string(),
        organisation: organisationRefSchema,
        key: z.enum(DUE_PROCESS_KEYS),
        confirmation: z.string(),
        text: z.string().nullable(),
        programmeResponse: programmeResponseSchema.nullable(),
      }),
    )
    .describe('Every refusal for those who see every response; your organisation’s otherwise'),
  lessonsLearnt: z.array(z.string()),
});

/**
 * The summary as a reader may see it: coverage and non-responders for everyone, but another
 * organisation's refusals (what it said and what the programme answered) only for those who see
 * every response. `ownOrganisationId` is null for them.
 */
export function presentDueProcessSummary(
  summary: DueProcessSummary,
  ownOrganisationId: string | null,
): z.infer<typeof dueProcessSummarySchema> {
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
