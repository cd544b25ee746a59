import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import {
  DUE_PROCESS_KEYS,
  type DueProcessAnswers,
  type DueProcessKey,
} from '../domain/dueProcess.js';
import { badRequest } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

export interface DueProcessInput {
  answers: Record<DueProcessKey, { confirmed: boolean; text?: string | null | undefined }>;
  lessonsLearnt?: string;
}

/**
 * Records an organisation's due-process confirmations. One response per organisation: a later
 * one replaces the earlier one, and the audit event keeps both.
 */
export async function recordDueProcessResponse(
  db: Db,
  actor: Actor,
  input: DueProcessInput,
): Promise<{ id: string; replaced: boolean }> {
  authorize(actor, 'dueProcess.respond');
  const organisationId = actor.organisationId;
  if (!organisationId)
    throw badRequest('Only a member of an organisation can respond on due process');
  const answers = Object.fromEntries(
    DUE_PROCESS_KEYS.map((key) => {
      const answer = input.answers[key];
      return [key, { confirmed: answer.confirmed, text: answer.text?.trim() || null }];
    }),
  ) as DueProcessAnswers;
  const lessonsLearnt = input.lessonsLearnt?.trim() ?? '';

  const write = () =>
    db.kysely.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('dueProcessResponses')
        .selectAll()
        .where('organisationId', '=', organisationId)
        .executeTakeFirst();
      const response = {
        id: existing?.id ?? newId(),
        organisationId,
        answers: JSON.stringify(answers),
        lessonsLearnt,
        submittedBy: actor.id,
        submittedAt: nowIso(),
      };
      if (existing)
        await trx
          .updateTable('dueProcessResponses')
          .set({
            answers: response.answers,
            lessonsLearnt,
            submittedBy: actor.id,
            submittedAt: response.submittedAt,
          })
          .where('id', '=', existing.id)
          .execute();
      else await trx.insertInto('dueProcessResponses').values(response).execute();
      const view = (
        row: Omit<typeof response, 'submittedBy'> & { submittedBy: string | null },
      ) => ({
        organisationId: row.organisationId,
        answers: JSON.parse(row.answers) as DueProcessAnswers,
        lessonsLearnt: row.lessonsLearnt,
        submittedBy: row.submittedBy,
        submittedAt: row.submittedAt,
      });
      await writeAudit(trx, {
        actorId: actor.id,
        action: existing ? 'dueProcess.replace' : 'dueProcess.respond',
        entity: 'dueProcessResponse',
        entityId: response.id,
        before: existing ? view(existing) : undefined,
        after: view(response),
      });
      return { id: response.id, replaced: existing !== undefined };
    });

  try {
    return await write();
  } catch (err) {
    // Two first responses from one organisation at once: the loser replaces the winner's.
    if (isUniqueViolation(err)) return write();
    throw err;
  }
}
