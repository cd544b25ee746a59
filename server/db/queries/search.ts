import { sql, type RawBuilder } from 'kysely';
import type { CommentVisibility } from '../../policies/commentVisibility.js';
import {
  HIT_END,
  HIT_START,
  toFts5,
  toTsquery,
  type SearchTerm,
} from '../../domain/searchQuery.js';
import type { Db } from '../database.js';
import { visibleTo } from './comments.js';

export interface SearchFilters {
  code?: string;
  kind?: string;
  /** Current versions only, or every version ever published. */
  version: 'current' | 'all';
}

export interface SearchPage {
  limit: number;
  offset: number;
}

export interface ClauseHitRow {
  artefactId: string;
  reference: string;
  slug: string;
  code: string;
  title: string;
  versionId: string;
  versionLabel: string;
  isCurrent: boolean;
  clauseRef: string;
  heading: string | null;
  anchor: string;
  /** The clause text around its hits, hits between HIT_START and HIT_END. */
  snippet: string;
}

function clauseFilters(filters: SearchFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (filters.version === 'current') where.push(sql`s.version_id = a.current_version_id`);
  if (filters.code) where.push(sql`a.code = ${filters.code}`);
  if (filters.kind) where.push(sql`a.kind = ${filters.kind}`);
  return where;
}

const and = (where: RawBuilder<unknown>[]) =>
  where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``;

/** Clauses matching every term, best first: FTS5's bm25 on SQLite, ts_rank on PostgreSQL. */
export async function searchClauses(
  db: Db,
  terms: SearchTerm[],
  filters: SearchFilters,
  page: SearchPage,
): Promise<ClauseHitRow[]> {
  const where = and(clauseFilters(filters));
  const columns = sql`a.id as "artefactId", a.reference, a.slug, a.code, a.title,
    s.version_id as "versionId", v.label as "versionLabel",
    s.version_id = a.current_version_id as "isCurrent",
    s.clause_ref as "clauseRef", s.heading, s.anchor`;
  if (db.dialect === 'sqlite') {
    const match = toFts5(terms);
    // Rank and page first: SQLite computes every selected column before sorting, and a snippet
    // of every matching clause costs far more than the ranking.
    const rows = await sql<ClauseHitRow>`
      with hits as (
        select f.rowid as id, bm25(clause_search_fts, 2.0, 1.0) as score
        from clause_search_fts f
        join clause_search s on s.id = f.rowid
        join artefacts a on a.id = s.artefact_id
        where clause_search_fts match ${match} ${where}
        -- A hit in the heading counts double.
        order by score, f.rowid
        limit ${page.limit} offset ${page.offset}
      )
      select ${columns},
        snippet(clause_search_fts, 1, ${HIT_START}, ${HIT_END}, '…', 32) as snippet
      from hits
      join clause_search_fts f on f.rowid = hits.id
      join clause_search s on s.id = hits.id
      join artefacts a on a.id = s.artefact_id
      join artefact_versions v on v.id = s.version_id
      where clause_search_fts match ${match}
      order by hits.score, hits.id`.execute(db.kysely);
    return rows.rows.map((r) => ({ ...r, isCurrent: Boolean(r.isCurrent) }));
  }
  const options = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
  // Rank and page first, so that only a page of clauses is highlighted.
  const rows = await sql<ClauseHitRow>`
    with q as (select to_tsquery('english', ${toTsquery(terms)}) as query),
    hits as (
      select s.id, ts_rank(s.document, q.query) as rank
      from clause_search s
      cross join q
      join artefacts a on a.id = s.artefact_id
      where s.document @@ q.query ${where}
      order by rank desc, s.id
      limit ${page.limit} offset ${page.offset}
    )
    select ${columns},
      -- ts_headline drops anything that looks like an HTML tag; hide the '<' from it.
      replace(ts_headline('english', replace(s.text, '<', chr(4)), q.query, ${options}), chr(4), '<')
        as snippet
    from hits
    cross join q
    join clause_search s on s.id = hits.id
    join artefacts a on a.id = s.artefact_id
    join artefact_versions v on v.id = s.version_id
    order by hits.rank desc, s.id`.execute(db.kysely);
  return rows.rows;
}

export interface CommentHitRow {
  id: string;
  ref: string;
  artefactId: string;
  reference: string;
  slug: string;
  code: string;
  title: string;
  versionId: string;
  versionLabel: string | null;
  clauseRef: string;
  status: string;
  confidential: number;
  body: string;
  proposedText: string | null;
  createdAt: string;
}

/** What a term must contain to match plain text: a crude stem, so "collectors" finds "collector". */
function likePattern(term: SearchTerm): string {
  const words = [...term.words];
  const last = words.length - 1;
  if (!term.prefix && words[last]!.length > 3) words[last] = words[last]!.replace(/(es|s)$/, '');
  return `%${words.join(' ')}%`;
}

/**
 * Comments the caller may see whose body or proposed text contains every term, newest first.
 * Comments have no full-text index: the visibility rule and filters narrow them first, and terms
 * are letters and digits only, so they need no LIKE escaping.
 */
export async function searchComments(
  db: Db,
  visibility: CommentVisibility,
  terms: SearchTerm[],
  filters: Omit<SearchFilters, 'version'>,
  page: SearchPage,
): Promise<CommentHitRow[]> {
  let query = db.kysely
    .selectFrom('comments as c')
    .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
    .leftJoin('artefactVersions as v', 'v.id', 'c.versionId')
    .where(visibleTo(visibility, 'c'));
  if (filters.code) query = query.where('a.code', '=', filters.code);
  if (filters.kind) query = query.where('a.kind', '=', filters.kind);
  for (const term of terms) {
    const pattern = likePattern(term);
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['c.body']), 'like', pattern),
        eb(eb.fn('lower', ['c.proposedText']), 'like', pattern),
      ]),
    );
  }
  return query
    .select([
      'c.id',
      'c.ref',
      'c.artefactId',
      'a.reference',
      'a.slug',
      'a.code',
      'a.title',
      'c.versionId',
      'v.label as versionLabel',
      'c.clauseRef',
      'c.status',
      'c.confidential',
      'c.body',
      'c.proposedText',
      'c.createdAt',
    ])
    .orderBy('c.createdAt', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
