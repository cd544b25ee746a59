import { z } from 'zod';
import type { ClausePlace, GlossaryEntry } from '../domain/glossary/index.js';
import { clauseAnchor } from './crossReference.js';

const placeSchema = z.object({
  code: z.string(),
  reference: z.string(),
  slug: z.string(),
  version: z.object({ id: z.string(), label: z.string() }),
  clauseRef: z.string(),
  anchor: z.string(),
  href: z.string().describe('Link to the clause in the web client'),
});

export const glossaryEntrySchema = z.object({
  term: z.string(),
  conflicting: z.boolean().describe('Two of its definitions say different things'),
  configured: z.boolean().describe('The term is on the configured list of defined terms'),
  definitions: z.array(
    z.object({
      text: z.string().describe('Plain text, never markup'),
      source: z.discriminatedUnion('kind', [
        placeSchema.extend({ kind: z.literal('artefact') }),
        z.object({
          kind: z.literal('configured'),
          definedAt: z.string().nullable(),
          from: placeSchema
            .nullable()
            .describe('The clause whose finding the term was defined from'),
        }),
      ]),
    }),
  ),
});

function presentPlace(p: ClausePlace): z.infer<typeof placeSchema> {
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
export function presentGlossaryEntry(entry: GlossaryEntry): z.infer<typeof glossaryEntrySchema> {
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
