import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { lockArtefactForComments, refreshCommentTallies } from '../db/commentTallies.js';
import { isUniqueViolation } from '../db/errors.js';
import type { CommentRow } from '../db/queries/comments.js';
import type { Database, TriageDecisionTable } from '../db/schema.js';
import { SEVERITY_RANK } from '../domain/commentLifecycle.js';
import {
  artefactLabels,
  artefactResolver,
  isBlankRecord,
  locateLogHeader,
  logRecordFrom,
  organisationResolver,
  systemRefNumber,
  validateLogRecords,
  type ImportArtefact,
  type ImportedRow,
  type ImportVersion,
  type LogRecord,
  type Resolved,
  labelKey as key,
} from '../domain/commentLog/index.js';
import { baselinedTextProblem } from '../domain/baselinedText.js';
import type { Clause } from '../domain/parseClauses.js';
import { badRequest, conflict } from '../errors.js';
import type { SheetRow } from '../lib/commentLogFiles.js';
import { newId } from '../lib/ids.js';
import { can, type Actor } from '../policies/index.js';

export interface ImportResult {
  created: number;
  /** Refs of rows whose comment already exists: skipped, never overwritten. */
  skipped: string[];
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

/** The header row and the data rows under it, as log records. */
function readRecords(rows: readonly SheetRow[]): { row: number; record: LogRecord }[] {
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
    .map((r) => ({ row: r.row, record: logRecordFrom(r.cells, header) }))
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
 * Imports an industry comment log received outside the system (no consultation needs to be open).
 * Every row is checked first and any problem rejects the whole file; otherwise, in one transaction,
 * each new row becomes a comment (with its triage decision when it is already decided) and an audit
 * event. Rows whose comment already exists are skipped, so importing a file twice changes nothing.
 */
export async function importComments(
  db: Db,
  actor: Actor,
  rows: readonly SheetRow[],
): Promise<ImportResult> {
  const records = readRecords(rows);
  const [artefacts, organisations, importer, lastNumber, resolveChange, baseline] =
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
    ]);
  const now = new Date();
  const { rows: valid, problems } = validateLogRecords(records, {
    resolveArtefact: artefactResolver(artefacts),
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
  if (problems.length) {
    const rowCount = new Set(problems.map((p) => p.row)).size;
    throw badRequest(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} in ${rowCount} row${rowCount > 1 ? 's' : ''}; nothing was imported`,
      problems,
    );
  }

  try {
    return await db.kysely.transaction().execute(async (trx) => {
      // In id order, so two imports touching the same artefacts cannot deadlock.
      const artefactIds = [...new Set(valid.map((r) => r.artefact.id))].sort();
      for (const id of artefactIds) await lockArtefactForComments(trx, db.dialect, id);
      const existing = await existingRefs(
        trx,
        valid.map((r) => r.ref),
      );
      const fresh = valid.filter((r) => !existing.has(r.ref));
      await reserveSystemRefs(
        trx,
        fresh.map((r) => r.ref),
      );
      const at = now.toISOString();
      const created = fresh.map((r) => toComment(r, actor, importer.name, at));
      for (const batch of chunks(created, INSERT_BATCH)) {
        await trx
          .insertInto('comments')
          .values(batch.map((c) => c.comment))
          .execute();
      }
      const decisions = created.flatMap((c) => (c.decision ? [c.decision] : []));
      for (const batch of chunks(decisions, INSERT_BATCH)) {
        await trx.insertInto('triageDecisions').values(batch).execute();
      }
      await refreshCommentTallies(
        trx,
        created.map((c) => c.comment.artefactId),
      );
      for (const { comment, decision, row } of created) {
        await writeAudit(trx, {
          actorId: actor.id,
          action: 'comment.import',
          entity: 'comment',
          entityId: comment.id,
          after: { ...comment, row, decisionId: decision?.id ?? null },
        });
      }
      return {
        created: created.length,
        skipped: valid.filter((r) => existing.has(r.ref)).map((r) => r.ref),
        total: records.length,
      };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict(
        'Some of these comments were created by someone else while this file was being imported; import it again to skip them',
      );
    }
    throw err;
  }
}

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
    revision: 1,
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
