export { clauseCitations, parseReferences, type TextReference } from './parse.js';
export { registryIndex, resolveReference, type RegistryArtefact } from './resolve.js';
export { brokenCitationMessage, renumbering } from './consistency.js';
