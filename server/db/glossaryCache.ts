import {
  buildGlossary,
  isGlossaryArtefact,
  type ClausePlace,
  type GlossaryEntry,
  type GlossarySource,
} from '../domain/glossary/index.js';
import type { Db } from './database.js';
import { readPlainEnglishConfig } from './queries/findings.js';
import { findVersionPlaces, listCurrentVersions } from './queries/glossary.js';
import { ReadCache } from './readCache.js';
import { cachedPromise, loadVersionClauses } from './versionCache.js';

// Published versions never change, so the glossary built from a given set of current versions and
// a given configured list stays right for as long as those are what a request finds.
const glossaries = new ReadCache(8);

/**
 * The merged glossary of the current versions of the glossary artefacts and the configured list.
 * Two small reads per request; the merge itself only when a glossary is published or the list
 * changes.
 */
export async function loadGlossary(db: Db): Promise<GlossaryEntry[]> {
  const [versions, config] = await Promise.all([
    listCurrentVersions(db),
    readPlainEnglishConfig(db.kysely),
  ]);
  const glossaryVersions = versions.filter(isGlossaryArtefact);
  const key = JSON.stringify([glossaryVersions, config.definedTerms, config.definitions]);
  return cachedPromise(glossaries, key, async () => {
    const sources: GlossarySource[] = [];
    for (const v of glossaryVersions) {
      const version = await loadVersionClauses(db, v.versionId);
      if (version) sources.push({ ...v, clauses: version.clauses });
    }
    const places = new Map(
      (await findVersionPlaces(db, [...new Set(config.definitions.map((d) => d.versionId))])).map(
        (p) => [p.versionId, p],
      ),
    );
    const placeOf = (versionId: string, clauseRef: string): ClausePlace | null => {
      const p = places.get(versionId);
      return p ? { ...p, clauseRef, anchor: null } : null;
    };
    return buildGlossary(sources, {
      terms: config.definedTerms,
      definitions: config.definitions.map((d) => ({
        term: d.term,
        definition: d.definition,
        definedAt: d.definedAt,
        from: placeOf(d.versionId, d.clauseRef),
      })),
    });
  });
}
