import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { refreshCommentTallies } from '../db/commentTallies.js';
import { isUniqueViolation } from '../db/errors.js';
import { visibleTo, type CommentRow } from '../db/queries/comments.js';
import type { Database, TriageDecisionTable } from '../db/schema.js';
import { SEVERITY_RANK, type CommentStatus } from '../domain/commentLifecycle.js';
import {
  artefactLabels,
  artefactResolver,
  bareNumberColumns,
  isBlankRecord,
  locateLogHeader,
  logRecordFrom,
  organisationResolver,
  readLogUpdate,
  sortLogUpdates,
  systemRefNumber,
  validateLogRecords,
  type ImportArtefact,
  type ImportedRow,
  type ImportVersion,
  type LogColumn,
  type LogRecord,
  type LogRowRef,
  type LogUpdate,
  type NotTheirsRow,
  type Resolved,
  type RowProblem,
  labelKey as key,
} from '../domain/commentLog/index.js';
import { baselinedTextProblem } from '../domain/baselinedText.js';
import type { Clause } from '../domain/parseClauses.js';
import { badRequest, conflict } from '../errors.js';
import { nextTurn, turnEvery } from '../lib/nextTurn.js';
import type { SheetRow } from '../lib/commentLogFiles.js';
import { newId } from '../lib/ids.js';
import { commentVisibility } from '../policies/commentVisibility.js';
import { can, type Actor } from '../policies/index.js';
import { lockForTriage, recordTriage, type TriagedComment } from './triageComment.js';

export interface ImportResult {
  /** Rows that became new comments. */
  created: LogRowRef[];
  /** Rows on existing comments whose decision was applied, as the triage screen applies it. */
  updated: (LogRowRef & { status: CommentStatus })[];
  /** Rows on existing comments whose Status, response, Change and Action are as they are now. */
  unchanged: LogRowRef[];
  /** Rows on existing comments that only another code body may decide: nothing in them is applied. */
  notTheirs: NotTheirsRow[];
  /** Data rows in the file. */
  total: number;
}

// Inserts are batched; these keep a batch well under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_BATCH = 500;
const LOOKUP_BATCH = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface FileRecord {
  row: number;
  record: LogRecord;
  /** Columns holding a bare number, which a spreadsheet may have rewritten. */
  bareNumbers: Set<LogColumn>;
}

/** The header row and the data rows under it, as log records. */
function readRecords(rows: readonly SheetRow[]): FileRecord[] {
  const found = locateLogHeader(rows);
  const headerRow = found && rows[found.index];
  if (!found || !headerRow)
    throw badRequest('The file is empty: expected a header row and comment rows');
  const { header } = found;
  if (header.missing.length) {
    throw badRequest(
      `The file is missing the required column${header.missing.length > 1 ? 's' : ''} ${header.missing.join(', ')} (looked for the header in row ${headerRow.row})`,
      { missing: header.missing },
    );
  }
  if (header.repeated.length) {
    throw badRequest(
      `The column${header.repeated.length > 1 ? 's' : ''} ${header.repeated.join(', ')} appear${header.repeated.length > 1 ? '' : 's'} more than once in the header (row ${headerRow.row})`,
    );
  }
  const dataRows = rows.slice(found.index + 1);
  const records = dataRows
    .map((r) => ({
      row: r.row,
      record: logRecordFrom(r.cells, header),
      bareNumbers: bareNumberColumns(r.cells, header),
    }))
    .filter((r) => !isBlankRecord(r.record));
  if (!records.length) throw badRequest('The file has a header row but no comment rows');
  return records;
}

interface VersionRow {
  id: string;
  artefactId: string;
  label: string;
  clauses: string;
  isBaseline: number;
}

function importVersion(v: VersionRow): ImportVersion {
  const clauses = JSON.parse(v.clauses) as Clause[];
  return {
    id: v.id,
    label: v.label,
    baselined: v.isBaseline === 1,
    clauses: new Map(clauses.map((c) => [c.ref, { heading: c.heading, text: c.text }])),
  };
}

/**
 * The registry as row validation needs it, loading clauses only for the versions rows may name:
 * each named artefact's current version, and the versions a Version cell names.
 */
