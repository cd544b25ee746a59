// The industry comment log (DESIGN: "Comment logs in and out"): the spreadsheet columns code bodies
// and the programme exchange, how an artefact is named in it, and the checks every imported row must
// pass. Pure: callers load the registry and hand it in.

import { createHash } from 'node:crypto';
import {
  COMMENT_CATEGORIES,
  COMMENT_STATUSES,
  MAX_COMMENT_LENGTH,
  RESPONSE_REQUIRED,
  SEVERITIES,
  type CommentCategory,
  type CommentStatus,
  type Severity,
} from './commentLifecycle.js';

export const COMMENT_LOG_COLUMNS = [
  'ID',
  'Artefact',
  'Clause',
  'Category',
  'Severity',
  'Comment',
  'Proposed text',
  'Organisation',
  'Status',
  'Code body response',
  'Decided by',
  'Decided at',
] as const;
export type LogColumn = (typeof COMMENT_LOG_COLUMNS)[number];

/** One row of a comment log, every cell as text (blank = ''). */
export type LogRecord = Record<LogColumn, string>;

/** Columns an imported file must have; the others may be left out (ID is then derived). */
export const REQUIRED_IMPORT_COLUMNS: readonly LogColumn[] = [
  'Artefact',
  'Clause',
  'Category',
  'Comment',
  'Organisation',
];

/** The comment API's limit on a comment, a proposal and a response (routes/comments/schema.ts). */
const MAX_ID = 100;
const MAX_NAME = 200;

/** Comment statuses a log may carry; a withdrawn comment is not a comment received. */
export const IMPORTABLE_STATUSES = COMMENT_STATUSES.filter((s) => s !== 'withdrawn');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const key = (text: string) => squash(text).toLowerCase();

// ---------------------------------------------------------------------------------------------
// Artefact labels

export interface LogArtefact {
  id: string;
  slug: string;
  code: string;
  reference: string;
  title: string;
}

/** `reference: title`, spelt the one way both labelling and resolving use. */
const longLabel = (a: { reference: string; title: string }) =>
  `${squash(a.reference)}: ${squash(a.title)}`;
const labelKey = (label: string) => key(label.replace(/\s*:\s*/, ': '));

function referenceCounts(artefacts: readonly LogArtefact[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of artefacts) counts.set(key(a.reference), (counts.get(key(a.reference)) ?? 0) + 1);
  return counts;
}

/**
 * How each artefact is named in a log, by id: its reference when no other artefact in the registry
 * shares it, otherwise `reference: title` (the REC has several plain "Data Specification"s).
 */
