import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { PLAIN_ENGLISH_CONFIG_KEY } from '../db/queries/findings.js';
import type { Database } from '../db/schema.js';
import type { Clause } from '../domain/parseClauses.js';
import type { Actor } from '../policies/index.js';
import { checkVersionPlainEnglish, loadPlainEnglishSettings } from './checkVersionPlainEnglish.js';

/**
 * Publishing and commenting lock their artefact first, then write the audit; a re-check takes the
 * artefacts in id order before anything else, so it keeps that order and cannot deadlock.
 */
export async function lockCheckedArtefacts(
  trx: Kysely<Database>,
  dialect: Db['dialect'],
): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx
    .selectFrom('artefacts')
    .select('id')
    .where('currentVersionId', 'is not', null)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Re-runs the checks over the given versions, in the caller's transaction. */
export async function recheckVersions(
  trx: Kysely<Database>,
  versionIds: readonly string[],
): Promise<number> {
  const settings = await loadPlainEnglishSettings(trx);
  let findings = 0;
  for (const id of versionIds) {
    const version = await trx
      .selectFrom('artefactVersions')
      .select(['id', 'artefactId', 'clauses'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!version) continue;
    findings += await checkVersionPlainEnglish(
      trx,
      {
        id: version.id,
        artefactId: version.artefactId,
        clauses: JSON.parse(version.clauses) as Clause[],
      },
      settings,
    );
  }
  return findings;
}

/**
 * Re-runs the plain-English checks over the current version of every artefact (after the glossary
 * or the configuration changed), in one transaction with one audit event.
 */
export async function recheckPlainEnglish(
  db: Db,
  actor: Actor,
): Promise<{ versions: number; findings: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    await lockCheckedArtefacts(trx, db.dialect);
    const current = await trx
      .selectFrom('artefacts')
      .select(['id', 'currentVersionId'])
      .where('currentVersionId', 'is not', null)
      .orderBy('id')
      .execute();
    const findings = await recheckVersions(
      trx,
      current.map((a) => a.currentVersionId as string),
    );
    const result = { versions: current.length, findings };
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'plainEnglish.recheck',
      entity: 'settings',
      entityId: PLAIN_ENGLISH_CONFIG_KEY,
      after: result,
    });
    return result;
  });
}