async function loadArtefacts(
  db: Db,
  records: readonly { record: LogRecord }[],
): Promise<ImportArtefact[]> {
  const artefacts = await db.kysely
    .selectFrom('artefacts as a')
    .leftJoin('artefactVersions as v', 'v.id', 'a.currentVersionId')
    .select([
      'a.id',
      'a.slug',
      'a.code',
      'a.reference',
      'a.title',
      'a.currentVersionId',
      'v.label as currentVersionLabel',
      'v.isBaseline as currentVersionBaseline',
    ])
    .execute();
  const labels = artefactLabels(artefacts);
  const resolve = artefactResolver(artefacts);
  const wanted = new Map<string, Set<string>>();
  for (const { record } of records) {
    const found = resolve(record.Artefact);
    if (!found.ok || !found.value.currentVersionId) continue;
    const keys = wanted.get(found.value.id) ?? new Set<string>();
    keys.add(key(record.Version || (found.value.currentVersionLabel ?? '')));
    wanted.set(found.value.id, keys);
  }
  const versions = new Map<string, Map<string, ImportVersion>>();
  for (const ids of chunks([...wanted.keys()], LOOKUP_BATCH)) {
    // Labels only first: a long history is not parsed for the one or two versions a log names.
    const labelled = await db.kysely
      .selectFrom('artefactVersions')
      .select(['id', 'artefactId', 'label'])
      .where('artefactId', 'in', ids)
      .execute();
    const needed = labelled.filter((v) => wanted.get(v.artefactId)?.has(key(v.label)));
    for (const batch of chunks(
      needed.map((v) => v.id),
      LOOKUP_BATCH,
    )) {
      const rows = await db.kysely
        .selectFrom('artefactVersions')
        .select(['id', 'artefactId', 'label', 'clauses', 'isBaseline'])
        .where('id', 'in', batch)
        .execute();
      for (const v of rows) {
        const byLabel = versions.get(v.artefactId) ?? new Map<string, ImportVersion>();
        byLabel.set(key(v.label), importVersion(v));
        versions.set(v.artefactId, byLabel);
      }
    }
  }
  return artefacts.map(({ currentVersionBaseline, ...a }) => ({
    ...a,
    currentVersionBaselined: currentVersionBaseline === 1,
    label: labels.get(a.id) ?? a.reference,
    versions: versions.get(a.id) ?? new Map<string, ImportVersion>(),
  }));
}

/** Finds a change register id as the register spells it, ignoring case and spacing. */
async function changeResolver(db: Db): Promise<(id: string) => Resolved<string>> {
  const changes = await db.kysely.selectFrom('changes').select('id').execute();
  const byKey = new Map(changes.map((c) => [key(c.id), c.id]));
  return (id) => {
    const found = byKey.get(key(id));
    return found
      ? { ok: true, value: found }
      : { ok: false, message: `no change "${id}" in the change register` };
  };
}

async function existingRefs(trx: Kysely<Database>, refs: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(refs, LOOKUP_BATCH)) {
    const rows = await trx.selectFrom('comments').select('ref').where('ref', 'in', batch).execute();
    for (const r of rows) found.add(r.ref);
  }
  return found;
}

/**
 * The comments the rows' IDs name, by ref, among those the importer can see: a comment they cannot
 * see is no more known to an import than to any other read.
 */
async function visibleCommentsByRef(
  db: Db,
  actor: Actor,
  refs: string[],
): Promise<Map<string, TriagedComment>> {
  const found = new Map<string, TriagedComment>();
  for (const batch of chunks(refs, LOOKUP_BATCH)) {
    const rows = await db.kysely
      .selectFrom('comments as c')
      .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
      .where('c.ref', 'in', batch)
      .where(visibleTo(commentVisibility(actor), 'c'))
      .selectAll('c')
      .select('a.code as artefactCode')
      .execute();
    for (const r of rows) found.set(r.ref, r);
    await nextTurn();
  }
  return found;
}

async function lastCommentNumber(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'comment')
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * Imported refs in the system's own C-000123 form must never be handed out again by the comment
 * counter, so it is moved past the highest one (only ever forwards; validation bounds how far).
 */
