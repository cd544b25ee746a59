import v8 from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from './database.js';
import { readDataVersion } from './readCache.js';

// Computations under way in this process, so that concurrent requests after a write wait for
// one computation instead of each starting their own.
const pending = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * A read worth sharing between instances: computed once per data version (and `stamp`, for what
 * else it depends on, such as the time) by whichever instance asks first, stored in the database
 * and read back by the others, instead of each instance recomputing it after every write. Each
 * instance also keeps the value in its own read cache. The value must survive structured clone
 * (plain data: no functions or class instances).
 */
export async function sharedRead<T>(
  db: Db,
  key: string,
  stamp: string,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await readDataVersion(db);
  const localKey = `shared:${key}:${stamp}`;
  const hit = db.readCache.get(localKey, version);
  if (hit !== undefined) return hit as T;

  const flightKey = `${key}|${version}|${stamp}`;
  const flights = pending.get(db) ?? new Map<string, Promise<unknown>>();
  pending.set(db, flights);
  const inFlight = flights.get(flightKey);
  if (inFlight) return (await inFlight) as T;

  const flight = (async () => {
    const stored = await db.kysely
      .selectFrom('sharedReads')
      .select('value')
      .where('key', '=', key)
      .where('dataVersion', '=', version)
      .where('stamp', '=', stamp)
      .executeTakeFirst();
    const value = stored
      ? (v8.deserialize(inflateRawSync(stored.value)) as T)
      : await computeAndStore();
    db.readCache.set(localKey, version, value);
    return value;
  })();

  async function computeAndStore(): Promise<T> {
    const value = await compute();
    const row = {
      key,
      dataVersion: version,
      stamp,
      value: deflateRawSync(v8.serialize(value), { level: 1 }),
    };
    // A slower instance must not replace a value computed at a later data version.
    await db.kysely
      .insertInto('sharedReads')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({
            dataVersion: (eb) => eb.ref('excluded.dataVersion'),
            stamp: (eb) => eb.ref('excluded.stamp'),
            value: (eb) => eb.ref('excluded.value'),
          })
          .where(sql<boolean>`shared_reads.data_version <= excluded.data_version`),
      )
      .execute();
    return value;
  }

  flights.set(flightKey, flight);
  try {
    return await flight;
  } finally {
    flights.delete(flightKey);
  }
}
