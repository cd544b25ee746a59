import { sql, type RawBuilder } from 'kysely';
import type { CommentVisibility } from '../../policies/commentVisibility.js';
import { toFts5, toTsquery, type SearchTerm } from '../../domain/searchQuery.js';
import { rankClauses } from '../../domain/searchRank.js';
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
  text: string;
}

/**
 * How many matches are ranked by relevance. A word found in most of 160,000 clauses would otherwise
 * be scored in every one of them on every request; past this many, the first RANKED_MATCHES in
 * index order are ranked and the rest follow them unranked, so every match can still be paged to.
 * Reading and scoring them is most of a ranked search's cost: 200 would take a fifth off Node's
 * share (npm run bench -- search; docs/benchmarks.md).
 */
export const RANKED_MATCHES = 300;

export interface ClauseSearchResult {
  rows: ClauseHitRow[];
  /** More than RANKED_MATCHES clauses match, so only the first of them were ranked. */
  broad: boolean;
}

interface Segment {
  limit: number;
  offset: number;
}

/** The page's share of the ranked matches and of the unranked ones after them. */
function segments(page: SearchPage, broad: boolean): { ranked?: Segment; unranked?: Segment } {
  if (!broad) return { ranked: page };
  const end = page.offset + page.limit;
  return {
    ...(page.offset < RANKED_MATCHES
      ? { ranked: { offset: page.offset, limit: Math.min(end, RANKED_MATCHES) - page.offset } }
      : {}),
    ...(end > RANKED_MATCHES
      ? {
          unranked: {
            offset: Math.max(page.offset, RANKED_MATCHES),
            limit: end - Math.max(page.offset, RANKED_MATCHES),
          },
        }
      : {}),
  };
}

const and = (where: RawBuilder<unknown>[]) =>
  where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``;

/**
 * Code and kind filters on matches `f`: the code is each row's own (0017), the kind needs the
 * registry. `codeDone` when the matches are already of the code alone.
 */
function registryFilter(
  filters: SearchFilters,
  codeDone: boolean,
): { join: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const where: RawBuilder<unknown>[] = [];
  if (filters.code && !codeDone) where.push(sql`s.code = ${filters.code}`);
  if (filters.kind) where.push(sql`a.kind = ${filters.kind}`);
  if (!where.length) return { join: sql``, where: sql`` };
  const join = filters.kind
    ? sql`join clause_search s on s.id = f.id join artefacts a on a.id = s.artefact_id`
    : sql`join clause_search s on s.id = f.id`;
  return { join, where: and(where) };
}

/** Matching clause ids as `f.id`, from the index of current versions or of every version. */
function matchesOf(db: Db, terms: SearchTerm[], filters: SearchFilters): RawBuilder<unknown> {
  const current = filters.version === 'current';
  if (db.dialect === 'sqlite') {
    // Current versions have an index of their own, which also holds each clause's code (0017).
    if (!current) {
      return sql`(select rowid as id from clause_search_fts
        where clause_search_fts match ${toFts5(terms)}) f`;
    }
    const match = toFts5(terms, { columns: ['heading', 'text'], code: filters.code });
    return sql`(select rowid as id from clause_current_fts where clause_current_fts match ${match}) f`;
  }
  return sql`(select s.id from clause_search s where ${pgMatching(terms, filters)}) f`;
}

/**
 * PostgreSQL: whether clause_search row `s` matches every term under the filters. Current versions
 * have a partial index of their own (0017), and every row its code.
 */
function pgMatching(terms: SearchTerm[], filters: SearchFilters): RawBuilder<unknown> {
  return sql`s.document @@ to_tsquery('english', ${toTsquery(terms)})
    ${filters.version === 'current' ? sql`and s.is_current = 1` : sql``}
    ${filters.code ? sql`and s.code = ${filters.code}` : sql``}`;
}

/** How many of one code's current clauses a probe reads (see probeCodeRows). */
const PROBE_ROWS = 5000;

