import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Post-M6 work-off items become a register: an owner (code body), a target milestone, a status
 * and notes, edited under a revision. A source is now a deferred comment or a post-M6 change, so
 * `comment_id` may be null; SQLite cannot relax a NOT NULL column, so the table is rebuilt on both
 * dialects alike. One item per source, kept by unique indexes, so creation is exactly once
 * however many writers race. Existing items are owned by their comment's artefact's code body.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('work_off_register')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('baseline_id', 'text', (c) => c.notNull().references('baselines.id'))
    .addColumn('comment_id', 'text', (c) => c.references('comments.id'))
    .addColumn('change_id', 'text', (c) => c.references('changes.id'))
    .addColumn('owner_code', 'text', (c) => c.references('code_bodies.code'))
    .addColumn('target', 'text', (c) => c.check(sql`target in ('M7', 'M8', 'Later')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'in-progress', 'done', 'withdrawn')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addCheckConstraint(
      'work_off_one_source',
      sql`(comment_id is null and change_id is not null) or (comment_id is not null and change_id is null)`,
    )
    .execute();
  await sql`
    insert into work_off_register
      (id, baseline_id, comment_id, change_id, owner_code, target, status, notes, revision,
       created_at, updated_at, updated_by)
    select w.id, w.baseline_id, w.comment_id, null,
      (select a.code from comments c join artefacts a on a.id = c.artefact_id
        where c.id = w.comment_id),
      null, 'open', '', 1, w.created_at, w.created_at, null
    from work_off_items w
  `.execute(db);
  await db.schema.dropTable('work_off_items').execute();
  await db.schema.alterTable('work_off_register').renameTo('work_off_items').execute();
  await db.schema
    .createIndex('work_off_items_comment_idx')
    .on('work_off_items')
    .column('comment_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('work_off_items_change_idx')
    .on('work_off_items')
    .column('change_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('work_off_items_owner_idx')
    .on('work_off_items')
    .column('owner_code')
    .execute();
}
