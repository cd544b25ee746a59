import { request, segment } from '../api';

interface End {
  artefactId: string | null;
  reference: string | null;
  slug: string | null;
  code: string | null;
  clauseRef: string | null;
  href: string | null;
}

/** A cross-reference written in a clause of an artefact's current version. */
export interface CrossReference {
  text: string;
  resolved: boolean;
  /** The artefact citing one of its own clauses. */
  withinArtefact: boolean;
  source: End & { artefactId: string; reference: string; slug: string; code: string };
  target: End & { document: string | null };
}

export interface CrossReferences {
  data: CrossReference[];
  /** Citations from other artefacts, by their code (direction "in" only). */
  countsByCode?: Record<string, number>;
  /** Citations from the artefact's own clauses (direction "in" only). */
  withinArtefact?: number;
}

export const listReferences = (artefactId: string, direction: 'in' | 'out', signal?: AbortSignal) =>
  request<CrossReferences>(
    `/api/artefacts/${segment(artefactId)}/references?direction=${direction}`,
    { signal },
  );

/** Groups references by one end's clause. */
export function referencesByClause(
  references: readonly CrossReference[],
  end: 'source' | 'target',
): Map<string, CrossReference[]> {
  const map = new Map<string, CrossReference[]>();
  for (const r of references) {
    const ref = r[end].clauseRef;
    if (ref !== null) map.set(ref, [...(map.get(ref) ?? []), r]);
  }
  return map;
}
