// Capitalised terms that the glossary, the document's own definitions and its headings do not
// define.

import type { FindingSink } from './findings.js';
import { capitalisedPhrases, isTitleLine, type Token } from './capitalisedPhrases.js';
import { termKey, type Glossary } from './glossary.js';
import type { Block } from './text.js';
import { SPLITTING_JOINERS } from './wordClasses.js';

interface Span {
  words: string[];
  type: 'term' | 'hard' | 'soft' | 'acronym' | 'joiner';
}

/** Greedy longest matches of defined terms; what is left over is tagged word by word. */
function segment(phrase: Token[], glossary: Glossary): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < phrase.length) {
    const first = phrase[i] as Token;
    if (first.kind === 'joiner') {
      spans.push({ words: [first.word], type: 'joiner' });
      i++;
      continue;
    }
    let matched = -1;
    let key = '';
    for (let j = i; j < phrase.length; j++) {
      const t = phrase[j] as Token;
      key = j === i ? t.head : `${key} ${t.lower}`;
      if (t.kind !== 'joiner' && glossary.has(key)) matched = j;
      if (!glossary.continues(key)) break;
    }
    if (matched >= 0) {
      spans.push({ words: phrase.slice(i, matched + 1).map((t) => t.word), type: 'term' });
      i = matched + 1;
      continue;
    }
    const type = first.kind === 'acronym' ? 'acronym' : first.soft ? 'soft' : 'hard';
    spans.push({ words: [first.word], type });
    i++;
  }
  return spans;
}

/** Unknown parts of a phrase, each with the words around it that belong to the same name. */
function undefinedTerms(phrase: Token[], glossary: Glossary): string[] {
  const spans = segment(phrase, glossary);
  const chunks: Span[][] = [[]];
  for (const span of spans) {
    if (span.type === 'joiner' && SPLITTING_JOINERS.has(span.words[0] ?? '')) chunks.push([]);
    else chunks[chunks.length - 1]?.push(span);
  }
  const found: string[] = [];
  for (const chunk of chunks) {
    while (chunk[0]?.type === 'joiner') chunk.shift();
    while (chunk[chunk.length - 1]?.type === 'joiner') chunk.pop();
    if (!chunk.some((s) => s.type === 'hard')) continue;
    const capitalised = chunk.reduce(
      (n, s) => n + (s.type === 'joiner' || s.type === 'acronym' ? 0 : s.words.length),
      0,
    );
    // Long Title-Case runs are document titles and headings, not terms.
    if (capitalised > 5) continue;
    found.push(chunk.flatMap((s) => s.words).join(' '));
  }
  return found;
}

export function checkUndefinedTerms(
  clauseRef: string,
  blocks: Block[],
  glossary: Glossary,
  out: FindingSink,
): void {
  for (const block of blocks) {
    if (isTitleLine(block.text)) continue;
    for (const phrase of capitalisedPhrases(block.text)) {
      for (const term of undefinedTerms(phrase, glossary)) {
        out.add(
          clauseRef,
          'undefined-term',
          term,
          `"${term}" is capitalised like a defined term but is not defined`,
          termKey(term).replace(/ies$/, 'y').replace(/s$/, ''),
        );
      }
    }
  }
}