/** A match's text, all that ranking reads. */
type CandidateRow = { id: number | string; heading: string | null; text: string };

/**
 * PostgreSQL: the first matches of a common phrase in one code, by walking that code's current
 * clauses in id order and stopping at RANKED_MATCHES + 1. Its planner, taking the codes to be spread
 * evenly through the ids, walks every code's clauses instead (44x health for REC, the codes whose
 * clauses came after the BSC's). Tried over the code's first PROBE_ROWS clauses only: null when
 * fewer matches are there, and the index finds a rarer phrase faster.
 */
async function probeCodeRows(
  db: Db,
  terms: SearchTerm[],
  filters: SearchFilters,
): Promise<CandidateRow[] | null> {
  if (db.dialect !== 'postgres' || !filters.code || filters.kind || filters.version !== 'current')
    return null;
  // "offset 0" keeps each subquery as written: an ordered walk, and one lookup per clause.
  const found = await sql<CandidateRow>`
    select c.id, x.heading, x.text
    from (select id from clause_search where is_current = 1 and code = ${filters.code}
      order by id limit ${PROBE_ROWS}) c
    cross join lateral (select s.heading, s.text from clause_search s
      where s.id = c.id and s.document @@ to_tsquery('english', ${toTsquery(terms)}) offset 0) x
    order by c.id limit ${RANKED_MATCHES + 1}`.execute(rawRows(db));
  return found.rows.length > RANKED_MATCHES ? found.rows : null;
}

/**
 * Kysely without its plugins, for rows whose columns need no renaming: the camel-case plugin
 * copies every row, which for a search's 301 candidates was a twentieth of its CPU.
 */
const rawRows = (db: Db) => db.kysely.withoutPlugins();

/**
 * The text of the first RANKED_MATCHES + 1 matches, in id order. On PostgreSQL straight from the
 * matching rows: reading the matches' ids and joining them back to their rows, as SQLite must
 * (its index holds no text), read every candidate's row twice.
 */
function firstMatchesText(
  db: Db,
  terms: SearchTerm[],
  filters: SearchFilters,
  matching: RawBuilder<unknown>,
  sorted: boolean,
): RawBuilder<CandidateRow> {
  if (db.dialect === 'sqlite') {
    return sql<CandidateRow>`select s.id, s.heading, s.text
      from (${matching} order by ${idOrder('f.id', sorted)} limit ${RANKED_MATCHES + 1}) m
      join clause_search s on s.id = m.id order by m.id`;
  }
  const kind = filters.kind
    ? sql`join artefacts a on a.id = s.artefact_id and a.kind = ${filters.kind}`
    : sql``;
  if (sorted) {
    // Sorting every match's text to keep the first few hundred cost a third of the query for a
    // rare word: the matches' row addresses are sorted instead, and only the first rows read whole.
    // One statement, one snapshot, so each address still holds the row the sort saw.
    return sql<CandidateRow>`select c.id, c.heading, c.text from clause_search c
      where c.ctid = any(array(select s.ctid from clause_search s ${kind}
        where ${pgMatching(terms, filters)} order by ${idOrder('s.id', true)}
        limit ${RANKED_MATCHES + 1}))
      order by c.id`;
  }
  return sql<CandidateRow>`select s.id, s.heading, s.text from clause_search s ${kind}
    where ${pgMatching(terms, filters)} order by ${idOrder('s.id', false)}
    limit ${RANKED_MATCHES + 1}`;
}

/** A hit's columns, from clause_search `s` and its artefact `a` and version `v`. */
const hitColumns = sql`s.id, a.id as "artefactId", a.reference, a.slug, a.code, a.title,
  s.version_id as "versionId", v.label as "versionLabel", s.is_current as "isCurrent",
  s.clause_ref as "clauseRef", s.heading, s.anchor, s.text`;

type HitRow = ClauseHitRow & { id: number | string };

