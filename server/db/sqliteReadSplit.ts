import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { ReadCache } from './readCache.js';

/**
 * SQLite with a second, read-only connection for reads made outside a transaction.
 *
 * Kysely's SQLite driver has one connection and lends it to one caller at a time, so while a
 * transaction is open (a 2,000-clause publish yields between batches for half a second) every
 * other request, even `/api/health`'s `select 1`, waits for it. In WAL mode a second connection
 * reads the last committed state while a write is in progress, so reads go there and only writes
 * wait their turn. Statements inside a transaction stay on the writer, which alone sees the
 * transaction's own changes.
 */
export class ReadSplitSqliteDialect extends SqliteDialect {
  constructor(
    private readonly writer: SqliteDatabase,
    private readonly reader: SqliteDatabase,
  ) {
    super({ database: writer });
  }

  override createDriver(): Driver {
    return new ReadSplitDriver(this.writer, this.reader);
  }
}

class Turn {
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  async take(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  give(): void {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
  }
}

class Session implements DatabaseConnection {
  inTransaction = false;
  constructor(private readonly driver: ReadSplitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(this, query);
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const db = this.inTransaction ? this.driver.writer : this.driver.reader;
    for (const row of db.prepare(query.sql).iterate(query.parameters as unknown[]))
      yield { rows: [row as R] };
  }
}

/** `begin…` and `commit`/`end`/`rollback` sent as plain SQL (migrations do), not Kysely's calls. */
function transactionCommand(text: string): 'begin' | 'end' | null {
  const word = /^\s*(\w+)(\s+to\b)?/i.exec(text);
  if (!word?.[1]) return null;
  const first = word[1].toLowerCase();
  if (first === 'begin') return 'begin';
  if (first === 'commit' || first === 'end') return 'end';
  if (first === 'rollback' && !word[2]) return 'end';
  return null;
}

function run<R>(statement: Statement, query: CompiledQuery): QueryResult<R> {
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/**
 * How many prepared statements each connection keeps. Preparing was a seventh of a search's time:
 * the app's statements are few, and their texts repeat with only the parameters changing.
 */
const PREPARED_STATEMENTS = 500;
const FOR_GOOD = 0;

/**
 * One connection's statements, prepared once per text. SQLite prepares a statement again by itself
 * when the schema changes under it (a migration), so a kept one never runs against an old schema.
 */
class PreparedStatements {
  private readonly cache = new ReadCache(PREPARED_STATEMENTS);
  constructor(private readonly db: SqliteDatabase) {}

  get(text: string): Statement {
    const kept = this.cache.get(text, FOR_GOOD) as Statement | undefined;
    if (kept) return kept;
    const statement = this.db.prepare(text);
    this.cache.set(text, FOR_GOOD, statement);
    return statement;
  }
}

class ReadSplitDriver implements Driver {
  private readonly turn = new Turn();
  /** A transaction begun with plain SQL: every statement joins it, as on one connection. */
  private plainTransaction = false;
  private readonly written: PreparedStatements;
  /** Statements that only read, prepared on the reader; null where the writer must run them. */
  private readonly readOnlyStatements = new ReadCache(PREPARED_STATEMENTS);

  constructor(
    readonly writer: SqliteDatabase,
    readonly reader: SqliteDatabase,
  ) {
    this.written = new PreparedStatements(writer);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Session(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.turn.take();
    try {
      this.writer.exec('begin');
    } catch (err) {
      this.turn.give();
      throw err;
    }
    (connection as Session).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed commit leaves the transaction open; Kysely then rolls it back, which ends the turn.
    this.writer.exec('commit');
    this.endTurn(connection as Session);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      if (this.writer.inTransaction) this.writer.exec('rollback');
    } finally {
      this.endTurn(connection as Session);
    }
  }

  async savepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.writer.exec(`savepoint ${quoteName(name)}`);
  }

  async rollbackToSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.writer.exec(`rollback to ${quoteName(name)}`);
  }

  async releaseSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.writer.exec(`release ${quoteName(name)}`);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.reader.close();
    this.writer.close();
  }

  private endTurn(session: Session): void {
    session.inTransaction = false;
    this.turn.give();
  }

  async execute<R>(session: Session, query: CompiledQuery): Promise<QueryResult<R>> {
    if (session.inTransaction) return run<R>(this.written.get(query.sql), query);
    const command = transactionCommand(query.sql);
    if (command === 'begin') {
      await this.turn.take();
      try {
        const result = run<R>(this.written.get(query.sql), query);
        this.plainTransaction = true;
        return result;
      } catch (err) {
        this.turn.give();
        throw err;
      }
    }
    if (this.plainTransaction) {
      try {
        return run<R>(this.written.get(query.sql), query);
      } finally {
        if (command === 'end' && !this.writer.inTransaction) {
          this.plainTransaction = false;
          this.turn.give();
        }
      }
    }
    const read = this.readOnly(query.sql);
    if (read) return { rows: read.all(query.parameters as unknown[]) as R[] };
    await this.turn.take();
    try {
      return run<R>(this.written.get(query.sql), query);
    } finally {
      this.turn.give();
    }
  }

  /** The statement prepared on the reader, if it only reads. */
  private readOnly(text: string): Statement | null {
    const kept = this.readOnlyStatements.get(text, FOR_GOOD) as Statement | null | undefined;
    if (kept !== undefined) return kept;
    let prepared: Statement;
    try {
      prepared = this.reader.prepare(text);
    } catch {
      // Not valid on a read-only connection (a pragma that writes, or a table that a migration
      // is still creating): the writer decides, this time.
      return null;
    }
    const statement = prepared.reader && prepared.readonly ? prepared : null;
    this.readOnlyStatements.set(text, FOR_GOOD, statement);
    return statement;
  }
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
