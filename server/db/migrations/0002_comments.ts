import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consultation_artefacts')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addPrimaryKeyConstraint('consultation_artefacts_pk', ['consultation_id', 'artefact_id'])
    .execute();
  await db.schema
    .createIndex('consultation_artefacts_artefact_idx')
    .on('consultation_artefacts')
    .column('artefact_id')
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('artefact_versions.id'))
    .addColumn('clause_ref', 'text', (c) => c.notNull())
    .addColumn('quote', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('proposed_text', 'text')
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comments_artefact_status_idx')
    .on('comments')
    .columns(['artefact_id', 'status'])
    .execute();
  await db.schema
    .createIndex('comments_created_idx')
    .on('comments')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('comments_severity_idx')
    .on('comments')
    .columns(['severity_rank', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('comments_organisation_idx')
    .on('comments')
    .column('organisation_id')
    .execute();

  // Comment counts per artefact, status and visibility key, refreshed in every comment write's
  // transaction, so registry and queue counts never scan every comment. Public comments are
  // tallied under organisation '' so the table stays small.
  await db.schema
    .createTable('comment_tallies')
    .addColumn('artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_tallies_pk', [
      'artefact_id',
      'confidential',
      'organisation_id',
      'status',
    ])
    .execute();
  await db.schema
    .createIndex('comment_tallies_visibility_idx')
    .on('comment_tallies')
    .columns(['confidential', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('comment_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_replies_comment_idx')
    .on('comment_replies')
    .column('comment_id')
    .execute();

  await db.schema
    .createTable('triage_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('change_id', 'text')
    .addColumn('duplicate_of', 'text', (c) => c.references('comments.id'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('triage_decisions_comment_idx')
    .on('triage_decisions')
    .column('comment_id')
    .execute();
}
