import type { Db } from '../database.js';
import type { DecisionRow, RecommendationRow } from '../../presenters/recommendation.js';

function recommendationsWithAuthor(db: Db) {
  return db.kysely
    .selectFrom('recommendations as r')
    .leftJoin('users as u', 'u.id', 'r.createdBy')
    .select([
      'r.id',
      'r.verdict',
      'r.snapshot',
      'r.fingerprint',
      'r.createdBy',
      'u.name as createdByName',
      'r.createdAt',
    ]);
}

export async function findRecommendation(
  db: Db,
  id: string,
): Promise<RecommendationRow | undefined> {
  return recommendationsWithAuthor(db).where('r.id', '=', id).executeTakeFirst();
}

export async function listRecommendations(db: Db): Promise<RecommendationRow[]> {
  return recommendationsWithAuthor(db).orderBy('r.createdAt', 'desc').orderBy('r.id').execute();
}

export async function listDecisions(db: Db, recommendationId: string): Promise<DecisionRow[]> {
  return db.kysely
    .selectFrom('decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decidedBy')
    .select([
      'd.id',
      'd.body',
      'd.outcome',
      'd.notes',
      'd.decidedBy',
      'u.name as decidedByName',
      'd.decidedAt',
    ])
    .where('d.recommendationId', '=', recommendationId)
    .orderBy('d.decidedAt')
    .orderBy('d.id')
    .execute();
}

/** Every paper's decisions, oldest first, for the list's CCAG and SRO status. */
export async function listAllDecisions(db: Db) {
  return db.kysely
    .selectFrom('decisions')
    .select(['recommendationId', 'body', 'outcome', 'decidedAt'])
    .orderBy('decidedAt')
    .orderBy('id')
    .execute();
}

export async function findBaseline(db: Db) {
  const baseline = await db.kysely.selectFrom('baselines').selectAll().executeTakeFirst();
  if (!baseline) return undefined;
  const [versions, workOff] = await Promise.all([
    db.kysely
      .selectFrom('baselineVersions as b')
      .innerJoin('artefacts as a', 'a.id', 'b.artefactId')
      .innerJoin('artefactVersions as v', 'v.id', 'b.versionId')
      .select([
        'a.id as artefactId',
        'a.slug',
        'a.code',
        'a.reference',
        'a.title',
        'v.id as versionId',
        'v.label',
      ])
      .where('b.baselineId', '=', baseline.id)
      .orderBy('a.position')
      .execute(),
    db.kysely
      .selectFrom('workOffItems as w')
      .innerJoin('comments as c', 'c.id', 'w.commentId')
      .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
      .select([
        'w.id',
        'c.id as commentId',
        'c.ref',
        'a.reference',
        'a.code',
        'c.clauseRef',
        'c.response',
        'c.confidential',
        'c.organisationId',
        'c.authorId',
      ])
      .where('w.baselineId', '=', baseline.id)
      .orderBy('c.ref')
      .execute(),
  ]);
  return { ...baseline, versions, workOff };
}

/** Which of these comments are confidential now (a paper may name none of them). */
export async function confidentialCommentIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.kysely
    .selectFrom('comments')
    .select('id')
    .where('confidential', '=', 1)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}
