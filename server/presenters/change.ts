import { z } from 'zod';
import type { ChangeRow } from '../db/queries/changes.js';
import { CHANGE_STATUSES, CHANGE_TYPES } from '../domain/vocabulary.js';

export const changeSchema = z.object({
  id: z.string().describe('e.g. CR053 or DIN-0179'),
  type: z.enum(CHANGE_TYPES),
  title: z.string(),
  status: z.enum(CHANGE_STATUSES),
  decidedAt: z.string().nullable(),
  postM6: z
    .boolean()
    .describe('Approved for after M6: the only kind a baselined artefact may take a version for'),
  affects: z.array(
    z.object({
      artefactId: z.string(),
      slug: z.string(),
      reference: z.string(),
      code: z.string(),
      noCodeImpact: z
        .boolean()
        .describe('Its code body says the change needs no code change in this artefact'),
      noImpactReason: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function presentChange(row: ChangeRow): z.infer<typeof changeSchema> {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    status: row.status,
    decidedAt: row.decidedAt,
    postM6: Number(row.postM6) === 1,
    affects: row.affects.map((a) => ({
      artefactId: a.artefactId,
      slug: a.slug,
      reference: a.reference,
      code: a.code,
      noCodeImpact: a.noCodeImpact,
      noImpactReason: a.noImpactReason,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
