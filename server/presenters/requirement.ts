import { z } from 'zod';
import type { NoRequirementsStatement } from '../commands/markNoRequirements.js';
import type { RequirementRow } from '../db/queries/requirements.js';

export const requirementTraceSchema = z.object({
  artefactId: z.string(),
  slug: z.string(),
  reference: z.string(),
  code: z.string(),
  clauseRef: z.string(),
  broken: z
    .boolean()
    .describe('The artefact’s current version has no such clause, or the artefact has no version'),
});

export const requirementSchema = z.object({
  id: z.string(),
  text: z.string(),
  source: z.string(),
  traces: z.array(requirementTraceSchema),
  createdAt: z.string(),
});

export function presentRequirement(row: RequirementRow): z.infer<typeof requirementSchema> {
  return {
    id: row.id,
    text: row.text,
    source: row.source,
    traces: row.traces.map((t) => ({
      artefactId: t.artefactId,
      slug: t.slug,
      reference: t.reference,
      code: t.code,
      clauseRef: t.clauseRef,
      broken: t.broken,
    })),
    createdAt: row.createdAt,
  };
}

/** An artefact's statement that no design requirements apply to it, or null once withdrawn. */
export const noRequirementsSchema = z.object({
  artefactId: z.string(),
  noRequirements: z
    .object({
      reason: z.string(),
      at: z.string(),
      by: z.string().nullable().describe('The user who made the statement'),
    })
    .nullable(),
});

export function presentNoRequirements(
  artefactId: string,
  statement: NoRequirementsStatement | null,
): z.infer<typeof noRequirementsSchema> {
  return { artefactId, noRequirements: statement };
}
