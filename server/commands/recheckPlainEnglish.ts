import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { PLAIN_ENGLISH_CONFIG_KEY } from '../db/queries/findings.js';
import type { Clause } from '../domain/parseClauses.js';
import type { Actor } from '../policies/index.js';
import { checkVersionPlainEnglish, loadPlainEnglishSettings } from './checkVersionPlainEnglish.js';

/**
 * Re-runs the plain-English checks over the current version of every artefact (after the glossary
 * or the configuration changed), in one transaction with one audit event.
 */
export async function recheckPlainEnglish(
  db: Db,
  actor: Actor,
): Promise<{ versions: number; findings: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    // Publishing and commenting lock their artefact first, then write the audit; taking the
    // artefacts in id order before anything else keeps that order and so cannot deadlock.
    if (db.dialect === 'postgres') {
      await trx
        .selectFrom('artefacts')
        .select('id')
        .where('currentVersionId', 'is not', null)
        .orderBy('id')
        .forUpdate()
        .execute();
    }
    const settings = await loadPlainEnglishSettings(trx);
    const current = await trx
      .selectFrom('artefacts')
      .select(['id', 'currentVersionId'])
      .where('currentVersionId', 'is not', null)
      .orderBy('id')
      .execute();
    let findings = 0;
    for (const artefact of current) {
      const version = await trx
        .selectFrom('artefactVersions')
        .select(['id', 'artefactId', 'clauses'])
        .where('id', '=', artefact.currentVersionId as string)
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
