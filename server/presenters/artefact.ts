import { z } from 'zod';
import type { ArtefactListRow } from '../db/queries/artefacts.js';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../domain/artefactLifecycle.js';
import { ARTEFACT_KINDS, BRAG_VALUES, type ArtefactKind, type Brag } from '../domain/vocabulary.js';

export const bragSourceSchema = z
  .enum(['computed', 'override'])
  .describe('Whether the BRAG is computed from readiness or set by the programme with a reason');

export const artefactSchema = z.object({
  id: z.string(),
  slug: z.string().describe('Readable id, usable wherever an artefact id is'),
  code: z.string().describe('BSC, REC or DCUSA'),
  kind: z.enum(ARTEFACT_KINDS),
  reference: z.string().describe('e.g. BSCP501 or Section S'),
  title: z.string(),
  topicArea: z.string(),
  status: z
    .enum(LIFECYCLE_STAGES)
    .describe("Where the artefact is in its life (the registry's Status)"),
  brag: z.enum(BRAG_VALUES),
  bragSource: bragSourceSchema,
  baselined: z.boolean(),
  bragOverrideReason: z.string().nullable(),
  noRequirements: z
    .object({ reason: z.string(), at: z.string().nullable(), by: z.string().nullable() })
    .nullable()
    .describe('The audited statement that no design requirements apply, and who made it when'),
  outstandingComments: z.number().int().describe('Open or triaged comments you may see'),
  totalComments: z.number().int().describe('Comments you may see'),
  currentVersion: z.object({ id: z.string(), label: z.string(), createdAt: z.string() }).nullable(),
  updatedAt: z.string(),
});

export interface CommentCounts {
  outstanding: number;
  total: number;
}

export interface Rating {
  brag: Brag;
  bragSource: 'computed' | 'override';
  baselined: boolean;
  status: LifecycleStage;
}

/**
 * Counts are as the viewer may see them; the rating and the status come from the readiness
 * evaluation. The stored `status` column keeps the registry import's text and is not shown: the
 * status follows the artefact's lifecycle (domain/artefactLifecycle.ts).
 */
export function presentArtefact(
  row: ArtefactListRow,
  counts: CommentCounts = { outstanding: 0, total: 0 },
  rating: Rating = { brag: 'red', bragSource: 'computed', baselined: false, status: 'Drafting' },
): z.infer<typeof artefactSchema> {
  return {
    id: row.id,
    slug: row.slug,
    code: row.code,
    // Checked against ARTEFACT_KINDS on every write.
    kind: row.kind as ArtefactKind,
    reference: row.reference,
    title: row.title,
    topicArea: row.topicArea,
    status: rating.status,
    brag: rating.brag,
    bragSource: rating.bragSource,
    baselined: rating.baselined,
    bragOverrideReason: row.bragOverrideReason,
    noRequirements:
      row.noRequirementsReason === null
        ? null
        : {
            reason: row.noRequirementsReason,
            at: row.noRequirementsAt,
            by: row.noRequirementsBy,
          },
    outstandingComments: counts.outstanding,
    totalComments: counts.total,
    currentVersion:
      row.currentVersionId && row.currentVersionLabel && row.currentVersionCreatedAt
        ? {
            id: row.currentVersionId,
            label: row.currentVersionLabel,
            createdAt: row.currentVersionCreatedAt,
          }
        : null,
    updatedAt: row.updatedAt,
  };
}

export type PresentedArtefact = z.infer<typeof artefactSchema>;
