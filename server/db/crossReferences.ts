// The cross-reference index: rebuilt for an artefact when it publishes, in the publish's
// transaction, and re-resolved for the citations that point at it.

import type { Kysely } from 'kysely';
import {
  brokenCitationMessage,
  parseReferences,
  renumbering,
  registryIndex,
  resolveReference,
  type RegistryArtefact,
  type TextReference,
} from '../domain/crossReferences/index.js';
import type { Clause } from '../domain/parseClauses.js';
import { clauseRefIndex } from '../domain/plainEnglish/clauseRefIndex.js';
import {
  closeBrokenCitation,
  raiseBrokenCitations,
  type BrokenCitation,
} from './crossReferenceFindings.js';
import type { CrossReferenceTable, Database } from './schema.js';
import { nextTurn } from '../lib/nextTurn.js';

const INSERT_BATCH = 500;
const BACKFILL_BATCH = 20;

type Refs = Set<string>;

const refsOf = (clauses: readonly Pick<Clause, 'ref'>[]): Refs =>
  clauseRefIndex(new Set(clauses.map((c) => c.ref)));

// An item written inline ("2.1.1 ... (a) ...; (b) ...") is no clause of its own: its clause will do.
const cites = (refs: Refs, clauseRef: string): boolean =>
  refs.has(clauseRef) || refs.has(clauseRef.replace(/(?:\([a-z0-9]+\))+$/, ''));

async function currentRefs(
  trx: Kysely<Database>,
  artefactIds: string[],
): Promise<Map<string, Refs>> {
  const out = new Map<string, Refs>();
  if (artefactIds.length === 0) return out;
  const rows = await trx
    .selectFrom('artefacts')
    .innerJoin('artefactVersions', 'artefactVersions.id', 'artefacts.currentVersionId')
    .select(['artefacts.id', 'artefactVersions.clauses'])
    .where('artefacts.id', 'in', artefactIds)
    .execute();
  for (const row of rows) out.set(row.id, refsOf(JSON.parse(row.clauses) as Clause[]));
  return out;
}

/** A version's clauses, and the citations in each when they were read beforehand (off-thread). */
export interface VersionCitations {
  id: string;
  clauses: readonly Pick<Clause, 'ref' | 'text'>[];
  citations?: readonly (readonly TextReference[])[];
}

/** The index rows for one version's citations, resolved against the registry as it stands. */
async function citationsOf(
  trx: Kysely<Database>,
  source: RegistryArtefact,
  version: VersionCitations,
  registry: RegistryArtefact[],
): Promise<CrossReferenceTable[]> {
  const index = registryIndex(registry);
  const found = version.clauses.flatMap((clause, i) =>
    (version.citations?.[i] ?? parseReferences(clause.text)).map((ref) => ({
      clause,
      ref,
      target: resolveReference(ref, source, index),
    })),
  );
  const others = [
    ...new Set(found.flatMap((f) => (f.target && f.target.id !== source.id ? [f.target.id] : []))),
  ];
  const refs = await currentRefs(trx, others);
  refs.set(source.id, refsOf(version.clauses));
  return found.map(({ clause, ref, target }, position) => ({
    sourceArtefactId: source.id,
    sourceVersionId: version.id,
    sourceClauseRef: clause.ref,
    position,
    raw: ref.raw.slice(0, 200),
    targetDocument: ref.document,
    targetArtefactId: target?.id ?? null,
    targetClauseRef: ref.clauseRef,
    resolved:
      target !== null &&
      (ref.clauseRef === null || cites(refs.get(target.id) ?? new Set(), ref.clauseRef))
        ? 1
        : 0,
    findingId: null,
  }));
}

