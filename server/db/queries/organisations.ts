import type { Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { OrganisationTable } from '../schema.js';

export type OrganisationRow = Selectable<OrganisationTable>;

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.kysely.selectFrom('organisations').selectAll().orderBy('name').execute();
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.kysely.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}
