import { query, request, segment } from '../api';
import type { AppliedProposal, NextDraft, Proposal } from '../../../server/domain/nextDraft';

export type { AppliedProposal, Proposal };

export interface PreparedDraft extends NextDraft {
  version: { id: string; label: string; createdAt: string };
  /** Every proposal considered, applied or not. */
  proposals: Proposal[];
}

export interface DraftChoices {
  skip: string[];
  choose: string[];
}

export function getNextDraft(
  artefactId: string,
  choices: DraftChoices,
  signal?: AbortSignal,
): Promise<PreparedDraft> {
  const q = query({
    skip: choices.skip.join(',') || undefined,
    choose: choices.choose.join(',') || undefined,
  });
  return request<{ data: PreparedDraft }>(`/api/artefacts/${segment(artefactId)}/next-draft${q}`, {
    signal,
  }).then((r) => r.data);
}
