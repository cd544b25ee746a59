import { z } from 'zod';

const artefactKey = z.string().trim().min(1).max(200);
const clauseRef = z.string().trim().min(1).max(200);

export const requirementParams = z.object({ id: z.string().trim().min(1).max(50) });

export const listRequirementsQuery = z.object({
  artefactId: artefactKey
    .optional()
    .describe('An artefact id or slug: only the requirements traced to it'),
});

export const createRequirementBody = z.object({
  id: z.string().trim().min(1).max(50),
  text: z.string().trim().min(1).max(10_000),
  source: z.string().trim().min(1).max(500),
});

export const traceBody = z.object({
  artefactId: artefactKey.describe('An artefact id or slug'),
  clauseRef,
});

/** A trace to remove, named in the JSON body or in the query string. */
export const untraceBody = traceBody.partial().optional();
export const untraceQuery = traceBody.partial();

export const artefactParams = z.object({ id: artefactKey.describe('An artefact id or slug') });

export const noRequirementsBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'say why no design requirements apply to this artefact')
    .max(5000),
});