async function insertRows(trx: Kysely<Database>, rows: CrossReferenceTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await nextTurn();
    await trx
      .insertInto('crossReferences')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

interface Target {
  id: string;
  reference: string;
  versionLabel: string;
}

async function currentTargets(trx: Kysely<Database>, ids: string[]): Promise<Map<string, Target>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('artefacts')
    .innerJoin('artefactVersions', 'artefactVersions.id', 'artefacts.currentVersionId')
    .select(['artefacts.id', 'artefacts.reference', 'artefactVersions.label as versionLabel'])
    .where('artefacts.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** A new version's citations of other artefacts' clauses that are not there are findings. */
async function raiseOwnBrokenCitations(
  trx: Kysely<Database>,
  rows: CrossReferenceTable[],
): Promise<void> {
  const broken = rows.filter(
    (r) =>
      r.resolved === 0 &&
      r.targetClauseRef !== null &&
      r.targetArtefactId !== null &&
      r.targetArtefactId !== r.sourceArtefactId,
  );
  const targets = await currentTargets(trx, [
    ...new Set(broken.map((r) => r.targetArtefactId ?? '')),
  ]);
  await raiseBrokenCitations(
    trx,
    broken.flatMap((row) => {
      const target = targets.get(row.targetArtefactId ?? '');
      if (!target || row.targetClauseRef === null) return [];
      return [{ ...row, message: brokenCitationMessage(target, row.targetClauseRef, undefined) }];
    }),
  );
}

/**
 * Citations into this artefact from other artefacts are checked again against its new clauses: a
 * citation of a clause that went, or that the alignment with the previous version shows was
 * renumbered (even if another clause now has its number), becomes a finding on the citing clause
 * with the fix; one whose clause came back loses its open finding. A renumbering finding stays
 * until the citing artefact publishes a version that cites the right number.
 */
async function recheckIncoming(
  trx: Kysely<Database>,
  artefactId: string,
  refs: Refs,
  moved: () => Promise<Map<string, string>>,
): Promise<void> {
  const incoming = await trx
    .selectFrom('crossReferences')
    .selectAll()
    .where('targetArtefactId', '=', artefactId)
    .where('sourceArtefactId', '!=', artefactId)
    .where('targetClauseRef', 'is not', null)
    .execute();
  if (incoming.length === 0) return;
  const target = (await currentTargets(trx, [artefactId])).get(artefactId);
  const renumbered = await moved();
  const changed = new Map<string, { resolved: number; positions: number[] }>();
  const broken: BrokenCitation[] = [];
  for (const row of incoming) {
    const clauseRef = row.targetClauseRef ?? '';
    const resolved = cites(refs, clauseRef) ? 1 : 0;
    if (resolved !== row.resolved) {
      const key = `${resolved} ${row.sourceVersionId}`;
      const group = changed.get(key) ?? { resolved, positions: [] };
      group.positions.push(row.position);
      changed.set(key, group);
    }
    const renumberedTo = renumbered.get(clauseRef);
    if (row.findingId === null && target && (resolved === 0 || renumberedTo !== undefined)) {
      broken.push({ ...row, message: brokenCitationMessage(target, clauseRef, renumberedTo) });
    } else if (row.findingId !== null && row.resolved === 0 && resolved === 1 && !renumberedTo) {
      await closeBrokenCitation(trx, { ...row, findingId: row.findingId });
    }
  }
  for (const [key, { resolved, positions }] of changed) {
    const versionId = key.slice(key.indexOf(' ') + 1);
    for (let i = 0; i < positions.length; i += INSERT_BATCH) {
      await trx
        .updateTable('crossReferences')
        .set({ resolved })
        .where('sourceVersionId', '=', versionId)
        .where('position', 'in', positions.slice(i, i + INSERT_BATCH))
        .execute();
    }
  }
  await raiseBrokenCitations(trx, broken);
}

async function registryOf(trx: Kysely<Database>): Promise<RegistryArtefact[]> {
  return trx.selectFrom('artefacts').select(['id', 'code', 'reference']).execute();
}

/** How the clauses of `fromVersionId` were renumbered in the new version, worked out beforehand. */
export interface PlannedRenumbering {
  fromVersionId: string;
  moved: Map<string, string>;
}

/** Whether other artefacts cite this one's clauses, so a publish must align it with its last version. */
export async function isCitedElsewhere(
  trx: Kysely<Database>,
  artefactId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('crossReferences')
    .select('sourceArtefactId')
    .where('targetArtefactId', '=', artefactId)
    .where('sourceArtefactId', '!=', artefactId)
    .where('targetClauseRef', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Replaces the artefact's citations with those of its newly current version, and re-checks the
 * citations of it made elsewhere. A renumbering planned against the version this one replaces is
 * used as it is; otherwise (another publish came in between, or none was planned) the two are
 * aligned here.
 */
export async function indexCrossReferences(
  trx: Kysely<Database>,
  artefact: RegistryArtefact,
  version: VersionCitations & { clauses: readonly Clause[] },
  previousVersionId: string | null,
  planned?: PlannedRenumbering,
): Promise<void> {
  const rows = await citationsOf(trx, artefact, version, await registryOf(trx));
  await trx.deleteFrom('crossReferences').where('sourceArtefactId', '=', artefact.id).execute();
  await insertRows(trx, rows);
  await raiseOwnBrokenCitations(trx, rows);
  // Aligning the two versions costs time: only when other artefacts cite this one's clauses.
  await recheckIncoming(trx, artefact.id, refsOf(version.clauses), async () => {
    if (planned && planned.fromVersionId === previousVersionId) return planned.moved;
    const previous = previousVersionId
      ? await trx
          .selectFrom('artefactVersions')
          .select('clauses')
          .where('id', '=', previousVersionId)
          .executeTakeFirst()
      : undefined;
    return previous
      ? renumbering(JSON.parse(previous.clauses) as Clause[], version.clauses)
      : new Map<string, string>();
  });
}

/** Indexes every artefact's current version, for a database that predates the index. */
export async function backfillCrossReferences(db: Kysely<Database>): Promise<void> {
  const registry = await registryOf(db);
  const published = await db
    .selectFrom('artefacts')
    .select(['id', 'currentVersionId'])
    .where('currentVersionId', 'is not', null)
    .orderBy('id')
    .execute();
  // A batch of versions at a time: the clause JSON of a whole registry need not be in memory.
  for (let i = 0; i < published.length; i += BACKFILL_BATCH) {
    const batch = published.slice(i, i + BACKFILL_BATCH);
    const versions = await db
      .selectFrom('artefactVersions')
      .select(['id', 'artefactId', 'clauses'])
      .where(
        'id',
        'in',
        batch.map((a) => a.currentVersionId ?? ''),
      )
      .execute();
    for (const version of versions) {
      const artefact = registry.find((a) => a.id === version.artefactId);
      if (!artefact) continue;
      const clauses = JSON.parse(version.clauses) as Clause[];
      const rows = await citationsOf(db, artefact, { id: version.id, clauses }, registry);
      await insertRows(db, rows);
      await raiseOwnBrokenCitations(db, rows);
    }
  }
}

/**
 * Broken citations indexed without their finding get it now. Migration 0016's backfill indexed
 * citations that were already broken but raised nothing for them, so until either side published
 * again they counted nowhere (migration 0020).
 */
export async function raiseUnraisedBrokenCitations(db: Kysely<Database>): Promise<void> {
  const rows = await db
    .selectFrom('crossReferences')
    .selectAll()
    .where('resolved', '=', 0)
    .where('findingId', 'is', null)
    .execute();
  await raiseOwnBrokenCitations(db, rows);
}
