import { sql, type Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { Clause } from '../../domain/parseClauses.js';
import type { ArtefactTable, ArtefactVersionTable } from '../schema.js';

export type ArtefactRow = Selectable<ArtefactTable>;
export type VersionRow = Selectable<ArtefactVersionTable>;

export interface ArtefactListRow extends ArtefactRow {
  currentVersionLabel: string | null;
  currentVersionCreatedAt: string | null;
}

export interface ArtefactFilters {
  code?: string;
  kind?: string;
  q?: string;
}

function artefactsWithCurrentVersion(db: Db) {
  return db.kysely
    .selectFrom('artefacts')
    .leftJoin('artefactVersions as cv', 'cv.id', 'artefacts.currentVersionId')
    .selectAll('artefacts')
    .select(['cv.label as currentVersionLabel', 'cv.createdAt as currentVersionCreatedAt']);
}

export async function listArtefacts(db: Db, filters: ArtefactFilters): Promise<ArtefactListRow[]> {
  let query = artefactsWithCurrentVersion(db);
  if (filters.code) query = query.where('artefacts.code', '=', filters.code);
  if (filters.kind) query = query.where('artefacts.kind', '=', filters.kind);
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(artefacts.reference)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(artefacts.title)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(artefacts.slug)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  return query.orderBy('artefacts.position').orderBy('artefacts.id').execute();
}

/** Artefacts are addressed by id or by slug, so links can be read by people. */
export async function findArtefact(db: Db, idOrSlug: string): Promise<ArtefactListRow | undefined> {
  return artefactsWithCurrentVersion(db)
    .where((eb) => eb.or([eb('artefacts.id', '=', idOrSlug), eb('artefacts.slug', '=', idOrSlug)]))
    .executeTakeFirst();
}

export type VersionSummaryRow = Omit<VersionRow, 'body' | 'html' | 'clauses'> & {
  authorName: string | null;
};

function versionsWithAuthor(db: Db) {
  return db.kysely
    .selectFrom('artefactVersions as v')
    .leftJoin('users as u', 'u.id', 'v.authorId')
    .select([
      'v.id',
      'v.artefactId',
      'v.label',
      'v.changeNote',
      'v.incorporates',
      'v.authorId',
      'v.isBaseline',
      'v.createdAt',
      'u.name as authorName',
    ]);
}

export async function listVersions(db: Db, artefactId: string): Promise<VersionSummaryRow[]> {
  return versionsWithAuthor(db)
    .where('v.artefactId', '=', artefactId)
    .orderBy('v.createdAt', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

export async function findVersion(
  db: Db,
  artefactId: string,
  versionId: string,
): Promise<(VersionSummaryRow & Pick<VersionRow, 'body' | 'html' | 'clauses'>) | undefined> {
  return versionsWithAuthor(db)
    .select(['v.body', 'v.html', 'v.clauses'])
    .where('v.artefactId', '=', artefactId)
    .where('v.id', '=', versionId)
    .executeTakeFirst();
}

/** A version's Markdown without its rendered HTML (which is as large again). */
export async function findVersionText(
  db: Db,
  artefactId: string,
  versionId: string,
): Promise<(VersionSummaryRow & Pick<VersionRow, 'body'>) | undefined> {
  return versionsWithAuthor(db)
    .select(['v.body'])
    .where('v.artefactId', '=', artefactId)
    .where('v.id', '=', versionId)
    .executeTakeFirst();
}

/** A version by id alone, with its parsed clauses; callers check which artefact it belongs to. */
export async function findVersionClauses(
  db: Db,
  versionId: string,
): Promise<VersionClauses | undefined> {
  const row = await db.kysely
    .selectFrom('artefactVersions')
    .select(['id', 'artefactId', 'label', 'createdAt', 'incorporates', 'clauses'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      incorporates: JSON.parse(row.incorporates) as string[],
      clauses: JSON.parse(row.clauses) as Clause[],
    }
  );
}

export interface VersionClauses {
  id: string;
  artefactId: string;
  label: string;
  createdAt: string;
  incorporates: string[];
  clauses: Clause[];
}

/** The version published just before this one, if any. */
export async function findPreviousVersionId(
  db: Db,
  artefactId: string,
  versionId: string,
): Promise<string | undefined> {
  const versions = await listVersions(db, artefactId);
  const index = versions.findIndex((v) => v.id === versionId);
  return index === -1 ? undefined : versions[index + 1]?.id;
}
