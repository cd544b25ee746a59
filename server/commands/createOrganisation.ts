import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import type { OrganisationRow } from '../db/queries/organisations.js';
import { badRequest, conflict } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';

export interface CreateOrganisationInput {
  name: string;
  kind: OrganisationRow['kind'];
  marketRole?: string | null;
  code?: string | null;
}

export async function createOrganisation(
  db: Db,
  actorId: string | null,
  input: CreateOrganisationInput,
): Promise<OrganisationRow> {
  if (input.kind === 'participant' && !input.marketRole) {
    throw badRequest('body.marketRole: a participant organisation needs a market role');
  }
  if (input.kind === 'code_body' && !input.code) {
    throw badRequest('body.code: a code body organisation needs its code');
  }
  const name = input.name.trim();
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst();
      if (taken) throw conflict(`An organisation named "${name}" already exists`);
      if (input.code) {
        const code = await trx
          .selectFrom('codeBodies')
          .select('code')
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (!code) throw badRequest(`body.code: unknown code "${input.code}"`);
      }
      const org: OrganisationRow = {
        id: newId(),
        name,
        kind: input.kind,
        marketRole: input.marketRole ?? null,
        code: input.code ?? null,
        createdAt: nowIso(),
      };
      await trx.insertInto('organisations').values(org).execute();
      await writeAudit(trx, {
        actorId,
        action: 'organisation.create',
        entity: 'organisation',
        entityId: org.id,
        after: org,
      });
      return org;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`An organisation named "${name}" already exists`);
    throw err;
  }
}
