import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import * as m0001 from './0001_registry.js';
import * as m0002 from './0002_comments.js';
import * as m0003 from './0003_readiness.js';
import * as m0004 from './0004_exactly_once.js';
import * as m0005 from './0005_sessions.js';
import * as m0006 from './0006_audit_chain.js';
import * as m0007 from './0007_shared_reads.js';
import * as m0008 from './0008_requirements_statement.js';
import * as m0009 from './0009_due_process_response.js';
import * as m0010 from './0010_consultation_changes.js';
import * as m0011 from './0011_work_off_register.js';
import * as m0012 from './0012_carried_waivers.js';
import * as m0013 from './0013_comment_provenance.js';
import * as m0014 from './0014_version_resolves.js';
import * as m0015 from './0015_search.js';
import * as m0016 from './0016_cross_references.js';
import * as m0017 from './0017_current_clause_search.js';
import * as m0018 from './0018_notifications.js';
import * as m0019 from './0019_comment_search.js';
import * as m0020 from './0020_broken_citation_findings.js';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

// Listed in order; names are stored in kysely_migration, so never rename one.
const migrations: Record<string, DialectMigration> = {
  '0001_registry': m0001,
  '0002_comments': m0002,
  '0003_readiness': m0003,
  '0004_exactly_once': m0004,
  '0005_sessions': m0005,
  '0006_audit_chain': m0006,
  '0007_shared_reads': m0007,
  '0008_requirements_statement': m0008,
  '0009_due_process_response': m0009,
  '0010_consultation_changes': m0010,
  '0011_work_off_register': m0011,
  '0012_carried_waivers': m0012,
  '0013_comment_provenance': m0013,
  '0014_version_resolves': m0014,
  '0015_search': m0015,
  '0016_cross_references': m0016,
  '0017_current_clause_search': m0017,
  '0018_notifications': m0018,
  '0019_comment_search': m0019,
  '0020_broken_citation_findings': m0020,
};

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [name, { up: (db) => m.up(db, dialect) }]),
  );
}