async function reserveSystemRefs(trx: Kysely<Database>, refs: string[]): Promise<void> {
  const highest = Math.max(0, ...refs.map((r) => systemRefNumber(r) ?? 0));
  if (!highest) return;
  await trx
    .insertInto('counters')
    .values({ name: 'comment', value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await trx
    .updateTable('counters')
    .set({ value: highest })
    .where('name', '=', 'comment')
    .where('value', '<', highest)
    .execute();
}

/**
 * Imports an industry comment log received outside the system (no consultation needs to be open),
 * or brought back from a spreadsheet. A row whose ID names a comment the importer can see is a
 * decision on it: applied by the triage screen's rules when its triage columns changed and the
 * importer's code body decides it, reported unchanged or not theirs otherwise. Every other row is
 * a new comment (with its triage decision when it is already decided). Every row is checked first
 * and any problem rejects the whole file (400; 409 when a decided comment changed since the
 * export); otherwise everything is written in one transaction, with the audit events and
 * notifications each comment and decision makes.
 */
export async function importComments(
  db: Db,
  actor: Actor,
  rows: readonly SheetRow[],
): Promise<ImportResult> {
  // Each step over a large file is tens of milliseconds: other requests are served in between.
  const records = readRecords(rows);
  await nextTurn();
  const [artefacts, organisations, importer, lastNumber, resolveChange, baseline, known] =
    await Promise.all([
      loadArtefacts(db, records),
      db.kysely.selectFrom('organisations').select(['id', 'name']).execute(),
      db.kysely
        .selectFrom('users')
        .select('name')
        .where('id', '=', actor.id)
        .executeTakeFirstOrThrow(),
      lastCommentNumber(db),
      changeResolver(db),
      db.kysely.selectFrom('baselines').select('createdAt').executeTakeFirst(),
      visibleCommentsByRef(
        db,
        actor,
        records.flatMap((r) => (r.record.ID ? [r.record.ID] : [])),
      ),
    ]);
  await nextTurn();
  const now = new Date();
  const resolveArtefact = artefactResolver(artefacts);
  const labels = new Map(artefacts.map((a) => [a.id, a.label]));

  const updates: { update: LogUpdate; comment: TriagedComment }[] = [];
  const updateProblems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const readUpdate = (r: FileRecord, comment: TriagedComment) => {
    const first = seen.get(comment.ref);
    if (first !== undefined) {
      updateProblems.push({
        row: r.row,
        column: 'ID',
        message: `comment ${comment.ref} is already on row ${first}; give each comment one row`,
      });
      return;
    }
    seen.set(comment.ref, r.row);
    const read = readLogUpdate(
      r.row,
      r.record,
      r.bareNumbers,
      { ...comment, artefactLabel: labels.get(comment.artefactId) ?? comment.artefactId },
      { resolveArtefact, resolveChange },
    );
    updateProblems.push(...read.problems);
    if (read.value) updates.push({ update: read.value, comment });
  };
  const fresh: FileRecord[] = [];
  for (const r of records) {
    const comment = known.get(r.record.ID);
    if (comment) readUpdate(r, comment);
    else fresh.push(r);
  }

  const { rows: checked, problems: freshProblems } = validateLogRecords(fresh, {
    resolveArtefact,
    resolveOrganisation: organisationResolver(organisations),
    resolveChange,
    textProblem: (artefact, version) =>
      version.baselined
        ? baselinedTextProblem(artefact.label, version.label, baseline?.createdAt ?? '')
        : null,
    permissionProblem: (artefact) =>
      can(actor, 'comment.import', { code: artefact.code })
        ? null
        : `${artefact.label} is a ${artefact.code} artefact; you may import comments only on ${actor.code ?? 'your own code'} artefacts`,
    lastCommentNumber: lastNumber,
    now,
  });
  // A row without an ID is the comment its derived ID names, once imported: a file imported
  // again is read as rows on existing comments, never duplicated.
  const byRow = new Map(fresh.map((r) => [r.row, r]));
  const derived = await visibleCommentsByRef(
    db,
    actor,
    checked.filter((r) => !byRow.get(r.row)?.record.ID).map((r) => r.ref),
  );
  const valid: ImportedRow[] = [];
  for (const r of checked) {
    const comment = derived.get(r.ref);
    const record = byRow.get(r.row);
    if (comment && record && !record.record.ID) readUpdate(record, comment);
    else valid.push(r);
  }

  // This system issued every number up to its counter: one the importer cannot see is answered as
  // an unknown comment whether or not it exists, so the answer says nothing of hidden comments.
  const unknownIssued = valid.flatMap((r): RowProblem[] => {
    const number = systemRefNumber(r.ref);
    return number !== null && number <= lastNumber
      ? [
          {
            row: r.row,
            column: 'ID',
            message: `no comment "${r.ref}" that you can see: this system issued the IDs up to C-${String(lastNumber).padStart(6, '0')} itself. Leave the ID blank to import the row as a new comment`,
          },
        ]
      : [];
  });
  await nextTurn();
  updates.sort((a, b) => a.update.row - b.update.row);
  const sorted = sortLogUpdates(updates, (code) => can(actor, 'comment.triage', { code }));
  if (sorted.conflicts.length) {
    const [first] = sorted.conflicts;
    throw conflict(
      sorted.conflicts.length === 1 && first
        ? `Row ${first.row}: ${first.message}; nothing was imported`
        : `${sorted.conflicts.length} comments were changed by someone else since the log was exported (rows ${sorted.conflicts.map((c) => c.row).join(', ')}); export the log again and make these decisions there. Nothing was imported`,
      sorted.conflicts,
    );
  }
  const problems = [...updateProblems, ...freshProblems, ...unknownIssued, ...sorted.problems].sort(
    (a, b) => a.row - b.row,
  );
  if (problems.length) {
    const rowCount = new Set(problems.map((p) => p.row)).size;
    throw badRequest(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} in ${rowCount} row${rowCount > 1 ? 's' : ''}; nothing was imported`,
      problems,
    );
  }

  try {
    return await db.kysely.transaction().execute(async (trx) => {
      // The M6 lock (for deferrals) and then each artefact in id order, as every writer takes
      // them, so that two imports or an import and the triage screen cannot deadlock.
      await lockForTriage(trx, db.dialect, [
        ...valid.map((r) => ({ artefactId: r.artefact.id, status: 'triaged' as const })),
        ...sorted.decisions.map((d) => ({ artefactId: d.comment.artefactId, status: d.status })),
      ]);
      const taken = await existingRefs(
        trx,
        valid.map((r) => r.ref),
      );
      // Created since the file was read, or a comment the importer cannot see (whose ID is not told).
      if (taken.size) throw duplicateRefs();
      await reserveSystemRefs(
        trx,
        valid.map((r) => r.ref),
      );
      // Thousands of rows are seconds of work: other requests are served in between.
      const letOthersIn = turnEvery();
      const at = now.toISOString();
      const created = valid.map((r) => toComment(r, actor, importer.name, at));
      for (const batch of chunks(created, INSERT_BATCH)) {
        await letOthersIn();
        await trx
          .insertInto('comments')
          .values(batch.map((c) => c.comment))
          .execute();
      }
      const newDecisions = created.flatMap((c) => (c.decision ? [c.decision] : []));
      for (const batch of chunks(newDecisions, INSERT_BATCH)) {
        await letOthersIn();
        await trx.insertInto('triageDecisions').values(batch).execute();
      }
      for (const { comment, decision, row } of created) {
        await letOthersIn();
        await writeAudit(trx, {
          actorId: actor.id,
          action: 'comment.import',
          entity: 'comment',
          entityId: comment.id,
          after: { ...comment, row, decisionId: decision?.id ?? null },
        });
      }
      // Each decision exactly as the triage screen records it (409 if the comment moved on).
      for (const d of sorted.decisions) {
        await letOthersIn();
        await recordTriage(trx, db.dialect, actor, d.comment, {
          status: d.status,
          response: d.response,
          action: d.action,
          changeId: d.changeId,
          revision: d.revision,
        });
      }
      // Once for the whole file, not once a row.
      await refreshCommentTallies(trx, [
        ...created.map((c) => c.comment.artefactId),
        ...sorted.decisions.map((d) => d.comment.artefactId),
      ]);
      return {
        created: created.map((c) => ({ row: c.row, ref: c.comment.ref })),
        updated: sorted.decisions.map((d) => ({
          row: d.row,
          ref: d.comment.ref,
          status: d.status,
        })),
        unchanged: sorted.unchanged,
        notTheirs: sorted.notTheirs,
        total: records.length,
      };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateRefs();
    throw err;
  }
}

const duplicateRefs = () =>
  conflict(
    'Some of the new rows have IDs that other comments already use, or that were created while this file was being imported; give those rows other IDs, or leave their IDs blank to have them derived',
  );

function toComment(
  row: ImportedRow,
  actor: Actor,
  importerName: string,
  now: string,
): { row: number; comment: CommentRow; decision: TriageDecisionTable | null } {
  const decided = row.status !== 'open';
  const decidedByName = row.decidedByName ?? importerName;
  const decidedAt = row.decidedAt ?? now;
  const comment: CommentRow = {
    id: newId(),
    ref: row.ref,
    artefactId: row.artefact.id,
    versionId: row.versionId,
    clauseRef: row.clauseRef,
    quote: row.quote,
    category: row.category,
    severity: row.severity,
    severityRank: SEVERITY_RANK[row.severity],
    body: row.body,
    proposedText: row.proposedText,
    confidential: row.confidential ? 1 : 0,
    // The importer is recorded in the audit, never as the author: no author's rights follow.
    authorId: null,
    organisationId: row.organisation?.id ?? null,
    status: row.status,
    // The revision the log was exported at, so that export, import and export again agree.
    revision: row.revision ?? 1,
    response: decided ? row.response : null,
    changeId: decided ? row.changeId : null,
    action: decided ? row.action : null,
    decidedByName: decided ? decidedByName : null,
    decidedAt: decided ? decidedAt : null,
    raisedByName: row.raisedByName,
    importedBy: actor.id,
    createdAt: row.raisedOn ?? now,
    updatedAt: decided ? decidedAt : (row.raisedOn ?? now),
  };
  const decision: TriageDecisionTable | null = decided
    ? {
        id: newId(),
        commentId: comment.id,
        fromStatus: 'open',
        status: row.status,
        response: row.response ?? '',
        action: row.action,
        changeId: row.changeId,
        duplicateOf: null,
        decidedBy: actor.id,
        decidedByName,
        decidedAt,
      }
    : null;
  return { row: row.row, comment, decision };
}
