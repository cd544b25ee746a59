import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

const DATA_VERSION = 'data_version';

/**
 * Bumps the global data version. Called by the audit writer, so every audited state change (and
 * every state change is audited) invalidates cached reads, on every app instance sharing the
 * database. The counter row's lock orders bumps by commit.
 */
export async function bumpDataVersion(trx: Kysely<Database>): Promise<void> {
  await trx
    .insertInto('counters')
    .values({ name: DATA_VERSION, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })),
    )
    .execute();
}

export async function readDataVersion(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('counters')
    .select('value')
    .where('name', '=', DATA_VERSION)
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** A small LRU of read results, each valid only for the data version it was computed at. */
export class ReadCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();
  constructor(private readonly capacity = 300) {}

  get(key: string, version: number): unknown {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, version: number, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

/**
 * Read-through cache for hot list queries. The version is read before the data, so a cached value
 * is never older than the version it is filed under. Callers must treat results as read-only.
 */
export async function cachedRead<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await readDataVersion(db);
  const hit = db.readCache.get(key, version);
  if (hit !== undefined) return hit as T;
  const value = await compute();
  db.readCache.set(key, version, value);
  return value;
}