export function artefactLabels(artefacts: readonly LogArtefact[]): Map<string, string> {
  const counts = referenceCounts(artefacts);
  return new Map(
    artefacts.map((a) => [a.id, counts.get(key(a.reference)) === 1 ? a.reference : longLabel(a)]),
  );
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Finds the artefact a log names, case- and space-insensitively: by its reference when that is
 * unique, by `reference: title`, or by slug.
 */
export function artefactResolver<A extends LogArtefact>(
  artefacts: readonly A[],
): (label: string) => Resolved<A> {
  const byReference = new Map<string, A[]>();
  const byLongLabel = new Map<string, A>();
  const bySlug = new Map<string, A>();
  for (const a of artefacts) {
    byReference.set(key(a.reference), [...(byReference.get(key(a.reference)) ?? []), a]);
    byLongLabel.set(labelKey(longLabel(a)), a);
    bySlug.set(key(a.slug), a);
  }
  return (label) => {
    const candidates = byReference.get(key(label)) ?? [];
    const [only] = candidates;
    if (only && candidates.length === 1) return { ok: true, value: only };
    const found = byLongLabel.get(labelKey(label)) ?? bySlug.get(key(label));
    if (found) return { ok: true, value: found };
    if (candidates.length > 1) {
      const options = candidates.map((a) => `"${longLabel(a)}"`).join(', ');
      return {
        ok: false,
        message: `"${squash(label)}" names ${candidates.length} artefacts; write one of ${options}`,
      };
    }
    return { ok: false, message: `no artefact "${squash(label)}" in the registry` };
  };
}

// ---------------------------------------------------------------------------------------------
// Export

export interface LoggedComment {
  ref: string;
  artefactId: string;
  clauseRef: string;
  category: string;
  severity: string;
  body: string;
  proposedText: string | null;
  organisationName: string | null;
  status: string;
  response: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

/** The log row of one comment: what an export lets leave the server. */
export function commentLogRecord(comment: LoggedComment, artefactLabel: string): LogRecord {
  return {
    ID: comment.ref,
    Artefact: artefactLabel,
    Clause: comment.clauseRef,
    Category: comment.category,
    Severity: comment.severity,
    Comment: comment.body,
    'Proposed text': comment.proposedText ?? '',
    Organisation: comment.organisationName ?? '',
    Status: comment.status,
    'Code body response': comment.response ?? '',
    'Decided by': comment.decidedByName ?? '',
    'Decided at': comment.decidedAt ?? '',
  };
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * CSV/formula injection guard: a cell a spreadsheet would read as a formula (or that starts with a
 * tab or carriage return) gets a leading apostrophe, so it is shown as text.
 */
export function guardCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** Undoes guardCell on import, so an exported log imports with its text unchanged. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------
// Import: header, rows

export interface LogHeader {
  /** Cell index of each recognised column. */
  columns: Map<LogColumn, number>;
  missing: LogColumn[];
  /** Recognised columns that appear more than once. */
  repeated: LogColumn[];
}

/** Matches a header row to the log columns, ignoring case and surrounding spaces; others are ignored. */
export function readLogHeader(cells: readonly string[]): LogHeader {
  const wanted = new Map(COMMENT_LOG_COLUMNS.map((c) => [key(c), c] as const));
  const columns = new Map<LogColumn, number>();
  const repeated = new Set<LogColumn>();
  cells.forEach((cell, index) => {
    const column = wanted.get(key(cell));
    if (!column) return;
    if (columns.has(column)) repeated.add(column);
    else columns.set(column, index);
  });
  return {
    columns,
    missing: REQUIRED_IMPORT_COLUMNS.filter((c) => !columns.has(c)),
    repeated: [...repeated],
  };
}

/** How many rows above the header (a title, a date) a file may have. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Where the header is: the first of the top rows that has every required column, so title rows
 * above it are passed over; failing that, the first row (whose header then names what is missing).
 */
export function locateLogHeader(
  rows: readonly { cells: readonly string[] }[],
): { index: number; header: LogHeader } | undefined {
  const first = rows[0];
  if (!first) return undefined;
  for (const [index, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const header = readLogHeader(row.cells);
    if (!header.missing.length) return { index, header };
  }
  return { index: 0, header: readLogHeader(first.cells) };
}

/** The log record of one data row: cells trimmed, the export's injection guard removed. */
export function logRecordFrom(cells: readonly string[], header: LogHeader): LogRecord {
  const record = {} as LogRecord;
  for (const column of COMMENT_LOG_COLUMNS) {
    const index = header.columns.get(column);
    record[column] = index === undefined ? '' : unguardCell((cells[index] ?? '').trim()).trim();
  }
  return record;
}

export const isBlankRecord = (record: LogRecord) =>
  COMMENT_LOG_COLUMNS.every((c) => record[c] === '');

/** Vocabulary words as people type them: "Partially accepted", "Plain English", " HIGH ". */
const token = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  const t = token(text);
  return values.find((v) => v === t);
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const EARLIEST = Date.UTC(2000, 0, 1);
const DAY = 86_400_000;

function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0): number | null {
  if (m < 1 || m > 12 || d < 1 || hh > 23 || mm > 59 || ss > 59) return null;
  const time = Date.UTC(y, m - 1, d, hh, mm, ss, ms);
  return new Date(time).getUTCDate() === d ? time : null; // not 31/02
}

/**
 * A "Decided at" cell as an ISO timestamp: ISO 8601 (as exports write it; no zone means UTC) or a UK
 * day/month/year date with an optional time (read as UTC). Null when it is not a date, or not a
 * plausible one (before 2000 or in the future).
 */
export function parseLogDate(text: string, now: Date): string | null {
  const value = text.trim();
  const num = (s: string | undefined) => (s ? Number(s) : 0);
  let time: number | null = null;
  const uk = UK_DATE.exec(value);
  const iso = ISO_DATE.exec(value);
  if (uk) {
    const [, d, m, y, hh, mm, ss] = uk;
    time = utc(num(y), num(m), num(d), num(hh), num(mm), num(ss));
  } else if (iso) {
    const [, y, m, d, hh, mm, ss, fraction, zone] = iso;
    time = utc(
      num(y),
      num(m),
      num(d),
      num(hh),
      num(mm),
      num(ss),
      Math.floor(Number(fraction ?? 0) * 1000),
    );
    if (time !== null && zone && zone.toUpperCase() !== 'Z') {
      const [, sign, zh, zm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
      const offset = (num(zh) * 60 + num(zm)) * 60_000;
      time -= sign === '-' ? -offset : offset;
    }
  }
  if (time === null || time < EARLIEST || time > now.getTime() + DAY) return null;
  return new Date(time).toISOString();
}

/**
 * The id a row without an ID gets: `IMP-` and the first 10 hex digits of the SHA-256 of artefact slug,
 * clause, organisation name and comment text. The same row always gets the same id, so re-importing
 * a file skips it, however the file spelt the artefact.
 */
export function importedCommentRef(parts: {
  artefact: string;
  clause: string;
  organisation: string;
  comment: string;
}): string {
  const digest = createHash('sha256')
    .update([parts.artefact, parts.clause, parts.organisation, parts.comment].join('|'))
    .digest('hex');
  return `IMP-${digest.slice(0, 10)}`;
}

export interface ImportArtefact extends LogArtefact {
  /** How the log names it (see artefactLabels). */
  label: string;
  /** Label of the current version, or null when nothing is published. */
  currentVersionLabel: string | null;
  currentVersionId: string | null;
  clauseRefs: ReadonlySet<string>;
}

export interface ImportOrganisation {
  id: string;
  name: string;
}

/** What row validation needs to know about the registry and the importer. */
export interface ImportContext {
  resolveArtefact(label: string): Resolved<ImportArtefact>;
  resolveOrganisation(name: string): Resolved<ImportOrganisation>;
  /** Null when the importer may import comments on this artefact, else why not. */
  permissionProblem(artefact: ImportArtefact): string | null;
  now: Date;
}

/** Finds an organisation by exact name, else by the one name that matches ignoring case. */
export function organisationResolver(
  organisations: readonly ImportOrganisation[],
): (name: string) => Resolved<ImportOrganisation> {
  const exact = new Map(organisations.map((o) => [o.name, o]));
  const loose = new Map<string, ImportOrganisation[]>();
  for (const o of organisations) loose.set(key(o.name), [...(loose.get(key(o.name)) ?? []), o]);
  return (name) => {
    const found = exact.get(name) ?? exact.get(squash(name));
    if (found) return { ok: true, value: found };
    const [only, ...others] = loose.get(key(name)) ?? [];
    if (only && others.length === 0) return { ok: true, value: only };
    return { ok: false, message: `no organisation named "${squash(name)}"` };
  };
}

export interface ImportedRow {
  row: number;
  /** The row's ID, or the derived IMP- id. */
  ref: string;
  artefact: ImportArtefact;
  versionId: string;
  clauseRef: string;
  category: CommentCategory;
  severity: Severity;
  body: string;
  proposedText: string | null;
  organisation: ImportOrganisation | null;
  status: CommentStatus;
  response: string | null;
  /** Blank in the file: the importer's name is used. */
  decidedByName: string | null;
  /** Null when blank or not a date: the import time is used. */
  decidedAt: string | null;
}

export interface RowProblem {
  row: number;
  column: LogColumn;
  message: string;
}

const tooLong = (max: number) => `must be at most ${max.toLocaleString('en-GB')} characters`;

/** Every problem with one data row, and the comment it becomes when there are none. */
export function validateLogRecord(
  row: number,
  record: LogRecord,
  ctx: ImportContext,
): { value?: ImportedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: LogColumn, message: string) => problems.push({ row, column, message });

  const id = record.ID;
  if (id.length > MAX_ID) problem('ID', tooLong(MAX_ID));
  else if (/\p{Cc}/u.test(id)) problem('ID', 'must not contain control characters');

  let artefact: ImportArtefact | undefined;
  let versionId: string | undefined;
  if (!record.Artefact) problem('Artefact', 'is required');
  else {
    const found = ctx.resolveArtefact(record.Artefact);
    if (!found.ok) problem('Artefact', found.message);
    else {
      const denied = ctx.permissionProblem(found.value);
      if (denied) problem('Artefact', denied);
      else if (!found.value.currentVersionId)
        problem('Artefact', `${found.value.label} has no published version to comment on`);
      else {
        artefact = found.value;
        versionId = found.value.currentVersionId;
      }
    }
  }

  const clauseRef = record.Clause;
  if (!clauseRef) problem('Clause', 'is required');
  else if (artefact && !artefact.clauseRefs.has(clauseRef)) {
    problem(
      'Clause',
      `clause "${clauseRef}" does not exist in the current version (${artefact.currentVersionLabel}) of ${artefact.label}`,
    );
  }

  const category = oneOf(COMMENT_CATEGORIES, record.Category);
  if (!record.Category) problem('Category', 'is required');
  else if (!category)
    problem('Category', `"${record.Category}" is not one of ${COMMENT_CATEGORIES.join(', ')}`);

  const severity = record.Severity ? oneOf(SEVERITIES, record.Severity) : 'medium';
  if (!severity) problem('Severity', `"${record.Severity}" is not one of ${SEVERITIES.join(', ')}`);

  const body = record.Comment;
  if (!body) problem('Comment', 'must not be empty');
  else if (body.length > MAX_COMMENT_LENGTH) problem('Comment', tooLong(MAX_COMMENT_LENGTH));

  const proposedText = record['Proposed text'];
  if (proposedText.length > MAX_COMMENT_LENGTH)
    problem('Proposed text', tooLong(MAX_COMMENT_LENGTH));

  let organisation: ImportOrganisation | null = null;
  if (record.Organisation) {
    const found = ctx.resolveOrganisation(record.Organisation);
    if (found.ok) organisation = found.value;
    else problem('Organisation', found.message);
  }

  const status = record.Status ? oneOf(COMMENT_STATUSES, record.Status) : 'open';
  if (!status)
    problem('Status', `"${record.Status}" is not one of ${IMPORTABLE_STATUSES.join(', ')}`);
  else if (status === 'withdrawn')
    problem('Status', 'withdrawn comments are not imported; remove the row');

  const response = record['Code body response'];
  if (response.length > MAX_COMMENT_LENGTH)
    problem('Code body response', tooLong(MAX_COMMENT_LENGTH));
  else if (status && RESPONSE_REQUIRED.includes(status) && !response)
    problem('Code body response', `a written response is required for a ${status} comment`);
  else if (status === 'open' && response)
    problem('Code body response', 'an open comment has no response yet; give the status it led to');

  const decidedBy = record['Decided by'];
  if (decidedBy.length > MAX_NAME) problem('Decided by', tooLong(MAX_NAME));

  if (problems.length || !artefact || !versionId || !category || !severity || !status) {
    return { problems };
  }
  const decided = status !== 'open';
  return {
    problems,
    value: {
      row,
      ref:
        id ||
        importedCommentRef({
          artefact: artefact.slug,
          clause: clauseRef,
          organisation: organisation?.name ?? '',
          comment: body,
        }),
      artefact,
      versionId,
      clauseRef,
      category,
      severity,
      body,
      proposedText: proposedText || null,
      organisation,
      status,
      response: decided ? response : null,
      decidedByName: decided ? decidedBy || null : null,
      decidedAt: decided ? parseLogDate(record['Decided at'], ctx.now) : null,
    },
  };
}

/**
 * Validates every data row of a log, and that no two rows are the same comment (the same ID, or
 * without IDs the same artefact, clause, organisation and text).
 */
export function validateLogRecords(
  records: readonly { row: number; record: LogRecord }[],
  ctx: ImportContext,
): { rows: ImportedRow[]; problems: RowProblem[] } {
  const rows: ImportedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, record } of records) {
    const result = validateLogRecord(row, record, ctx);
    problems.push(...result.problems);
    if (!result.value) continue;
    const first = seen.get(result.value.ref);
    if (first !== undefined) {
      problems.push({
        row,
        column: 'ID',
        message: record.ID
          ? `ID "${record.ID}" is already used on row ${first}`
          : `repeats row ${first} (same artefact, clause, organisation and comment)`,
      });
      continue;
    }
    seen.set(result.value.ref, row);
    rows.push(result.value);
  }
  return { rows, problems };
}
