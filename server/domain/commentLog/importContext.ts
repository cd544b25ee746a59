// Import: what row validation is told about the registry and the importer.

import type { LogArtefact } from './artefactLabels.js';
import type { ImportOrganisation } from './organisations.js';
import type { Resolved } from './resolved.js';

export interface ImportArtefact extends LogArtefact {
  /** How the log names it (see artefactLabels). */
  label: string;
  /** Label of the current version, or null when nothing is published. */
  currentVersionLabel: string | null;
  currentVersionId: string | null;
  clauseRefs: ReadonlySet<string>;
}

/** What row validation needs to know about the registry and the importer. */
export interface ImportContext {
  resolveArtefact(label: string): Resolved<ImportArtefact>;
  resolveOrganisation(name: string): Resolved<ImportOrganisation>;
  /** Null when the importer may import comments on this artefact, else why not. */
  permissionProblem(artefact: ImportArtefact): string | null;
  /** Null when the artefact's current version may take comments, else why not (it is baselined). */
  textProblem?(artefact: ImportArtefact): string | null;
  /** The comment counter: the highest C-number this system has issued. */
  lastCommentNumber: number;
  now: Date;
}
