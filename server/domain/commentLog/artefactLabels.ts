// How an artefact is named in a log, both ways: the label an export writes and the artefact an
// imported label means.

import type { Resolved } from './resolved.js';
import { key, squash } from './text.js';

export interface LogArtefact {
  id: string;
  slug: string;
  code: string;
  reference: string;
  title: string;
}

/** `reference: title`, spelt the one way both labelling and resolving use. */
const longLabel = (a: { reference: string; title: string }) =>
  `${squash(a.reference)}: ${squash(a.title)}`;
const labelKey = (label: string) => key(label.replace(/\s*:\s*/, ': '));

function referenceCounts(artefacts: readonly LogArtefact[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of artefacts) counts.set(key(a.reference), (counts.get(key(a.reference)) ?? 0) + 1);
  return counts;
}

/**
 * How each artefact is named in a log, by id: its reference when no other artefact in the registry
 * shares it, otherwise `reference: title` (the REC has several plain "Data Specification"s).
 */
export function artefactLabels(artefacts: readonly LogArtefact[]): Map<string, string> {
  const counts = referenceCounts(artefacts);
  return new Map(
    artefacts.map((a) => [a.id, counts.get(key(a.reference)) === 1 ? a.reference : longLabel(a)]),
  );
}

/**
 * Finds the artefact a log names, case- and space-insensitively: by its reference when that is
 * unique, by `reference: title`, or by slug.
 */
export function artefactResolver<A extends LogArtefact>(
  artefacts: readonly A[],
): (label: string) => Resolved<A> {
  const byReference = new Map<string, A[]>();
  const byLongLabel = new Map<string, A>();
  const bySlug = new Map<string, A>();
  for (const a of artefacts) {
    byReference.set(key(a.reference), [...(byReference.get(key(a.reference)) ?? []), a]);
    byLongLabel.set(labelKey(longLabel(a)), a);
    bySlug.set(key(a.slug), a);
  }
  return (label) => {
    const candidates = byReference.get(key(label)) ?? [];
    const [only] = candidates;
    if (only && candidates.length === 1) return { ok: true, value: only };
    const found = byLongLabel.get(labelKey(label)) ?? bySlug.get(key(label));
    if (found) return { ok: true, value: found };
    if (candidates.length > 1) {
      const options = candidates.map((a) => `"${longLabel(a)}"`).join(', ');
      return {
        ok: false,
        message: `"${squash(label)}" names ${candidates.length} artefacts; write one of ${options}`,
      };
    }
    return { ok: false, message: `no artefact "${squash(label)}" in the registry` };
  };
}
