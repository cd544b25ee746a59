import type { Kysely } from 'kysely';
import { openFindingRow, readPlainEnglishConfig } from '../db/queries/findings.js';
import type { Database } from '../db/schema.js';
import { isGlossaryArtefact } from '../domain/glossary/index.js';
import type { Clause } from '../domain/parseClauses.js';
import {
  checkPlainEnglish,
  DEFAULT_VAGUE_TERMS,
  extractDefinedTerms,
  MAX_SENTENCE_WORDS,
  referenceKeys,
  tidyTermList,
  type Finding,
} from '../domain/plainEnglish/index.js';
import type { PlainEnglishContext } from '../domain/plainEnglish/check.js';
import { clauseTextSize, runTask } from '../lib/offThread.js';
import { newId } from '../lib/ids.js';
import { nextTurn } from '../lib/nextTurn.js';

export { GLOSSARY_ARTEFACTS } from '../domain/glossary/index.js';

/** What the checks of every version share: loaded once per transaction, not per version. */
export interface PlainEnglishSettings {
  definedTerms: Set<string> | null;
  artefactReferences: Set<string>;
  vagueTerms: string[];
  maxSentenceWords: number;
}

export async function loadPlainEnglishSettings(
  trx: Kysely<Database>,
): Promise<PlainEnglishSettings> {
  const config = await readPlainEnglishConfig(trx);
  const artefacts = await trx
    .selectFrom('artefacts')
    .select(['code', 'reference', 'currentVersionId'])
    .execute();
  const artefactReferences = new Set(artefacts.flatMap((a) => referenceKeys(a.reference)));
  const glossaryVersionIds = artefacts.flatMap((a) =>
    a.currentVersionId && isGlossaryArtefact(a) ? [a.currentVersionId] : [],
  );
  let definedTerms: Set<string> | null = null;
  // No glossary published and none configured: the undefined-term check is skipped rather than
  // flagging every capitalised word.
  if (glossaryVersionIds.length > 0 || config.definedTerms.length > 0) {
    definedTerms = new Set(config.definedTerms);
    for (const id of glossaryVersionIds) {
      const version = await trx
        .selectFrom('artefactVersions')
        .select('clauses')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!version) continue;
      for (const term of extractDefinedTerms(JSON.parse(version.clauses) as Clause[]))
        definedTerms.add(term);
    }
  }
  return {
    definedTerms,
    artefactReferences,
    vagueTerms: tidyTermList([...DEFAULT_VAGUE_TERMS, ...config.vagueTerms]),
    maxSentenceWords: MAX_SENTENCE_WORDS,
  };
}

function plainEnglishContext(clauses: Clause[], s: PlainEnglishSettings): PlainEnglishContext {
  return {
    definedTerms: s.definedTerms,
    knownReferences: {
      clauseRefs: new Set(clauses.map((c) => c.ref)),
      artefactReferences: s.artefactReferences,
    },
    vagueTerms: s.vagueTerms,
    maxSentenceWords: s.maxSentenceWords,
  };
}

/** The checks of a large version take a while: made off the main thread, before any transaction. */
export function findPlainEnglish(clauses: Clause[], s: PlainEnglishSettings): Promise<Finding[]> {
  return runTask(
    'plainEnglish',
    [clauses, plainEnglishContext(clauses, s)],
    clauseTextSize(clauses),
  );
}

/** Whether findings made with `a` still hold under `b` (the glossary may change meanwhile). */
export function sameSettings(a: PlainEnglishSettings, b: PlainEnglishSettings): boolean {
  const sameSet = (x: Set<string> | null, y: Set<string> | null) =>
    x === null || y === null ? x === y : x.size === y.size && [...x].every((v) => y.has(v));
  return (
    sameSet(a.definedTerms, b.definedTerms) &&
    sameSet(a.artefactReferences, b.artefactReferences) &&
    a.vagueTerms.join('\u0000') === b.vagueTerms.join('\u0000') &&
    a.maxSentenceWords === b.maxSentenceWords
  );
}

const findingKey = (f: Pick<Finding, 'clauseRef' | 'kind' | 'excerpt'>) =>
  `${f.clauseRef}\u0000${f.kind}\u0000${f.excerpt}`;

const BATCH = 200;

/**
 * Runs the plain-English checks on one version and replaces its findings, inside the caller's
 * transaction (the caller writes the audit event). A finding that still occurs keeps its row, so a
 * waiver or a raised comment survives a re-check; findings that no longer occur are removed.
 * Returns how many findings the version has now.
 */
export async function checkVersionPlainEnglish(
  trx: Kysely<Database>,
  version: { id: string; artefactId: string; clauses: Clause[] },
  settings?: PlainEnglishSettings,
  /** Findings already made with these very settings (see findPlainEnglish). */
  found?: Finding[],
): Promise<number> {
  const s = settings ?? (await loadPlainEnglishSettings(trx));
  const findings =
    found ?? checkPlainEnglish(version.clauses, plainEnglishContext(version.clauses, s));
  const wanted = new Map(findings.map((f) => [findingKey(f), f]));

  const existing = await trx
    .selectFrom('plainEnglishFindings')
    .select(['id', 'clauseRef', 'kind', 'excerpt', 'status'])
    .where('versionId', '=', version.id)
    // Broken citations of other artefacts are the cross-reference index's (crossReferenceFindings.ts).
    .where(({ eb, selectFrom }) =>
      eb(
        'id',
        'not in',
        selectFrom('crossReferences').select('findingId').where('findingId', 'is not', null),
      ),
    )
    .execute();
  // Decided findings first, so that of two rows for one finding the decision is what stays.
  existing.sort((a, b) => Number(a.status === 'open') - Number(b.status === 'open'));
  const kept = new Set<string>();
  const stale: string[] = [];
  for (const row of existing) {
    const key = findingKey(row);
    if (wanted.has(key) && !kept.has(key)) kept.add(key);
    else stale.push(row.id);
  }
  for (let i = 0; i < stale.length; i += BATCH) {
    await trx
      .deleteFrom('plainEnglishFindings')
      .where('id', 'in', stale.slice(i, i + BATCH))
      .execute();
  }
  const added = [...wanted.entries()]
    .filter(([key]) => !kept.has(key))
    .map(([, f]) =>
      openFindingRow({
        id: newId(),
        versionId: version.id,
        artefactId: version.artefactId,
        clauseRef: f.clauseRef,
        kind: f.kind,
        excerpt: f.excerpt,
        message: f.message,
      }),
    );
  for (let i = 0; i < added.length; i += BATCH) {
    await nextTurn();
    await trx
      .insertInto('plainEnglishFindings')
      .values(added.slice(i, i + BATCH))
      .execute();
  }
  return wanted.size;
}
