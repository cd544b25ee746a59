import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import { verifyAuditChain, type AuditVerification } from '../../server/db/verifyAuditChain.js';

export interface DatabaseCheck {
  /** SQLite's `PRAGMA integrity_check` answer ("ok"); null on PostgreSQL. */
  integrity: string | null;
  audit: AuditVerification;
  comments: number;
}

/** What a backup, a restore or a crash must leave intact. */
export async function checkDatabase(db: Db): Promise<DatabaseCheck> {
  let integrity: string | null = null;
  if (db.dialect === 'sqlite') {
    const { rows } = await sql<Record<string, string>>`pragma integrity_check`.execute(db.kysely);
    integrity = rows.map((row) => Object.values(row).join(' ')).join('; ');
  }
  const audit = await verifyAuditChain(db);
  const { n } = await db.kysely
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { integrity, audit, comments: Number(n) };
}

export const checkPassed = (check: DatabaseCheck) =>
  (check.integrity === null || check.integrity === 'ok') && check.audit.ok;

export function describeCheck(check: DatabaseCheck): string {
  const lines = [`  comments:       ${check.comments}`];
  if (check.integrity !== null) lines.push(`  integrity:      ${check.integrity}`);
  lines.push(
    check.audit.ok
      ? `  audit chain:    verified (${check.audit.events} events)`
      : `  audit chain:    BROKEN at event ${check.audit.firstBrokenAt} ` +
          `(${check.audit.events} events intact before it)`,
  );
  return lines.join('\n');
}
