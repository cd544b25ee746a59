import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { findFinding, readPlainEnglishConfig } from '../db/queries/findings.js';
import { sameTerm, type TermDefinition } from '../domain/plainEnglish/index.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';
import { storePlainEnglishConfig } from './configurePlainEnglish.js';
import { lockCheckedArtefacts, recheckVersions } from './recheckPlainEnglish.js';

export interface DefinedTerm {
  definition: TermDefinition;
  /** Versions re-checked, and the undefined-term findings on them that closed. */
  rechecked: { versions: number; closed: number };
}

/**
 * "Define this term" on an undefined-term finding: adds the term to the configured glossary with
 * its definition and where it came from, then re-checks every version that has an undefined-term
 * finding (the current versions, and the finding's own), so the term's findings close everywhere.
 * A term already in the configured list is a 409: its definition is not silently replaced.
 */
export async function defineTerm(
  db: Db,
  actor: Actor,
  findingId: string,
  text: string,
): Promise<DefinedTerm> {
  return db.kysely.transaction().execute(async (trx) => {
    await lockCheckedArtefacts(trx, db.dialect);
    const finding = await findFinding(trx, findingId);
    if (!finding) throw notFound(`No plain-English finding with id "${findingId}"`);
    authorize(actor, 'finding.define', { code: finding.artefactCode });
    if (finding.kind !== 'undefined-term')
      throw badRequest('Only an undefined-term finding names a term to define');
    if (finding.status !== 'open') throw conflict(`This finding is already ${finding.status}`);
    const config = await readPlainEnglishConfig(trx);
    const term = finding.excerpt;
    if (config.definedTerms.some((t) => sameTerm(t, term)))
      throw conflict(`"${term}" is already in the configured glossary`);

    const definition: TermDefinition = {
      term,
      definition: text,
      findingId: finding.id,
      artefactId: finding.artefactId,
      versionId: finding.versionId,
      clauseRef: finding.clauseRef,
      definedBy: actor.id,
      definedAt: nowIso(),
    };
    await storePlainEnglishConfig(trx, {
      ...config,
      definedTerms: [...config.definedTerms, term],
      definitions: [...config.definitions, definition],
    });

    // Only an undefined-term finding can close when a term is added to the glossary.
    const affected = await trx
      .selectFrom('plainEnglishFindings as f')
      .leftJoin('artefacts as a', 'a.currentVersionId', 'f.versionId')
      .select('f.versionId')
      .distinct()
      .where('f.kind', '=', 'undefined-term')
      .where((eb) => eb.or([eb('a.id', 'is not', null), eb('f.versionId', '=', finding.versionId)]))
      .execute();
    const versionIds = affected.map((r) => r.versionId).sort();
    const countUndefined = async () =>
      versionIds.length === 0
        ? 0
        : Number(
            (
              await trx
                .selectFrom('plainEnglishFindings')
                .select((eb) => eb.fn.countAll().as('n'))
                .where('kind', '=', 'undefined-term')
                .where('versionId', 'in', versionIds)
                .executeTakeFirstOrThrow()
            ).n,
          );
    const before = await countUndefined();
    await recheckVersions(trx, versionIds);
    const rechecked = { versions: versionIds.length, closed: before - (await countUndefined()) };

    await writeAudit(trx, {
      actorId: actor.id,
      action: 'finding.define',
      entity: 'finding',
      entityId: finding.id,
      before: { status: finding.status, definedTerms: config.definedTerms.length },
      after: { ...definition, rechecked },
    });
    return { definition, rechecked };
  });
}
