import type { Db } from '../database.js';
import type {
  DueProcessAnswers,
  DueProcessOrganisation,
  DueProcessResponseFacts,
} from '../../domain/dueProcess.js';

export interface DueProcessResponseRow {
  id: string;
  organisationId: string;
  organisationName: string;
  answers: DueProcessAnswers;
  lessonsLearnt: string;
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string;
}

/** Every organisation's response, or only one organisation's. */
export async function listDueProcessResponses(
  db: Db,
  filters: { organisationId?: string } = {},
): Promise<DueProcessResponseRow[]> {
  let query = db.kysely
    .selectFrom('dueProcessResponses as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisationId')
    .leftJoin('users as u', 'u.id', 'r.submittedBy')
    .select([
      'r.id',
      'r.organisationId',
      'o.name as organisationName',
      'r.answers',
      'r.lessonsLearnt',
      'r.submittedBy',
      'u.name as submittedByName',
      'r.submittedAt',
    ]);
  if (filters.organisationId) query = query.where('r.organisationId', '=', filters.organisationId);
  const rows = await query.orderBy('o.name').orderBy('r.id').execute();
  return rows.map((row) => ({ ...row, answers: JSON.parse(row.answers) as DueProcessAnswers }));
}

/**
 * What the summary needs: every participant organisation (coverage is over all of them), and
 * each response with its organisation and the programme's answers to its refusals.
 */
export async function loadDueProcessFacts(
  db: Db,
): Promise<{ participants: DueProcessOrganisation[]; responses: DueProcessResponseFacts[] }> {
  const [participants, rows, answered] = await Promise.all([
    db.kysely
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('kind', '=', 'participant')
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db.kysely
      .selectFrom('dueProcessResponses as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisationId')
      .select(['r.id', 'r.organisationId', 'o.name', 'r.answers', 'r.lessonsLearnt'])
      .orderBy('o.name')
      .orderBy('r.id')
      .execute(),
    db.kysely
      .selectFrom('dueProcessRefusalResponses')
      .select(['responseId', 'confirmation', 'text', 'respondedAt'])
      .execute(),
  ]);
  return {
    participants,
    responses: rows.map((row) => ({
      id: row.id,
      organisation: { id: row.organisationId, name: row.name },
      answers: JSON.parse(row.answers) as DueProcessAnswers,
      lessonsLearnt: row.lessonsLearnt,
      programmeResponses: Object.fromEntries(
        answered
          .filter((a) => a.responseId === row.id)
          .map((a) => [a.confirmation, { text: a.text, respondedAt: a.respondedAt }]),
      ),
    })),
  };
}

/** How many responses there are, and which participant organisations have not responded. */
export async function loadDueProcessCoverage(db: Db): Promise<{
  responses: number;
  participants: number;
  nonResponders: DueProcessOrganisation[];
}> {
  const [count, participants] = await Promise.all([
    db.kysely
      .selectFrom('dueProcessResponses')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
    db.kysely
      .selectFrom('organisations as o')
      .leftJoin('dueProcessResponses as r', 'r.organisationId', 'o.id')
      .select(['o.id', 'o.name', 'r.id as responseId'])
      .where('o.kind', '=', 'participant')
      .orderBy('o.name')
      .orderBy('o.id')
      .execute(),
  ]);
  return {
    responses: Number(count?.n ?? 0),
    participants: participants.length,
    nonResponders: participants
      .filter((p) => p.responseId === null)
      .map(({ id, name }) => ({ id, name })),
  };
}
