import type { ArtefactListRow } from '../db/queries/artefacts.js';
import type { LifecycleStage } from '../domain/artefactLifecycle.js';
import type { Brag } from '../domain/vocabulary.js';

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
) {
  return {
    id: row.id,
    slug: row.slug,
    code: row.code,
    kind: row.kind,
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

export type PresentedArtefact = ReturnType<typeof presentArtefact>;
