// The plain-English check of one version: runs every check over each clause, in a fixed order so
// that findings come out in a stable order.

import type { Clause } from '../parseClauses.js';
import { DEFAULT_VAGUE_TERMS } from './config.js';
import { clauseRefIndex } from './clauseRefIndex.js';
import { checkReferences } from './crossReferences.js';
import { extractDefinedTerms } from './definedTerms.js';
import { FindingSink, type Finding } from './findings.js';
import { Glossary } from './glossary.js';
import { checkLongSentences } from './longSentences.js';
import { plainText, splitBlocks } from './text.js';
import { checkUndefinedTerms } from './undefinedTerms.js';
import { checkVagueWording, vaguePattern } from './vagueWording.js';

export interface PlainEnglishContext {
  /** The glossary; null when none is known, which skips the undefined-term check. */
  definedTerms: ReadonlySet<string> | null;
  knownReferences: {
    /** This version's clause refs. */
    clauseRefs: ReadonlySet<string>;
    /** Registry references, normalised by `referenceKeys` ('section s', 'bscp701', 'annex s-3'). */
    artefactReferences: ReadonlySet<string>;
  };
  vagueTerms: readonly string[];
  maxSentenceWords: number;
}

export function checkPlainEnglish(clauses: Clause[], context: PlainEnglishContext): Finding[] {
  const out = new FindingSink();
  // Besides the glossary: what the document defines itself, and its own headings (a capitalised
  // "the Estimation Rules" names the section of that title).
  const glossary = context.definedTerms
    ? new Glossary([
        ...context.definedTerms,
        ...extractDefinedTerms(clauses),
        ...clauses.flatMap((c) =>
          c.heading && c.heading.split(/\s+/).length <= 8 ? [c.heading] : [],
        ),
      ])
    : null;
  const refIndex = clauseRefIndex(context.knownReferences.clauseRefs);
  const scopes = new Set<string>();
  for (const ref of context.knownReferences.clauseRefs) {
    const scope = /^(Annex|Appendix) /.exec(ref)?.[1];
    if (scope) scopes.add(scope);
  }
  const itemText = new Map(clauses.map((c) => [c.ref.replace(/^\S+ \S+ (?=\d)/, ''), c.text]));
  const vague = vaguePattern([...DEFAULT_VAGUE_TERMS, ...context.vagueTerms]);

  for (const clause of clauses) {
    if (clause.text === '') continue;
    checkReferences(
      clause,
      clause.text,
      refIndex,
      itemText,
      context.knownReferences.artefactReferences,
      scopes,
      out,
    );

    const blocks = splitBlocks(clause.text).map((b) => ({ ...b, text: plainText(b.text) }));
    if (vague) checkVagueWording(clause.ref, blocks, vague, out);
    checkLongSentences(clause.ref, blocks, context.maxSentenceWords, out);
    if (glossary) checkUndefinedTerms(clause.ref, blocks, glossary, out);
  }
  return out.findings;
}
