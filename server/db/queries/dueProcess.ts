import type { Db } from '../database.js';
import type { DueProcessAnswers } from '../../domain/dueProcess.js';

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

/** What the summary needs: the answers and lessons of every response, without who gave them. */
export async function loadDueProcessAnswers(
  db: Db,
): Promise<{ answers: DueProcessAnswers; lessonsLearnt: string }[]> {
  const rows = await db.kysely
    .selectFrom('dueProcessResponses')
    .select(['answers', 'lessonsLearnt'])
    .orderBy('submittedAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    answers: JSON.parse(row.answers) as DueProcessAnswers,
    lessonsLearnt: row.lessonsLearnt,
  }));
}
