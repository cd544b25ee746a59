// Import: what row validation is told about the registry and the importer.

import type { LogArtefact } from './artefactLabels.js';
import type { ImportOrganisation } from './organisations.js';
import type { Resolved } from './resolved.js';

/** A published version a log row may comment on, with its clauses by ref. */
export interface ImportVersion {
  id: string;
  label: string;
  /** In the M6 baseline: its text takes no new comments. */
  baselined: boolean;
  clauses: ReadonlyMap<string, { heading: string | null; text: string }>;
}

export interface ImportArtefact extends LogArtefact {
  /** How the log names it (see artefactLabels). */
  label: string;
  /** Label of the current version, or null when nothing is published. */
  currentVersionLabel: string | null;
  currentVersionId: string | null;
  /** The current version and every version the log names, by label key (see text.ts `key`). */
  versions: ReadonlyMap<string, ImportVersion>;
}

/** What row validation needs to know about the registry and the importer. */
export interface ImportContext {
  resolveArtefact(label: string): Resolved<ImportArtefact>;
  resolveOrganisation(name: string): Resolved<ImportOrganisation>;
  /** A change register id (CR053, DIN-0179) as the register spells it, if it is registered. */
  resolveChange(id: string): Resolved<string>;
  /** Null when the importer may import comments on this artefact, else why not. */
  permissionProblem(artefact: ImportArtefact): string | null;
  /** Null when the version's text may take comments, else why not (it is baselined). */
  textProblem(artefact: ImportArtefact, version: ImportVersion): string | null;
  /** The comment counter: the highest C-number this system has issued. */
  lastCommentNumber: number;
  now: Date;
}
