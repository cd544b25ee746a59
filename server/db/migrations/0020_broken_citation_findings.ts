import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { raiseUnraisedBrokenCitations } from '../crossReferences.js';
import type { Database } from '../schema.js';
import { atomically } from './atomically.js';

/**
 * Citations that were already broken when migration 0016 indexed them got no finding, so they
 * counted towards nothing until either side published again. They get their finding now.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await atomically(db, dialect, () =>
    raiseUnraisedBrokenCitations(db as unknown as Kysely<Database>),
  );
}
