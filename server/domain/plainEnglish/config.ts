// The configurable parts of the checks: default vague terms, the sentence length limit and the
// stored per-artefact configuration of extra defined and vague terms.

export const DEFAULT_VAGUE_TERMS: readonly string[] = [
  'and/or',
  'etc.',
  'as appropriate',
  'from time to time',
];
export const MAX_SENTENCE_WORDS = 60;

export interface PlainEnglishConfig {
  definedTerms: string[];
  vagueTerms: string[];
}

/** The stored configuration, tolerating a missing or malformed value. */
export function parsePlainEnglishConfig(json: string | null | undefined): PlainEnglishConfig {
  const config: PlainEnglishConfig = { definedTerms: [], vagueTerms: [] };
  if (!json) return config;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return config;
  }
  if (typeof value !== 'object' || value === null) return config;
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  const record = value as Record<string, unknown>;
  return {
    definedTerms: strings(record.definedTerms),
    vagueTerms: strings(record.vagueTerms),
  };
}

/** Trims, drops empties and case-insensitive duplicates, keeping the first spelling. */
export function tidyTermList(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.replace(/\s+/g, ' ').trim();
    const key = term.toLowerCase();
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}
