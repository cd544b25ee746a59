import type { ArtefactListRow } from '../db/queries/artefacts.js';
import { computeBrag, effectiveBrag } from '../domain/brag.js';

export interface CommentCounts {
  outstanding: number;
  total: number;
}

export function presentArtefact(
  row: ArtefactListRow,
  counts: CommentCounts = { outstanding: 0, total: 0 },
) {
  const computed = computeBrag({
    hasCurrentVersion: row.currentVersionId !== null,
    outstandingComments: counts.outstanding,
    unincorporatedApprovedChanges: 0,
    consultationClosed: false,
    overdueHighSeverityComments: 0,
  });
  return {
    id: row.id,
    slug: row.slug,
    code: row.code,
    kind: row.kind,
    reference: row.reference,
    title: row.title,
    topicArea: row.topicArea,
    status: row.status,
    ...effectiveBrag(computed, row.bragOverride),
    bragOverrideReason: row.bragOverrideReason,
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
