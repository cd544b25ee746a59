import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { DueProcessAnswers, DueProcessKey } from '../domain/dueProcess.js';
import { conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

/**
 * Records (or replaces) the programme's answer to an organisation's "no" to one confirmation.
 * Only a refusal can be answered: a confirmation needs no answer, and answering one would list it.
 */
export async function respondToDueProcessRefusal(
  db: Db,
  actor: Actor,
  input: { responseId: string; key: DueProcessKey; text: string },
): Promise<{ text: string; respondedAt: string }> {
  authorize(actor, 'dueProcess.answerRefusal');
  return db.kysely.transaction().execute(async (trx) => {
    const response = await trx
      .selectFrom('dueProcessResponses')
      .select(['id', 'answers'])
      .where('id', '=', input.responseId)
      .executeTakeFirst();
    if (!response) throw notFound(`Due-process response ${input.responseId} not found`);
    const answers = JSON.parse(response.answers) as Partial<DueProcessAnswers>;
    if (answers[input.key]?.confirmed !== false)
      throw conflict(`This response does not refuse "${input.key}": there is nothing to answer`);
    const existing = await trx
      .selectFrom('dueProcessRefusalResponses')
      .select(['text', 'respondedBy', 'respondedAt'])
      .where('responseId', '=', response.id)
      .where('confirmation', '=', input.key)
      .executeTakeFirst();
    const row = { text: input.text, respondedBy: actor.id, respondedAt: nowIso() };
    // An upsert: two programme answers at once leave the later one, not a unique violation.
    await trx
      .insertInto('dueProcessRefusalResponses')
      .values({ responseId: response.id, confirmation: input.key, ...row })
      .onConflict((oc) => oc.columns(['responseId', 'confirmation']).doUpdateSet(row))
      .execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'dueProcess.answerRefusal',
      entity: 'dueProcessResponse',
      entityId: response.id,
      before: existing ? { confirmation: input.key, ...existing } : undefined,
      after: { confirmation: input.key, ...row },
    });
    return { text: row.text, respondedAt: row.respondedAt };
  });
}
