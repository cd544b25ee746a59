import type { Db } from '../database.js';

/** A published version with the artefact it belongs to. */
export interface VersionPlaceRow {
  artefactId: string;
  code: string;
  reference: string;
  slug: string;
  versionId: string;
  versionLabel: string;
}

function versionPlaces(db: Db) {
  return db.kysely
    .selectFrom('artefactVersions as v')
    .innerJoin('artefacts as a', 'a.id', 'v.artefactId')
    .select([
      'a.id as artefactId',
      'a.code',
      'a.reference',
      'a.slug',
      'v.id as versionId',
      'v.label as versionLabel',
    ]);
}

/** The current version of every artefact that has one. */
export function listCurrentVersions(db: Db): Promise<VersionPlaceRow[]> {
  return versionPlaces(db)
    .whereRef('v.id', '=', 'a.currentVersionId')
    .orderBy('a.code')
    .orderBy('a.reference')
    .execute();
}

export function findVersionPlaces(
  db: Db,
  versionIds: readonly string[],
): Promise<VersionPlaceRow[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  return versionPlaces(db).where('v.id', 'in', versionIds).execute();
}
