import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import type { Clause } from '../../domain/parseClauses.js';
import { clauseSearchRows, insertClauseSearchRows } from '../searchIndex.js';
import { atomically } from './atomically.js';

const VERSION_BATCH = 50;

/**
 * Full-text search over every clause of every version: one row per clause in `clause_search`,
 * indexed by FTS5 (porter stemming) on SQLite and by a GIN index over an English tsvector on
 * PostgreSQL. Existing versions are indexed here, a batch of versions at a time.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await atomically(db, dialect, () => create(db, dialect));
}

async function create(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`
      create table clause_search (
        id bigserial primary key,
        version_id text not null references artefact_versions(id),
        artefact_id text not null references artefacts(id),
        clause_ref text not null,
        heading text,
        text text not null,
        anchor text not null,
        position integer not null,
        document tsvector generated always as (
          setweight(to_tsvector('english', coalesce(heading, '')), 'A') ||
          setweight(to_tsvector('english', text), 'B')
        ) stored
      )`.execute(db);
    await sql`create index clause_search_document_idx on clause_search using gin (document)`.execute(
      db,
    );
  } else {
    await sql`
      create table clause_search (
        id integer primary key,
        version_id text not null references artefact_versions(id),
        artefact_id text not null references artefacts(id),
        clause_ref text not null,
        heading text,
        text text not null,
        anchor text not null,
        position integer not null
      )`.execute(db);
    // External content: the index holds tokens only, and reads heading and text from the table.
    await sql`
      create virtual table clause_search_fts using fts5(
        heading, text, content='clause_search', content_rowid='id', tokenize='porter unicode61'
      )`.execute(db);
    await sql`
      create trigger clause_search_ai after insert on clause_search begin
        insert into clause_search_fts(rowid, heading, text) values (new.id, new.heading, new.text);
      end`.execute(db);
    await sql`
      create trigger clause_search_ad after delete on clause_search begin
        insert into clause_search_fts(clause_search_fts, rowid, heading, text)
          values ('delete', old.id, old.heading, old.text);
      end`.execute(db);
  }
  await sql`create index clause_search_version_idx on clause_search (version_id)`.execute(db);

  let after = '';
  for (;;) {
    // One-word aliases: the migrator's Kysely may camel-case result columns.
    const { rows } = await sql<{ id: string; owner: string; clauses: string }>`
      select id, artefact_id as owner, clauses from artefact_versions
      where id > ${after} order by id limit ${VERSION_BATCH}`.execute(db);
    if (!rows.length) break;
    for (const v of rows) {
      const clauses = JSON.parse(v.clauses) as Clause[];
      await insertClauseSearchRows(
        db,
        clauseSearchRows({ id: v.id, artefactId: v.owner }, clauses),
      );
    }
    after = rows[rows.length - 1]!.id;
  }
}
