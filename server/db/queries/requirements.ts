import type { Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { RequirementTable } from '../schema.js';
import { loadVersionClauses } from '../versionCache.js';

export interface RequirementTraceRow {
  artefactId: string;
  slug: string;
  reference: string;
  code: string;
  clauseRef: string;
  /** The artefact's current version has no clause with this ref, or the artefact has no version. */
  broken: boolean;
}

export type RequirementRow = Selectable<RequirementTable> & { traces: RequirementTraceRow[] };

/**
 * Requirements with their traces, each checked against its artefact's current version. With an
 * artefact, only the requirements traced to it (with all their traces).
 */
export async function listRequirements(
  db: Db,
  filters: { artefactId?: string; ids?: string[] } = {},
): Promise<RequirementRow[]> {
  let query = db.kysely.selectFrom('requirements').selectAll();
  if (filters.artefactId) {
    const artefactId = filters.artefactId;
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('requirementTraces')
        .select('requirementId')
        .where('artefactId', '=', artefactId),
    );
  }
  if (filters.ids) {
    if (filters.ids.length === 0) return [];
    query = query.where('id', 'in', filters.ids);
  }
  const requirements = await query.orderBy('id').execute();
  if (requirements.length === 0) return [];

  const traces = await db.kysely
    .selectFrom('requirementTraces as t')
    .innerJoin('artefacts as a', 'a.id', 't.artefactId')
    .select([
      't.requirementId',
      't.artefactId',
      't.clauseRef',
      'a.slug',
      'a.reference',
      'a.code',
      'a.currentVersionId',
    ])
    .where(
      't.requirementId',
      'in',
      requirements.map((r) => r.id),
    )
    .orderBy('a.position')
    .orderBy('a.id')
    .orderBy('t.clauseRef')
    .execute();

  const clauseRefs = await currentClauseRefs(
    db,
    traces.map((t) => t.currentVersionId),
  );
  const byRequirement = new Map<string, RequirementTraceRow[]>();
  for (const { requirementId, currentVersionId, ...trace } of traces) {
    const refs = currentVersionId ? clauseRefs.get(currentVersionId) : undefined;
    const list = byRequirement.get(requirementId) ?? [];
    list.push({ ...trace, broken: !refs?.has(trace.clauseRef) });
    byRequirement.set(requirementId, list);
  }
  return requirements.map((r) => ({ ...r, traces: byRequirement.get(r.id) ?? [] }));
}

export async function findRequirement(db: Db, id: string): Promise<RequirementRow | undefined> {
  return (await listRequirements(db, { ids: [id] }))[0];
}

/** The clause refs of each version (versions are immutable, so this reads through a cache). */
async function currentClauseRefs(
  db: Db,
  versionIds: (string | null)[],
): Promise<Map<string, Set<string>>> {
  const refs = new Map<string, Set<string>>();
  for (const versionId of new Set(versionIds)) {
    if (!versionId) continue;
    const version = await loadVersionClauses(db, versionId);
    refs.set(versionId, new Set(version?.clauses.map((c) => c.ref) ?? []));
  }
  return refs;
}
