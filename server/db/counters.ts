import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Next value of a named counter, inside the caller's transaction (the row lock serialises writers). */
export async function nextCounter(trx: Kysely<Database>, name: string): Promise<number> {
  await trx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
