// The configurable parts of the checks: default vague terms, the sentence length limit and the
// stored per-artefact configuration of extra defined and vague terms.

export const DEFAULT_VAGUE_TERMS: readonly string[] = [
  'and/or',
  'etc.',
  'as appropriate',
  'from time to time',
];
export const MAX_SENTENCE_WORDS = 60;

/** A configured term's definition, and where it came from: "Define this term" on a finding. */
export interface TermDefinition {
  term: string;
  definition: string;
  findingId: string;
  artefactId: string;
  versionId: string;
  clauseRef: string;
  definedBy: string;
  definedAt: string;
}

export interface PlainEnglishConfig {
  definedTerms: string[];
  vagueTerms: string[];
  /** Definitions of some of `definedTerms` (those added from a finding). */
  definitions: TermDefinition[];
}

const DEFINITION_FIELDS = [
  'term',
  'definition',
  'findingId',
  'artefactId',
  'versionId',
  'clauseRef',
  'definedBy',
  'definedAt',
] as const;

function isDefinition(value: unknown): value is TermDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return DEFINITION_FIELDS.every((field) => typeof record[field] === 'string');
}

/** The same term for the configured list: case and spacing do not matter. */
export const sameTerm = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** The stored configuration, tolerating a missing or malformed value. */
export function parsePlainEnglishConfig(json: string | null | undefined): PlainEnglishConfig {
  const config: PlainEnglishConfig = { definedTerms: [], vagueTerms: [], definitions: [] };
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
    definitions: Array.isArray(record.definitions)
      ? record.definitions.filter(isDefinition).map((d) => pick(d))
      : [],
  };
}

const pick = (d: TermDefinition): TermDefinition =>
  Object.fromEntries(DEFINITION_FIELDS.map((f) => [f, d[f]])) as unknown as TermDefinition;

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
