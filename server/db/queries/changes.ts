import type { Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { ChangeTable } from '../schema.js';

export type ChangeStatus = ChangeTable['status'];

export interface ChangeAffect {
  artefactId: string;
  slug: string;
  reference: string;
  code: string;
  noCodeImpact: boolean;
  noImpactReason: string | null;
}

export type ChangeRow = Selectable<ChangeTable> & { affects: ChangeAffect[] };

export interface ChangeFilters {
  status?: ChangeStatus;
  /** An artefact id (already resolved from a slug). */
  artefactId?: string;
}

export async function listChanges(db: Db, filters: ChangeFilters = {}): Promise<ChangeRow[]> {
  let query = db.kysely.selectFrom('changes').selectAll();
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.artefactId) {
    const artefactId = filters.artefactId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('changeArtefacts').select('changeId').where('artefactId', '=', artefactId),
    );
  }
  const changes = await query.orderBy('type').orderBy('id').execute();
  return withAffects(db, changes);
}

export async function findChange(db: Db, id: string): Promise<ChangeRow | undefined> {
  const change = await db.kysely
    .selectFrom('changes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return change && (await withAffects(db, [change]))[0];
}

async function withAffects(db: Db, changes: Selectable<ChangeTable>[]): Promise<ChangeRow[]> {
  if (changes.length === 0) return [];
  const links = await db.kysely
    .selectFrom('changeArtefacts as ca')
    .innerJoin('artefacts as a', 'a.id', 'ca.artefactId')
    .select([
      'ca.changeId',
      'ca.artefactId',
      'a.slug',
      'a.reference',
      'a.code',
      'ca.noCodeImpact',
      'ca.noImpactReason',
    ])
    .where(
      'ca.changeId',
      'in',
      changes.map((c) => c.id),
    )
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
  const byChange = new Map<string, ChangeAffect[]>();
  for (const { changeId, noCodeImpact, ...link } of links) {
    const list = byChange.get(changeId) ?? [];
    list.push({ ...link, noCodeImpact: Number(noCodeImpact) === 1 });
    byChange.set(changeId, list);
  }
  return changes.map((c) => ({ ...c, affects: byChange.get(c.id) ?? [] }));
}

/** The ids among `ids` that name a known change (to validate `incorporates` and `changeId`). */
export async function findChangeIds(db: Db, ids: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const rows = await db.kysely
    .selectFrom('changes')
    .select('id')
    .where('id', 'in', wanted)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether any change is recorded at all. */
export async function anyChangesExist(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('changes').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
