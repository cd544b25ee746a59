// The codes' glossaries merged: every defined term with its definitions across BSC Annex X-1, REC
// Schedule 1 and the configured list, and where two of them disagree. Pure: callers load the text.

export {
  buildGlossary,
  type ClausePlace,
  type ConfiguredGlossary,
  type DefinitionSource,
  type GlossaryDefinition,
  type GlossaryEntry,
  type GlossarySource,
} from './buildGlossary.js';
export {
  extractDefinitions,
  normaliseDefinition,
  tidyDefinition,
  type Definition,
} from './extractDefinitions.js';

/** The artefacts whose current versions are the codes' glossaries. */
export const GLOSSARY_ARTEFACTS: readonly { code: string; reference: string }[] = [
  { code: 'BSC', reference: 'Section X Annex X-1' },
  { code: 'BSC', reference: 'Section X Annex X-2' },
  { code: 'REC', reference: 'Schedule 1' },
];

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export const isGlossaryArtefact = (a: { code: string; reference: string }) =>
  GLOSSARY_ARTEFACTS.some((g) => g.code === a.code && squash(g.reference) === squash(a.reference));
