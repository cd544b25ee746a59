import type { Db } from '../db/database.js';
import { findArtefact } from '../db/queries/artefacts.js';
import { notFound } from '../errors.js';

/** The artefact a request names by id or slug, or the 404 every route gives for an unknown one. */
export async function requireArtefact(db: Db, idOrSlug: string) {
  const artefact = await findArtefact(db, idOrSlug);
  if (!artefact) throw notFound(`No artefact with id or slug "${idOrSlug}"`);
  return artefact;
}
