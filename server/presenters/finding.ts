import type { DefinedTerm } from '../commands/defineTerm.js';
import type { FindingListRow } from '../db/queries/findings.js';
import {
  DEFAULT_VAGUE_TERMS,
  MAX_SENTENCE_WORDS,
  type PlainEnglishConfig,
} from '../domain/plainEnglish/index.js';

export function presentFinding(row: FindingListRow) {
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
    /** A waiver carried from the previous version of an unchanged clause: that version's label. */
    carriedFrom: row.carriedFrom,
    carriedFromFindingId: row.carriedFromFindingId,
  };
}

export function presentPlainEnglishConfig(config: PlainEnglishConfig) {
  return {
    definedTerms: config.definedTerms,
    vagueTerms: config.vagueTerms,
    /** Where some defined terms came from: "Define this term" on a finding. */
    definitions: config.definitions,
    /** Always checked, in addition to `vagueTerms`. */
    defaultVagueTerms: [...DEFAULT_VAGUE_TERMS],
    maxSentenceWords: MAX_SENTENCE_WORDS,
  };
}

export function presentDefinedTerm(defined: DefinedTerm) {
  return { definition: defined.definition, rechecked: defined.rechecked };
}
