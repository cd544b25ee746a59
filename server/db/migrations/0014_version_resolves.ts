import type { Kysely } from 'kysely';

/**
 * The comments a version resolves: the accepted proposals its author applied when preparing it, so
 * that each comment can say which version incorporated it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('version_resolved_comments')
    .addColumn('version_id', 'text', (c) => c.notNull().references('artefact_versions.id'))
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
    .addPrimaryKeyConstraint('version_resolved_comments_pk', ['version_id', 'comment_id'])
    .execute();
  await db.schema
    .createIndex('version_resolved_comments_comment_idx')
    .on('version_resolved_comments')
    .column('comment_id')
    .execute();
}
