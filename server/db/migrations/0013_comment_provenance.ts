import { sql, type Kysely } from 'kysely';

/**
 * An imported comment keeps the name of the person who raised it, and who imported it, rather than
 * making the importer its author (with an author's rights). The latest decision's change and action
 * sit beside its response on the comment, as the comment log lists them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('raised_by_name', 'text').execute();
  await db.schema
    .alterTable('comments')
    .addColumn('imported_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('comments').addColumn('change_id', 'text').execute();
  await db.schema.alterTable('comments').addColumn('action', 'text').execute();
  const latest = (column: string) => sql`(
    select d.${sql.ref(column)} from triage_decisions d
    where d.comment_id = comments.id
    order by d.decided_at desc, d.id desc
    limit 1
  )`;
  await sql`update comments set change_id = ${latest('change_id')}, action = ${latest('action')}
    where exists (select 1 from triage_decisions d where d.comment_id = comments.id)`.execute(db);
  // Imports used to make the importer the author; the audit says who imported each one.
  await sql`update comments set raised_by_name = (select u.name from users u where u.id = comments.author_id),
    imported_by = author_id, author_id = null
    where exists (select 1 from audit_events e where e.entity_id = comments.id and e.action = 'comment.import')`.execute(
    db,
  );
}
