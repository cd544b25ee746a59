import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { atomically } from './atomically.js';

/**
 * Full-text search over comments: the words of each comment's body and proposed text, stemmed as
 * the clause index stems them (porter on SQLite, English on PostgreSQL, see 0015). Triggers on
 * `comments` keep the index in step in the writing transaction, so no command needs to know of it.
 *
 * The index lives beside `comments` rather than in it, so that comment lists and exports (which
 * read whole rows) never carry a tsvector.
 *
 * SQLite: `comment_search` gives each comment a lasting integer (comments' own rowids are not
 * kept by VACUUM), the rowid of its entry in the contentless FTS5 table `comment_search_fts`; the
 * text is read from `comments`, and the triggers remove an entry with the text it was made from.
 * PostgreSQL: `comment_search` holds each comment's tsvector, with a GIN index over it.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await atomically(db, dialect, () =>
    dialect === 'postgres' ? createPostgres(db) : createSqlite(db),
  );
}

async function createSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table comment_search (
      id integer primary key,
      comment_id text not null unique
    )`.execute(db);
  await sql`
    create virtual table comment_search_fts using fts5(
      body, proposed_text, content='', tokenize='porter unicode61'
    )`.execute(db);
  const entryOf = (ref: 'new' | 'old') =>
    sql.raw(`(select id from comment_search where comment_id = ${ref}.id)`);
  const remove = sql`
    insert into comment_search_fts(comment_search_fts, rowid, body, proposed_text)
      values ('delete', ${entryOf('old')}, old.body, old.proposed_text)`;
  const add = sql`
    insert into comment_search_fts(rowid, body, proposed_text)
      values (${entryOf('new')}, new.body, new.proposed_text)`;
  await sql`
    create trigger comment_search_ai after insert on comments begin
      insert into comment_search(comment_id) values (new.id);
      ${add};
    end`.execute(db);
  await sql`
    create trigger comment_search_au after update of body, proposed_text on comments
    when old.body is not new.body or old.proposed_text is not new.proposed_text begin
      ${remove};
      ${add};
    end`.execute(db);
  await sql`
    create trigger comment_search_ad after delete on comments begin
      ${remove};
      delete from comment_search where comment_id = old.id;
    end`.execute(db);

  await sql`insert into comment_search(comment_id) select id from comments order by created_at, id`.execute(
    db,
  );
  await sql`
    insert into comment_search_fts(rowid, body, proposed_text)
    select s.id, c.body, c.proposed_text from comment_search s join comments c on c.id = s.comment_id`.execute(
    db,
  );
}

async function createPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table comment_search (
      comment_id text primary key references comments(id) on delete cascade,
      document tsvector not null
    )`.execute(db);
  await sql`create index comment_search_document_idx on comment_search using gin (document)`.execute(
    db,
  );
  // The one definition of a comment's words, for the trigger and the backfill alike.
  await sql`
    create function comment_search_document(body text, proposed_text text) returns tsvector
    language sql immutable as $$
      select to_tsvector('english', coalesce(body, '') || ' ' || coalesce(proposed_text, ''))
    $$`.execute(db);
  await sql`
    create function comment_search_sync() returns trigger language plpgsql as $$
    begin
      insert into comment_search (comment_id, document)
        values (new.id, comment_search_document(new.body, new.proposed_text))
      on conflict (comment_id) do update set document = excluded.document;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger comment_search_ai after insert on comments
    for each row execute function comment_search_sync()`.execute(db);
  await sql`
    create trigger comment_search_au after update of body, proposed_text on comments
    for each row when (old.body is distinct from new.body
      or old.proposed_text is distinct from new.proposed_text)
    execute function comment_search_sync()`.execute(db);

  await sql`
    insert into comment_search (comment_id, document)
    select id, comment_search_document(body, proposed_text) from comments`.execute(db);
  await sql`analyze comment_search`.execute(db);
}
