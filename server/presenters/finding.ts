import { z } from 'zod';
import type { DefinedTerm } from '../commands/defineTerm.js';
import type { FindingListRow } from '../db/queries/findings.js';
import {
  DEFAULT_VAGUE_TERMS,
  FINDING_KINDS,
  FINDING_STATUSES,
  MAX_SENTENCE_WORDS,
  type PlainEnglishConfig,
} from '../domain/plainEnglish/index.js';

export const findingSchema = z.object({
  id: z.string(),
  artefactId: z.string(),
  versionId: z.string(),
  clauseRef: z.string(),
  kind: z.enum(FINDING_KINDS),
  excerpt: z.string().describe('The words found, as written (a long sentence: its first words)'),
  message: z.string(),
  status: z.enum(FINDING_STATUSES),
  reason: z.string().nullable().describe('Why it was waived'),
  commentId: z.string().nullable().describe('The comment it was raised as'),
  commentRef: z.string().nullable(),
  decidedBy: z.string().nullable().describe('The user who waived or raised it'),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  carriedFrom: z
    .string()
    .nullable()
    .describe(
      'A waiver carried from the previous version of an unchanged clause: that version’s label',
    ),
  carriedFromFindingId: z.string().nullable(),
});

export function presentFinding(row: FindingListRow): z.infer<typeof findingSchema> {
  return {
    id: row.id,
    artefactId: row.artefactId,
    versionId: row.versionId,
    clauseRef: row.clauseRef,
    kind: row.kind,
    excerpt: row.excerpt,
    message: row.message,
    status: row.status,
    reason: row.reason,
    commentId: row.commentId,
    commentRef: row.commentRef,
    decidedBy: row.decidedBy,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt,
    carriedFrom: row.carriedFrom,
    carriedFromFindingId: row.carriedFromFindingId,
  };
}

const termDefinitionSchema = z.object({
  term: z.string(),
  definition: z.string(),
  findingId: z.string().describe('The undefined-term finding it was defined from'),
  artefactId: z.string(),
  versionId: z.string(),
  clauseRef: z.string(),
  definedBy: z.string(),
  definedAt: z.string(),
});

export const plainEnglishConfigSchema = z.object({
  definedTerms: z.array(z.string()).describe('Defined terms beyond the published glossaries'),
  vagueTerms: z.array(z.string()).describe('Vague words checked beyond the defaults'),
  definitions: z
    .array(termDefinitionSchema)
    .describe('Where some defined terms came from: "Define this term" on a finding'),
  defaultVagueTerms: z.array(z.string()).describe('Always checked, in addition to `vagueTerms`'),
  maxSentenceWords: z.number().int(),
});

export function presentPlainEnglishConfig(
  config: PlainEnglishConfig,
): z.infer<typeof plainEnglishConfigSchema> {
  return {
    definedTerms: config.definedTerms,
    vagueTerms: config.vagueTerms,
    definitions: config.definitions,
    defaultVagueTerms: [...DEFAULT_VAGUE_TERMS],
    maxSentenceWords: MAX_SENTENCE_WORDS,
  };
}

export const definedTermSchema = z.object({
  definition: termDefinitionSchema,
  rechecked: z
    .object({ versions: z.number().int(), closed: z.number().int() })
    .describe('Versions re-checked, and the undefined-term findings on them that closed'),
});

export function presentDefinedTerm(defined: DefinedTerm): z.infer<typeof definedTermSchema> {
  return { definition: defined.definition, rechecked: defined.rechecked };
}
