import { sql, type Kysely } from 'kysely';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

/**
 * Serialises comment writes on one artefact (PostgreSQL row lock; SQLite transactions are
 * serial already), so that tally refreshes of concurrent writers cannot interleave.
 */
export async function lockArtefactForComments(
  trx: Kysely<Database>,
  dialect: DialectName,
  artefactId: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('artefacts').select('id').where('id', '=', artefactId).forUpdate().execute();
}

/**
 * Recounts one artefact's comment tallies from its comments. Called at the end of every
 * transaction that creates a comment or changes its status or confidentiality; recounting rather
 * than incrementing means a tally can never drift from the comments it summarises.
 */
export async function refreshCommentTallies(
  trx: Kysely<Database>,
  artefactIds: Iterable<string>,
): Promise<void> {
  for (const artefactId of new Set(artefactIds)) {
    await trx.deleteFrom('commentTallies').where('artefactId', '=', artefactId).execute();
    await trx
      .insertInto('commentTallies')
      .columns(['artefactId', 'confidential', 'organisationId', 'status', 'n'])
      .expression((eb) =>
        eb
          .selectFrom('comments')
          .select([
            'artefactId',
            'confidential',
            sql<string>`case when confidential = 1 then coalesce(organisation_id, '') else '' end`.as(
              'organisationId',
            ),
            'status',
            (e) => e.fn.countAll<number>().as('n'),
          ])
          .where('artefactId', '=', artefactId)
          .groupBy([
            'artefactId',
            'confidential',
            sql`case when confidential = 1 then coalesce(organisation_id, '') else '' end`,
            'status',
          ]),
      )
      .execute();
  }
}
