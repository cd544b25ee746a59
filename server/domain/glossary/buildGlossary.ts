import type { Clause } from '../parseClauses.js';
import { termKey } from '../plainEnglish/glossary.js';
import { extractDefinitions, normaliseDefinition } from './extractDefinitions.js';

/** A clause of a published version. */
export interface ClausePlace {
  code: string;
  reference: string;
  slug: string;
  versionId: string;
  versionLabel: string;
  clauseRef: string;
  /** Null when not known: the clause's usual anchor, made from its ref, is the one to use. */
  anchor: string | null;
}

export type DefinitionSource =
  | ({ kind: 'artefact' } & ClausePlace)
  /** The configured list; `from` is the clause whose finding the term was defined from. */
  | { kind: 'configured'; definedAt: string | null; from: ClausePlace | null };

export interface GlossaryDefinition {
  text: string;
  source: DefinitionSource;
}

export interface GlossaryEntry {
  term: string;
  definitions: GlossaryDefinition[];
  /** Two of its definitions say different things. */
  conflicting: boolean;
  /** The term is on the configured list of defined terms. */
  configured: boolean;
}

/** The current version of a glossary artefact (BSC Annex X-1, REC Schedule 1...). */
export interface GlossarySource {
  code: string;
  reference: string;
  slug: string;
  versionId: string;
  versionLabel: string;
  clauses: Clause[];
}

export interface ConfiguredGlossary {
  terms: readonly string[];
  definitions: readonly {
    term: string;
    definition: string;
    definedAt: string;
    from: ClausePlace | null;
  }[];
}

/** The key a plural files under when its singular is also defined ("Data Collectors"). */
function singularIn(key: string, keys: ReadonlySet<string>): string {
  const candidates = [
    key.endsWith('ies') ? `${key.slice(0, -3)}y` : null,
    key.endsWith('es') ? key.slice(0, -2) : null,
    key.endsWith('s') ? key.slice(0, -1) : null,
  ];
  return candidates.find((c) => c !== null && keys.has(c)) ?? key;
}

/**
 * One entry per term (case, hyphens and plurals aside) with every definition of it: from each
 * glossary source, in the order given, then from the configured list. A configured term without a
 * definition is listed with none.
 */
export function buildGlossary(
  sources: readonly GlossarySource[],
  configured: ConfiguredGlossary,
): GlossaryEntry[] {
  const found: { term: string; definition: GlossaryDefinition | null; configured: boolean }[] = [];
  for (const s of sources) {
    const anchors = new Map(s.clauses.map((c) => [c.ref, c.anchor]));
    for (const d of extractDefinitions(s.clauses)) {
      const source: DefinitionSource = {
        kind: 'artefact',
        code: s.code,
        reference: s.reference,
        slug: s.slug,
        versionId: s.versionId,
        versionLabel: s.versionLabel,
        clauseRef: d.clauseRef,
        anchor: anchors.get(d.clauseRef) ?? null,
      };
      found.push({ term: d.term, configured: false, definition: { text: d.definition, source } });
    }
  }
  for (const d of configured.definitions) {
    found.push({
      term: d.term,
      configured: true,
      definition: {
        text: d.definition,
        source: { kind: 'configured', definedAt: d.definedAt, from: d.from },
      },
    });
  }
  for (const term of configured.terms) found.push({ term, definition: null, configured: true });

  const keys = new Set(found.map((f) => termKey(f.term)));
  const entries = new Map<string, GlossaryEntry>();
  for (const f of found) {
    const key = singularIn(termKey(f.term), keys);
    let entry = entries.get(key);
    if (!entry) {
      entry = { term: f.term, definitions: [], conflicting: false, configured: false };
      entries.set(key, entry);
    }
    // The singular spelling names the entry.
    if (termKey(f.term) === key && termKey(entry.term) !== key) entry.term = f.term;
    if (f.definition) entry.definitions.push(f.definition);
    entry.configured ||= f.configured;
  }
  // "SVAA: Supplier Volume Allocation Agent" in an acronym table names another entry rather than
  // defining the acronym differently from that entry's definition.
  const namesAnEntry = (text: string) =>
    entries.has(singularIn(termKey(text.replace(/\.$/, '')), keys));
  for (const entry of entries.values()) {
    const meanings = entry.definitions.filter((d) => !namesAnEntry(d.text));
    entry.conflicting = new Set(meanings.map((d) => normaliseDefinition(d.text))).size > 1;
  }
  return [...entries.values()].sort(
    (a, b) =>
      a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }) ||
      a.term.localeCompare(b.term),
  );
}
