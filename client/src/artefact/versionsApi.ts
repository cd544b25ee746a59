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
  /** The older ref of a renumbered or moved clause. */
  fromRef?: string;
  change: ClauseChange;
  textChanged: boolean;
  /** Server-built from escaped text; only `<ins>` and `<del>` markup. */
  html: string;
}

export interface Redline {
  from: VersionRef;
  to: VersionRef;
  stats: RedlineStats;
  /** Changed clauses only, in reading order. */
  clauses: RedlineClause[];
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
}

export type NewVersion =
  | (VersionFields & { source: 'markdown'; body: string })
  | (VersionFields & { source: 'word'; file: File });

/** Publishes Markdown as JSON, or a Word document as multipart/form-data with its fields. */
export function publishVersion(artefactId: string, version: NewVersion): Promise<Version> {
  const path = `/api/artefacts/${segment(artefactId)}/versions`;
  const { label, changeNote, incorporates } = version;
  if (version.source === 'markdown') {
    return request<{ data: Version }>(path, {
      method: 'POST',
      body: { label, changeNote, incorporates, body: version.body },
    }).then((r) => r.data);
  }
  const form = new FormData();
  form.append('label', label);
  form.append('changeNote', changeNote);
  form.append('incorporates', incorporates.join(','));
  form.append('file', version.file, version.file.name);
  return request<{ data: Version }>(path, { method: 'POST', form }).then((r) => r.data);
}

const count = new Intl.NumberFormat('en-GB');

/** "3 added · 1 removed · 12 modified · 2 renumbered or moved · 1,204 words inserted · 310 deleted" */
export function describeStats(s: RedlineStats): string {
  return [
    `${count.format(s.added)} added`,
    `${count.format(s.removed)} removed`,
    `${count.format(s.modified)} modified`,
    `${count.format(s.moved)} renumbered or moved`,
    `${count.format(s.wordsInserted)} word${s.wordsInserted === 1 ? '' : 's'} inserted`,
    `${count.format(s.wordsDeleted)} deleted`,
  ].join(' · ');
}

export const CHANGE_LABELS: Record<ClauseChange, string> = {
  added: 'Added',
  removed: 'Removed',
  modified: 'Modified',
  moved: 'Renumbered or moved',
};
