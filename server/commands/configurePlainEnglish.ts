import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { PLAIN_ENGLISH_CONFIG_KEY, readPlainEnglishConfig } from '../db/queries/findings.js';
import type { Database } from '../db/schema.js';
import { sameTerm, tidyTermList, type PlainEnglishConfig } from '../domain/plainEnglish/index.js';
import type { Actor } from '../policies/index.js';

export async function storePlainEnglishConfig(
  trx: Kysely<Database>,
  config: PlainEnglishConfig,
): Promise<void> {
  const value = JSON.stringify(config);
  await trx
    .insertInto('meta')
    .values({ key: PLAIN_ENGLISH_CONFIG_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * Replaces the configured extra defined terms and vague terms (audited as 'settings'). A term's
 * definition (from "Define this term") stays while the term stays in the list.
 */
export async function configurePlainEnglish(
  db: Db,
  actor: Actor,
  input: Pick<PlainEnglishConfig, 'definedTerms' | 'vagueTerms'>,
): Promise<PlainEnglishConfig> {
  const definedTerms = tidyTermList(input.definedTerms);
  const vagueTerms = tidyTermList(input.vagueTerms);
  return db.kysely.transaction().execute(async (trx) => {
    const before = await readPlainEnglishConfig(trx);
    const after: PlainEnglishConfig = {
      definedTerms,
      vagueTerms,
      definitions: before.definitions.filter((d) =>
        definedTerms.some((term) => sameTerm(term, d.term)),
      ),
    };
    await storePlainEnglishConfig(trx, after);
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
