import { sql, type Selectable } from 'kysely';
import type { CommentCategory, CommentStatus, Severity } from '../../domain/commentLifecycle.js';
import type { CommentVisibility } from '../../policies/commentVisibility.js';
import type { Db } from '../database.js';
import type { CommentTable, TriageDecisionTable } from '../schema.js';

export type CommentRow = Selectable<CommentTable>;

export interface CommentListRow extends CommentRow {
  artefactCode: string;
  artefactReference: string;
  artefactTitle: string;
  artefactSlug: string;
  authorName: string | null;
  organisationName: string | null;
  versionLabel: string | null;
  /** The first version that applied this comment's proposal, if any. */
  incorporatedInId: string | null;
  incorporatedInLabel: string | null;
}

export interface CommentFilters {
  artefactId?: string;
  code?: string;
  status?: CommentStatus[];
  category?: CommentCategory;
  severity?: Severity;
  organisationId?: string;
  authorId?: string;
}

export type CommentSort = 'oldest' | 'newest' | 'severity';

/**
 * The SQL form of the visibility rule in policies/commentVisibility.ts, over comments (alias `c`)
 * or their tallies (alias `t`, where public comments carry organisation ''); `a` is the artefact.
 */
export function visibleTo(visibility: CommentVisibility, alias: 'c' | 't') {
  if (visibility.kind === 'all') return sql<boolean>`1 = 1`;
  const seen = [sql<boolean>`${sql.ref(`${alias}.confidential`)} = 0`];
  // Tallies know organisations, not authors (see the policy).
  if (alias === 'c') seen.push(sql<boolean>`${sql.ref('c.authorId')} = ${visibility.authorId}`);
  if (visibility.organisationId)
    seen.push(sql<boolean>`${sql.ref(`${alias}.organisationId`)} = ${visibility.organisationId}`);
  if (visibility.kind === 'public-or-code' && visibility.code)
    seen.push(sql<boolean>`${sql.ref('a.code')} = ${visibility.code}`);
  return sql<boolean>`(${sql.join(seen, sql` or `)})`;
}

function visibleComments(db: Db, visibility: CommentVisibility, filters: CommentFilters) {
  let query = db.kysely
    .selectFrom('comments as c')
    .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
    .where(visibleTo(visibility, 'c'));
  if (filters.artefactId) query = query.where('c.artefactId', '=', filters.artefactId);
  if (filters.code) query = query.where('a.code', '=', filters.code);
  if (filters.status?.length) query = query.where('c.status', 'in', filters.status);
  if (filters.category) query = query.where('c.category', '=', filters.category);
  if (filters.severity) query = query.where('c.severity', '=', filters.severity);
  if (filters.organisationId) query = query.where('c.organisationId', '=', filters.organisationId);
  if (filters.authorId) query = query.where('c.authorId', '=', filters.authorId);
  return query;
}

function withDetails(db: Db, visibility: CommentVisibility, filters: CommentFilters) {
  return visibleComments(db, visibility, filters)
    .leftJoin('users as u', 'u.id', 'c.authorId')
    .leftJoin('organisations as o', 'o.id', 'c.organisationId')
    .leftJoin('artefactVersions as v', 'v.id', 'c.versionId')
    .selectAll('c')
    .select([
      'a.code as artefactCode',
      'a.reference as artefactReference',
      'a.title as artefactTitle',
      'a.slug as artefactSlug',
      'u.name as authorName',
      'o.name as organisationName',
      'v.label as versionLabel',
    ])
    .select((eb) => {
      const incorporatedIn = () =>
        eb
          .selectFrom('versionResolvedComments as r')
          .innerJoin('artefactVersions as rv', 'rv.id', 'r.versionId')
          .whereRef('r.commentId', '=', 'c.id')
          .orderBy('rv.createdAt')
          .limit(1);
      return [
        incorporatedIn().select('rv.id').as('incorporatedInId'),
        incorporatedIn().select('rv.label').as('incorporatedInLabel'),
      ];
    });
}

export interface CommentCursor {
  createdAt: string;
  id: string;
  severityRank?: number;
}

