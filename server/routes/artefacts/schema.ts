import { z } from 'zod';
import { ARTEFACT_KINDS, BRAG_VALUES, CHANGE_ID_PATTERN } from '../../domain/vocabulary.js';

const code = z.string().trim().toUpperCase().pipe(z.string().min(1).max(20));

export const listArtefactsQuery = z.object({
  code: code.optional(),
  kind: z.enum(ARTEFACT_KINDS).optional(),
  brag: z.enum(BRAG_VALUES).optional(),
  q: z.string().trim().max(200).optional(),
});

export const artefactParams = z.object({ id: z.string().min(1).max(200) });
export const versionParams = artefactParams.extend({ versionId: z.string().min(1).max(200) });

const text = (max: number) => z.string().trim().min(1).max(max);

export const createArtefactBody = z.object({
  code,
  kind: z.enum(ARTEFACT_KINDS),
  reference: text(200),
  title: text(500),
  topicArea: text(200).default('Finalisation'),
  status: text(200).default('Drafting'),
});

export const updateArtefactBody = z
  .object({
    kind: z.enum(ARTEFACT_KINDS),
    reference: text(200),
    title: text(500),
    topicArea: text(200),
    status: text(200),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');

export const publishVersionBody = z.object({
  label: text(100),
  // The 5 MB limit is enforced by the command with a 413, not here with a 400.
  body: z.string().min(1, 'body must not be empty'),
  changeNote: z.string().trim().max(5000).default(''),
  incorporates: z
    .array(
      z.string().trim().regex(CHANGE_ID_PATTERN, 'must be a change id such as CR053 or DIN-0179'),
    )
    .max(500)
    .default([]),
});
