import { query, request, segment, type Version, type VersionRef } from '../api';
import type {
  ClauseChange as DomainClauseChange,
  RedlineStats,
} from '../../../server/domain/redline';

export type { RedlineStats };

/** What the redline endpoint lists: changed clauses only. */
export type ClauseChange = Exclude<DomainClauseChange, 'unchanged'>;

export interface RedlineClause {
  /** The clause's ref in the newer version; for a removed clause, its ref in the older one. */
  ref: string;
  /** The older ref of a clause whose number changed. */
  fromRef?: string;
  change: ClauseChange;
  textChanged: boolean;
  /** Server-built from escaped text; only `<ins>`, `<del>`, `<br>` and table markup. */
  html: string;
  /** A removed clause whose text now stands in this clause of the newer version. */
  mergedInto?: string;
  /** An added clause holding the rest of this clause of the older version. */
  splitFrom?: string;
  /** Too long to compare word by word: changed sentences are shown whole. */
  coarse?: boolean;
}

export interface RedlineMapping {
  fromRef: string | null;
  toRef: string | null;
  change: DomainClauseChange;
}

export interface Redline {
  from: VersionRef;
  to: VersionRef;
  stats: RedlineStats;
  /** Changed clauses only, in reading order. */
  clauses: RedlineClause[];
  /** Every clause of either version: where it went. */
  mapping: RedlineMapping[];
  /** Clauses that moved, by the ref they had. */
  movedAway: { fromRef: string; toRef: string }[];
  /** How the comparison was made, where the reader should know. */
  notes: string[];
  /** Every clause, as `section.redline-clause` elements; server-built from escaped text. */
  documentHtml: string;
}

export const getRedline = (
  artefactId: string,
  fromId: string,
  toId: string,
  signal?: AbortSignal,
) =>
  request<Redline>(
    `/api/artefacts/${segment(artefactId)}/redline${query({ from: fromId, to: toId })}`,
    { signal },
  );

interface VersionFields {
  label: string;
  changeNote: string;
  /** Change ids such as CR053 or DIN-0179. */
  incorporates: string[];
  /** Refs of the accepted comments whose proposals the version applies. */
  resolves?: string[];
}

export type NewVersion =
  | (VersionFields & { source: 'markdown'; body: string })
  | (VersionFields & { source: 'word'; file: File });

/** A version just published, with what the server noticed in the upload. */
export interface PublishedVersion extends Version {
  /** Plain-English notes on a Word upload, e.g. its tracked changes were accepted; often none. */
  warnings: string[];
}

/** Publishes Markdown as JSON, or a Word document as multipart/form-data with its fields. */
export function publishVersion(artefactId: string, version: NewVersion): Promise<PublishedVersion> {
  const path = `/api/artefacts/${segment(artefactId)}/versions`;
  const { label, changeNote, incorporates, resolves = [] } = version;
  if (version.source === 'markdown') {
    return request<{ data: PublishedVersion }>(path, {
      method: 'POST',
      body: { label, changeNote, incorporates, resolves, body: version.body },
    }).then((r) => r.data);
  }
  const form = new FormData();
  form.append('label', label);
  form.append('changeNote', changeNote);
  form.append('incorporates', incorporates.join(','));
  form.append('resolves', resolves.join(','));
  form.append('file', version.file, version.file.name);
  return request<{ data: PublishedVersion }>(path, { method: 'POST', form }).then((r) => r.data);
}

const count = new Intl.NumberFormat('en-GB');

/** "1 added · 0 removed · 3 modified · 137 renumbered (number only) · 1 moved · 1,204 words inserted · 310 deleted" */
export function describeStats(s: RedlineStats): string {
  return [
    `${count.format(s.added)} added`,
    `${count.format(s.removed)} removed`,
    `${count.format(s.modified)} modified`,
    `${count.format(s.renumbered)} renumbered (number only)`,
    `${count.format(s.moved)} moved`,
    `${count.format(s.wordsInserted)} word${s.wordsInserted === 1 ? '' : 's'} inserted`,
    `${count.format(s.wordsDeleted)} deleted`,
  ].join(' · ');
}

export const CHANGE_LABELS: Record<ClauseChange, string> = {
  added: 'Added',
  removed: 'Removed',
  modified: 'Modified',
  moved: 'Moved',
  renumbered: 'Renumbered (number only)',
};