export async function listComments(
  db: Db,
  visibility: CommentVisibility,
  filters: CommentFilters,
  page: { sort: CommentSort; limit: number; after?: CommentCursor },
): Promise<CommentListRow[]> {
  let query = withDetails(db, visibility, filters);
  const after = page.after;
  if (page.sort === 'severity') {
    if (after) {
      const rank = after.severityRank ?? 0;
      query = query.where((eb) =>
        eb.or([
          eb('c.severityRank', '<', rank),
          eb.and([eb('c.severityRank', '=', rank), eb('c.createdAt', '>', after.createdAt)]),
          eb.and([
            eb('c.severityRank', '=', rank),
            eb('c.createdAt', '=', after.createdAt),
            eb('c.id', '>', after.id),
          ]),
        ]),
      );
    }
    query = query
      .orderBy('c.severityRank', 'desc')
      .orderBy('c.createdAt', 'asc')
      .orderBy('c.id', 'asc');
  } else {
    const direction = page.sort === 'newest' ? 'desc' : 'asc';
    const beyond = page.sort === 'newest' ? '<' : '>';
    if (after) {
      // A row comparison both databases answer by seeking the (created_at, id) index; the
      // equivalent `or` scanned from the first comment (or sorted the rest) on every page.
      query = query.where((eb) =>
        eb(eb.refTuple('c.createdAt', 'c.id'), beyond, eb.tuple(after.createdAt, after.id)),
      );
    }
    query = query.orderBy('c.createdAt', direction).orderBy('c.id', direction);
  }
  return query.limit(page.limit).execute();
}

/** Every matching comment, unpaged, in age order (exports). */
export async function listAllComments(
  db: Db,
  visibility: CommentVisibility,
  filters: CommentFilters,
): Promise<CommentListRow[]> {
  return withDetails(db, visibility, filters).orderBy('c.createdAt').orderBy('c.id').execute();
}

export async function countCommentsByStatus(
  db: Db,
  visibility: CommentVisibility,
  filters: CommentFilters,
): Promise<Record<string, number>> {
  // The tallies answer the common queue views; finer filters count the comments themselves.
  if (!filters.category && !filters.severity && !filters.organisationId && !filters.authorId) {
    const tallies = await visibleTallies(db, visibility, filters)
      .select(['t.status', (eb) => eb.fn.sum<number>('t.n').as('count')])
      .groupBy('t.status')
      .execute();
    return Object.fromEntries(tallies.map((r) => [r.status, Number(r.count)]));
  }
  const rows = await visibleComments(db, visibility, { ...filters, status: undefined })
    .select(['c.status', (eb) => eb.fn.countAll().as('count')])
    .groupBy('c.status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
}

export async function findVisibleComment(
  db: Db,
  visibility: CommentVisibility,
  idOrRef: string,
): Promise<CommentListRow | undefined> {
  return withDetails(db, visibility, {})
    .where((eb) => eb.or([eb('c.id', '=', idOrRef), eb('c.ref', '=', idOrRef)]))
    .executeTakeFirst();
}

function visibleTallies(
  db: Db,
  visibility: CommentVisibility,
  scope: { artefactId?: string; code?: string },
) {
  let query = db.kysely
    .selectFrom('commentTallies as t')
    .innerJoin('artefacts as a', 'a.id', 't.artefactId')
    .where(visibleTo(visibility, 't'));
  if (scope.artefactId) query = query.where('t.artefactId', '=', scope.artefactId);
  if (scope.code) query = query.where('a.code', '=', scope.code);
  return query;
}

/** Outstanding and total (not withdrawn) comments per artefact, as this actor may see them. */
export async function commentCountsByArtefact(
  db: Db,
  visibility: CommentVisibility,
  artefactId?: string,
): Promise<Map<string, { outstanding: number; total: number }>> {
  const rows = await visibleTallies(db, visibility, { artefactId })
    .where('t.status', '!=', 'withdrawn')
    .select([
      't.artefactId',
      (eb) => eb.fn.sum<number>('t.n').as('total'),
      sql<number>`sum(case when t.status in ('open', 'triaged') then t.n else 0 end)`.as(
        'outstanding',
      ),
    ])
    .groupBy('t.artefactId')
    .execute();
  return new Map(
    rows.map((r) => [r.artefactId, { outstanding: Number(r.outstanding), total: Number(r.total) }]),
  );
}

export async function listReplies(db: Db, commentId: string) {
  return db.kysely
    .selectFrom('commentReplies as r')
    .leftJoin('users as u', 'u.id', 'r.authorId')
    .select(['r.id', 'r.body', 'r.authorId', 'r.createdAt', 'u.name as authorName'])
    .where('r.commentId', '=', commentId)
    .orderBy('r.createdAt')
    .orderBy('r.id')
    .execute();
}

export async function listDecisions(
  db: Db,
  commentId: string,
): Promise<Selectable<TriageDecisionTable>[]> {
  return db.kysely
    .selectFrom('triageDecisions')
    .selectAll()
    .where('commentId', '=', commentId)
    .orderBy('decidedAt')
    .orderBy('id')
    .execute();
}