/** Hits for the matches `m`, in `m`'s order of ids. */
function hitsOf(matches: RawBuilder<unknown>): RawBuilder<HitRow> {
  return sql<HitRow>`select ${hitColumns}
    from ${matches} m
    join clause_search s on s.id = m.id
    join artefacts a on a.id = s.artefact_id
    join artefact_versions v on v.id = s.version_id
    order by s.id`;
}

/** The hits of clauses already found, by id: a plain join, as cheap to plan as to run. */
function hitsById(ids: number[]): RawBuilder<HitRow> {
  return sql<HitRow>`select ${hitColumns}
    from clause_search s
    join artefacts a on a.id = s.artefact_id
    join artefact_versions v on v.id = s.version_id
    where s.id in (${sql.join(ids)})`;
}

const present = (row: HitRow): ClauseHitRow => {
  const { id: _id, ...hit } = row;
  return { ...hit, isCurrent: Boolean(hit.isCurrent) };
};

/** Up to how many estimated matches PostgreSQL reads them all and sorts, not walks the ids. */
const SORTED_MATCHES = 2000;
const estimates = new Map<string, number>();

/**
 * PostgreSQL: how many clauses its planner expects to match, from its statistics. Kept per query
 * (a few hundred at most): statistics change slowly, and paging repeats a query.
 */
async function estimatedMatches(
  db: Db,
  terms: SearchTerm[],
  filters: SearchFilters,
): Promise<number> {
  const key = JSON.stringify([toTsquery(terms), filters.code, filters.version]);
  const known = estimates.get(key);
  if (known !== undefined) return known;
  const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`
    explain (format json) select f.id from ${matchesOf(db, terms, filters)}`.execute(db.kysely);
  const estimate = rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? Infinity;
  if (estimates.size >= 500) estimates.delete(estimates.keys().next().value!);
  estimates.set(key, estimate);
  return estimate;
}

/**
 * Whether to read the matches sorted rather than in index order. PostgreSQL walks the id index and
 * checks each clause for the words, which for a rare word means reading most of the index (138 ms
 * for "unmetered", in 0.7% of clauses): its cost model prices the check of a clause far below what
 * it costs. Ordering by `id + 0`, which no index gives, makes it read the word's matches from the
 * GIN index and sort them instead (3 ms), so that is done when few clauses are expected to match.
 */
async function sortMatches(db: Db, terms: SearchTerm[], filters: SearchFilters): Promise<boolean> {
  if (db.dialect !== 'postgres') return false;
  return (await estimatedMatches(db, terms, filters)) <= SORTED_MATCHES;
}

/** Ordering by `id + 0` when sorting (see sortMatches): no index gives that order. */
const idOrder = (column: string, sorted: boolean) =>
  sorted ? sql`${sql.ref(column)} + 0` : sql.ref(column);

/**
 * Clauses matching every term: the first RANKED_MATCHES (in index order) best first, then any
 * others in index order. Ranking happens here rather than in the database, the same on both, and
 * costs the same however many clauses match.
 */
