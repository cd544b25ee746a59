import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import { conflict } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

export interface CreateRequirementInput {
  id: string;
  text: string;
  source: string;
}

/** Records a design requirement that the code must implement. */
export async function createRequirement(
  db: Db,
  actor: Actor,
  input: CreateRequirementInput,
): Promise<void> {
  authorize(actor, 'requirement.create');
  const duplicate = () => conflict(`A requirement with id "${input.id}" already exists`);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('requirements')
        .select('id')
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (taken) throw duplicate();
      const requirement = { ...input, createdAt: nowIso() };
      await trx.insertInto('requirements').values(requirement).execute();
      await writeAudit(trx, {
        actorId: actor.id,
        action: 'requirement.create',
        entity: 'requirement',
        entityId: requirement.id,
        after: requirement,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}
