import { z } from 'zod';
import type { ChangeStatus } from '../../db/queries/changes.js';
import { CHANGE_ID_PATTERN, CHANGE_STATUSES } from '../../domain/vocabulary.js';

// The statuses listed are exactly those the table allows.
const _knownStatuses: readonly ChangeStatus[] = CHANGE_STATUSES;
const _allStatuses: readonly (typeof CHANGE_STATUSES)[number][] = [] as ChangeStatus[];

const artefactKey = z.string().trim().min(1).max(200);

/** Change ids are written in capitals (CR053, DIN-0179); `cr053` means the same change. */
const changeId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(CHANGE_ID_PATTERN, 'must be a change id such as CR053 or DIN-0179');

/** A decision date: `2024-08-07`, or a timestamp whose UTC date is taken. */
const decidedAt = z
  .union([
    z.iso.date(),
    z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString().slice(0, 10)),
  ])
  .nullable()
  .describe('The date the change was decided, YYYY-MM-DD');

const title = z.string().trim().min(1).max(500);

export const changeParams = z.object({
  id: z.string().trim().toUpperCase().pipe(z.string().min(1).max(50)),
});
export const changeArtefactParams = changeParams.extend({ artefactId: artefactKey });

export const listChangesQuery = z.object({
  status: z.enum(CHANGE_STATUSES).optional(),
  artefactId: artefactKey.optional().describe('An artefact id or slug'),
});

export const createChangeBody = z.object({
  id: changeId,
  title,
  status: z.enum(CHANGE_STATUSES),
  decidedAt: decidedAt.optional(),
  postM6: z.boolean().default(false),
  artefacts: z.array(artefactKey).max(500).default([]).describe('Artefact ids or slugs'),
});

export const updateChangeBody = z
  .object({
    title,
    status: z.enum(CHANGE_STATUSES),
    decidedAt,
    postM6: z.boolean(),
    artefacts: z
      .array(artefactKey)
      .max(500)
      .describe('Artefact ids or slugs: the whole new set of artefacts the change affects'),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');

export const noImpactBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'say why the change has no code impact on this artefact')
    .max(5000),
});
