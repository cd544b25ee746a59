import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { atomically } from './atomically.js';

/**
 * A search of current versions (the default) should not rank, then throw away, every clause of every
 * earlier version: `clause_search.is_current` marks the current version's rows, and a second index
 * holds only them (a second FTS5 table on SQLite, kept by triggers; a partial GIN index on
 * PostgreSQL). On SQLite that index also holds the artefact's code (which never changes), so that
 * filtering a common word by code narrows the index rather than every match.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await atomically(db, dialect, () => create(db, dialect));
}

async function create(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await sql`alter table clause_search add column is_current integer not null default 0`.execute(db);
  await sql`alter table clause_search add column code text not null default ''`.execute(db);
  await sql`
    update clause_search
    set code = (select a.code from artefacts a where a.id = clause_search.artefact_id)`.execute(db);
  await sql`
    update clause_search set is_current = 1
    where version_id in (select current_version_id from artefacts)`.execute(db);
  if (dialect === 'postgres') {
    await sql`
      create index clause_search_current_document_idx on clause_search using gin (document)
      where is_current = 1`.execute(db);
    // Matches in index order: a common phrase is read along this and stops at the first few
    // hundred, rather than rechecked in every clause that has its words.
    await sql`create index clause_search_current_idx on clause_search (id) where is_current = 1`.execute(
      db,
    );
    // One code's clauses in id order, for a common phrase in one code (see queries/search.ts).
    await sql`
      create index clause_search_current_code_idx on clause_search (code, id)
      where is_current = 1`.execute(db);

    // Fresh statistics for the new column and indexes, so that a common phrase is not planned
    // as a rare one until autovacuum comes round.
    await sql`analyze clause_search`.execute(db);
    return;
  }
  await sql`
    create virtual table clause_current_fts using fts5(
      heading, text, code, content='clause_search', content_rowid='id', tokenize='porter unicode61'
    )`.execute(db);
  await sql`
    insert into clause_current_fts(rowid, heading, text, code)
    select id, heading, text, code from clause_search where is_current = 1`.execute(db);
  await sql`
    create trigger clause_current_ai after insert on clause_search when new.is_current = 1 begin
      insert into clause_current_fts(rowid, heading, text, code)
        values (new.id, new.heading, new.text, new.code);
    end`.execute(db);
  await sql`
    create trigger clause_current_on after update of is_current on clause_search
    when old.is_current = 0 and new.is_current = 1 begin
      insert into clause_current_fts(rowid, heading, text, code)
        values (new.id, new.heading, new.text, new.code);
    end`.execute(db);
  await sql`
    create trigger clause_current_off after update of is_current on clause_search
    when old.is_current = 1 and new.is_current = 0 begin
      insert into clause_current_fts(clause_current_fts, rowid, heading, text, code)
        values ('delete', old.id, old.heading, old.text, old.code);
    end`.execute(db);
  await sql`
    create trigger clause_current_ad after delete on clause_search when old.is_current = 1 begin
      insert into clause_current_fts(clause_current_fts, rowid, heading, text, code)
        values ('delete', old.id, old.heading, old.text, old.code);
    end`.execute(db);
  await sql`create index clause_search_current_idx on clause_search (artefact_id) where is_current = 1`.execute(
    db,
  );
}
