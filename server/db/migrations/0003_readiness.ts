import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('post_m6', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('change_artefacts')
    .addColumn('change_id', 'text', (c) => c.notNull().references('changes.id'))
    .addColumn('artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addColumn('no_code_impact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_impact_reason', 'text')
    .addPrimaryKeyConstraint('change_artefacts_pk', ['change_id', 'artefact_id'])
    .execute();
  await db.schema
    .createIndex('change_artefacts_artefact_idx')
    .on('change_artefacts')
    .column('artefact_id')
    .execute();

  await db.schema
    .createTable('requirements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('requirement_traces')
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('requirements.id'))
    .addColumn('artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addColumn('clause_ref', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('requirement_traces_pk', [
      'requirement_id',
      'artefact_id',
      'clause_ref',
    ])
    .execute();
  await db.schema
    .createIndex('requirement_traces_artefact_idx')
    .on('requirement_traces')
    .column('artefact_id')
    .execute();

  await db.schema
    .createTable('due_process_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().unique().references('organisations.id'),
    )
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('lessons_learnt', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plain_english_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('artefact_versions.id'))
    .addColumn('artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addColumn('clause_ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('comment_id', 'text', (c) => c.references('comments.id'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('plain_english_findings_version_idx')
    .on('plain_english_findings')
    .columns(['version_id', 'status'])
    .execute();

  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('baselines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('baseline_versions')
    .addColumn('baseline_id', 'text', (c) => c.notNull().references('baselines.id'))
    .addColumn('artefact_id', 'text', (c) => c.notNull().references('artefacts.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('artefact_versions.id'))
    .addPrimaryKeyConstraint('baseline_versions_pk', ['baseline_id', 'artefact_id'])
    .execute();

  await db.schema
    .createTable('work_off_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('baseline_id', 'text', (c) => c.notNull().references('baselines.id'))
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
