import { z } from 'zod';
import { FINDING_STATUSES } from '../../domain/plainEnglish/index.js';

const id = z.string().min(1).max(200);

export const findingArtefactParams = z.object({ id });
export const findingParams = z.object({ id });

export const listFindingsQuery = z.object({
  /** A version of the artefact; its current version when absent. */
  versionId: id.optional(),
  status: z.enum(FINDING_STATUSES).optional(),
});

export const waiveFindingBody = z.object({
  reason: z.string().trim().min(1, 'give the reason for waiving the finding').max(2000),
});

export const defineTermBody = z
  .object({
    definition: z.string().trim().min(1, 'give the definition of the term').max(2000),
  })
  .strict();

const term = z.string().trim().min(1).max(200);

export const plainEnglishConfigBody = z
  .object({
    /** Defined terms beyond those of the published glossaries. */
    definedTerms: z.array(term).max(10_000).default([]),
    /** Vague words and phrases checked beyond the defaults. */
    vagueTerms: z
      .array(term.refine((t) => /[\p{L}\p{N}]/u.test(t), 'must contain a letter or digit'))
      .max(500)
      .default([]),
  })
  .strict();
