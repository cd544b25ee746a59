import { sql, type Kysely } from 'kysely';

/**
 * The M6 baseline happens once: a `singleton` column that can only hold 1, unique, so a second
 * baseline row is refused by the database itself whatever the application does. And one row
 * that stands for the M6 state, which decisions, publishing and consultation creation lock
 * (db/m6Lock.ts) so that they see each other's effects rather than racing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('m6_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .execute();
  await sql`insert into m6_state (id) values (1)`.execute(db);

  const { rows } = await sql<{ n: number | string }>`select count(*) as n from baselines`.execute(
    db,
  );
  const baselines = Number(rows[0]?.n ?? 0);
  if (baselines > 1) {
    // Two SRO approvals raced before this migration existed. Which baseline stands is a decision
    // for the programme, not for a migration: keep the one approved and delete the others (their
    // baseline_versions and work_off_items first), then start again.
    throw new Error(
      `The database holds ${baselines} M6 baselines; there must be one. Remove the duplicates (see migration 0004_exactly_once) and restart.`,
    );
  }
  await db.schema
    .alterTable('baselines')
    .addColumn('singleton', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`singleton = 1`),
    )
    .execute();
  await db.schema
    .createIndex('baselines_singleton_idx')
    .on('baselines')
    .column('singleton')
    .unique()
    .execute();
}