export async function searchClauses(
  db: Db,
  terms: SearchTerm[],
  filters: SearchFilters,
  page: SearchPage,
): Promise<ClauseSearchResult> {
  // SQLite's index matches the code's words; the row's code is checked exactly.
  const { join, where } = registryFilter(filters, db.dialect === 'postgres');
  const matching = sql`select f.id from ${matchesOf(db, terms, filters)} ${join} where true ${where}`;
  const sorted = await sortMatches(db, terms, filters);

  if (page.offset >= RANKED_MATCHES) {
    // Past the ranked matches: they are more than RANKED_MATCHES, if this page finds any.
    const rest = await hitsOf(
      sql`(${matching} order by ${idOrder('f.id', sorted)} limit ${page.limit} offset ${page.offset})`,
    ).execute(db.kysely);
    return { rows: rest.rows.map(present), broad: rest.rows.length > 0 };
  }
  // The first matches in index order, cheap to read as nothing is scored or sorted; ranked here,
  // and only the page's hits read in full after.
  const first =
    (await probeCodeRows(db, terms, filters)) ??
    (await firstMatchesText(db, terms, filters, matching, sorted).execute(rawRows(db))).rows;
  if (first.length === 0) return { rows: [], broad: false };
  const broad = first.length > RANKED_MATCHES;
  const { ranked, unranked } = segments(page, broad);
  const candidates = first.slice(0, RANKED_MATCHES).map((row) => ({
    id: Number(row.id),
    heading: row.heading,
    text: row.text,
  }));
  const best = rankClauses(candidates, terms).slice(ranked!.offset, ranked!.offset + ranked!.limit);
  const hits = best.length ? (await hitsById(best).execute(db.kysely)).rows : [];
  const byId = new Map(hits.map((row) => [Number(row.id), row]));
  const rows = best.map((id) => present(byId.get(id)!));
  if (unranked) {
    const rest = await hitsOf(
      sql`(${matching} order by ${idOrder('f.id', sorted)} limit ${unranked.limit} offset ${unranked.offset})`,
    ).execute(db.kysely);
    rows.push(...rest.rows.map(present));
  }
  return { rows, broad };
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

/** Ids of the comments whose body or proposed text holds every term, from the index (0019). */
function commentMatches(db: Db, terms: SearchTerm[]): RawBuilder<unknown> {
  if (db.dialect === 'sqlite') {
    return sql`select s.comment_id from comment_search_fts f
      join comment_search s on s.id = f.rowid
      where comment_search_fts match ${toFts5(terms)}`;
  }
  return sql`select comment_id from comment_search
    where document @@ to_tsquery('english', ${toTsquery(terms)})`;
}

/**
 * Past this many matches SQLite finds a page by walking comments newest first and keeping the
 * matches; below it, by reading every match and sorting them. Reading and sorting the 52,000
 * matches of a word in every comment took 0.4-1.8 s; the walk, 45-120 ms (but 10-25 ms where a
 * rare word's few matches take under 2 ms). docs/benchmarks.md has the measurements.
 */
export const SPARSE_COMMENT_MATCHES = 1000;

/** Whether more than SPARSE_COMMENT_MATCHES comments match (SQLite; its index counts cheaply). */
async function manyCommentMatches(db: Db, terms: SearchTerm[]): Promise<boolean> {
  if (db.dialect !== 'sqlite') return false;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (
    select rowid from comment_search_fts where comment_search_fts match ${toFts5(terms)}
    limit ${SPARSE_COMMENT_MATCHES + 1})`.execute(db.kysely);
  return Number(rows[0]!.n) > SPARSE_COMMENT_MATCHES;
}

/**
 * Comments the caller may see whose body or proposed text holds every term, newest first: the
 * index finds the matches, then the visibility rule and the filters apply to them as to any list.
 * PostgreSQL's planner weighs the matches itself (from the GIN index's statistics); SQLite's is
 * told (see SPARSE_COMMENT_MATCHES).
 */
export async function searchComments(
  db: Db,
  visibility: CommentVisibility,
  terms: SearchTerm[],
  filters: Omit<SearchFilters, 'version'>,
  page: SearchPage,
): Promise<CommentHitRow[]> {
  // "+" keeps SQLite from looking comments up by the matches' ids, so it walks them by date.
  const id = (await manyCommentMatches(db, terms)) ? sql`+c.id` : sql`c.id`;
  let query = db.kysely
    .selectFrom('comments as c')
    .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
    .leftJoin('artefactVersions as v', 'v.id', 'c.versionId')
    .where(visibleTo(visibility, 'c'));
  if (filters.code) query = query.where('a.code', '=', filters.code);
  if (filters.kind) query = query.where('a.kind', '=', filters.kind);
  return query
    .where(sql<boolean>`${id} in (${commentMatches(db, terms)})`)
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
