import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { auditEventHash, GENESIS_HASH, type ChainedEvent } from '../../domain/auditChain.js';
import { atomically } from './atomically.js';

const BATCH = 1000;

/**
 * Chains the audit log: each event stores the hash of the one before it and its own, and a single
 * head row holds the last id, the count and the last hash (so deleting the newest events shows
 * too). Events already logged are chained here in id order, so an upgraded database verifies.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await atomically(db, dialect, () => chain(db, dialect));
}

async function chain(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_id', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('count', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    // Rows come back camel-cased (the connection's CamelCasePlugin).
    const { rows } = await sql<Omit<ChainedEvent, 'prevHash'>>`
      select id, actor_id, action, entity, entity_id, before, after, at
      from audit_events where id > ${lastId} order by id limit ${BATCH}`.execute(db);
    for (const row of rows) {
      const hash = auditEventHash({ ...row, prevHash });
      await sql`update audit_events set prev_hash = ${prevHash}, hash = ${hash}
        where id = ${row.id}`.execute(db);
      prevHash = hash;
      lastId = Number(row.id);
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  await sql`insert into audit_head (id, last_id, count, hash)
    values (1, ${lastId}, ${count}, ${prevHash})`.execute(db);
}
