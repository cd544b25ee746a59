import type { ClausePlace, GlossaryEntry } from '../domain/glossary/index.js';
import { clauseAnchor } from './crossReference.js';

function presentPlace(p: ClausePlace) {
  const anchor = p.anchor ?? clauseAnchor(p.clauseRef);
  return {
    code: p.code,
    reference: p.reference,
    slug: p.slug,
    version: { id: p.versionId, label: p.versionLabel },
    clauseRef: p.clauseRef,
    anchor,
    href: `/artefacts/${encodeURIComponent(p.slug)}?version=${encodeURIComponent(p.versionId)}#${encodeURIComponent(anchor)}`,
  };
}

/** Definitions leave as plain text: the client renders them as text, never as markup. */
export function presentGlossaryEntry(entry: GlossaryEntry) {
  return {
    term: entry.term,
    conflicting: entry.conflicting,
    configured: entry.configured,
    definitions: entry.definitions.map((d) => ({
      text: d.text,
      source:
        d.source.kind === 'artefact'
          ? { kind: 'artefact' as const, ...presentPlace(d.source) }
          : {
              kind: 'configured' as const,
              definedAt: d.source.definedAt,
              from: d.source.from && presentPlace(d.source.from),
            },
    })),
  };
}
