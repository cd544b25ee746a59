// Which registry artefact a citation names. Keys are shared ("section s" is also how "Section S
// Annex S-1" can be cited), so the artefact whose own reference is the key wins, then one in the
// code the text names, then one in the citing artefact's code.

import { referenceKeys } from '../plainEnglish/referenceKeys.js';
import type { TextReference } from './parse.js';

export interface RegistryArtefact {
  id: string;
  code: string;
  reference: string;
}

export interface RegistryIndex {
  byKey: Map<string, RegistryArtefact[]>;
}

const ownKey = (a: RegistryArtefact) => a.reference.replace(/\s+/g, ' ').trim().toLowerCase();

export function registryIndex(artefacts: readonly RegistryArtefact[]): RegistryIndex {
  const byKey = new Map<string, RegistryArtefact[]>();
  for (const a of artefacts) {
    for (const key of referenceKeys(a.reference)) {
      byKey.set(key, [...(byKey.get(key) ?? []), a]);
    }
  }
  return { byKey };
}

export function resolveReference(
  ref: TextReference,
  source: RegistryArtefact,
  registry: RegistryIndex,
): RegistryArtefact | null {
  if (ref.document === null) return source;
  const named = (registry.byKey.get(ref.document) ?? []).filter(
    (a) => ref.code === null || a.code === ref.code,
  );
  if (named.length === 0) return null;
  const score = (a: RegistryArtefact) =>
    (ownKey(a) === ref.document ? 4 : 0) + (a.code === source.code ? 2 : 0);
  return [...named].sort((a, b) => score(b) - score(a))[0] ?? null;
}
