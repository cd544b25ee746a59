// Plain-English checks (success criterion SC3) over the clauses of one version: capitalised terms
// that are not defined, cross-references to nothing, vague wording and over-long sentences. Pure:
// the caller supplies the glossary and the registry of artefact references.

export { carriedWaivers, type FindingOnClause } from './carryWaivers.js';
export { checkPlainEnglish, type PlainEnglishContext } from './check.js';
export {
  DEFAULT_VAGUE_TERMS,
  MAX_SENTENCE_WORDS,
  parsePlainEnglishConfig,
  sameTerm,
  tidyTermList,
  type PlainEnglishConfig,
  type TermDefinition,
} from './config.js';
export { extractDefinedTerms } from './definedTerms.js';
export {
  FINDING_KINDS,
  FINDING_STATUSES,
  type Finding,
  type FindingKind,
  type FindingStatus,
} from './findings.js';
export { referenceKeys } from './referenceKeys.js';
