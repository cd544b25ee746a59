import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { PLAIN_ENGLISH_CONFIG_KEY, readPlainEnglishConfig } from '../db/queries/findings.js';
import { tidyTermList, type PlainEnglishConfig } from '../domain/plainEnglish/index.js';
import type { Actor } from '../policies/index.js';

/** Replaces the configured extra defined terms and vague terms (audited as 'settings'). */
export async function configurePlainEnglish(
  db: Db,
  actor: Actor,
  input: PlainEnglishConfig,
): Promise<PlainEnglishConfig> {
  const after: PlainEnglishConfig = {
    definedTerms: tidyTermList(input.definedTerms),
    vagueTerms: tidyTermList(input.vagueTerms),
  };
  return db.kysely.transaction().execute(async (trx) => {
    const before = await readPlainEnglishConfig(trx);
    const value = JSON.stringify(after);
    await trx
      .insertInto('meta')
      .values({ key: PLAIN_ENGLISH_CONFIG_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'plainEnglish.configure',
      entity: 'settings',
      entityId: PLAIN_ENGLISH_CONFIG_KEY,
      before,
      after,
    });
    return after;
  });
}
