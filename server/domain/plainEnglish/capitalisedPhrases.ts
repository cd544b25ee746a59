// Runs of capitalised words in a block of text: the candidates for defined terms.

import { termKey } from './glossary.js';
import { WORD_CHAR } from './text.js';
import { FUNCTION_WORDS, JOINERS, STOP_WORDS } from './wordClasses.js';

// A label and its number or letter ("Section S", "Step 3", "Supplier A", "Data Item J0003"):
// references and labels, masked before terms are looked for. A label straight after another
// capitalised word is part of a name ("Working Day 5"): there only the number breaks the phrase.
const LABEL_REFERENCE =
  /\b[A-Z](?<!\b[A-Z][a-z]+\s+[A-Z])[a-z]+\s+(?:\d[\w.\-–]*(?:\([a-z0-9]{1,4}\))*|[A-Z](?:\s?[-–]\s?\d[\w.]*|\d[\w.]*)?)(?![\w'’-])|\b(?:Section|Schedule|Annex|Appendix|Attachment|Part)\s+[A-Z0-9]{1,3}(?:[-–.]\w+)*\b|\bBSCP\s?\d+\w*/g;
// Statutes by name and year ("Electricity Act 1989", "The Smart Meters Regulations 2018").
const STATUTE =
  /\b(?:[A-Z][\w'’-]*\s+(?:(?:of|and|the|for|to|in|on)\s+){0,2}){1,6}(?:Act|Regulations|Order|Directive|Rules)\s+(?:1[89]|20)\d{2}\b/g;
const QUOTED = /"[^"\n]{0,300}"|“[^”\n]{0,300}”|‘[^’\n]{0,300}’/g;

type TokenKind = 'cap' | 'acronym' | 'joiner' | 'break';
export interface Token {
  word: string;
  kind: TokenKind;
  /** A sentence-initial capital that may be grammar rather than a term. */
  soft: boolean;
  /** The word as a glossary key: hyphens as spaces, first letter kept, the rest lower case. */
  head: string;
  lower: string;
}

// Capitalised words, joiners and sentence ends; anything else between them breaks a phrase.
const PHRASE_PART =
  /(\p{Lu}(?<![\p{L}\p{N}]\p{Lu})[\p{L}\p{N}]*(?:[-'’][\p{L}\p{N}]+)*(?:['’]s?)?)|\b(of|and|for|the|to|in|on|de)\b(?![-'’])|([.!?;:])(?=\s|$)/gu;
const BLANK = /^\s*$/;

const kinds = new Map<string, TokenKind>();

function classify(word: string): TokenKind {
  let kind = kinds.get(word);
  if (kind === undefined) {
    kind = classifyWord(word);
    if (kinds.size > 50_000) kinds.clear();
    kinds.set(word, kind);
  }
  return kind;
}

function classifyWord(word: string): TokenKind {
  if (/\p{N}/u.test(word)) return 'break';
  const lower = word.toLowerCase();
  if (/^\p{Ll}/u.test(word)) return JOINERS.has(word) ? 'joiner' : 'break';
  if (FUNCTION_WORDS.has(lower) || STOP_WORDS.has(lower)) return 'break';
  if (word.length === 1 || /^\p{Lu}[\p{Lu}&]*s?$/u.test(word)) return 'acronym';
  // Capital inside a word part ("RECCo", "CoMCoP"): a name or acronym, not Title Case.
  if (/^\p{Lu}\p{Ll}*\p{Lu}/u.test(word.split(/[-'’]/)[0] ?? '')) return 'acronym';
  return 'cap';
}

function token(word: string, kind: TokenKind, soft: boolean): Token {
  const norm = word.includes('-') || word.includes('’') ? termKey(word) : word;
  const lower = norm.toLowerCase();
  return { word, kind, soft, head: norm.slice(0, 1) + lower.slice(1), lower };
}

/** A heading-like line: a few words, all capitalised (or joiners), not ending a sentence. */
export function isTitleLine(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 12 || /[.;:!?,]$/.test(text.trim())) return false;
  return words.every((w) => JOINERS.has(w) || /^[\p{Lu}\p{N}(]/u.test(w) || /^[-–—&]$/.test(w));
}

/** Phrases of capitalised words (with joiners), each tagged with whether it opens a sentence. */
export function capitalisedPhrases(block: string): Token[][] {
  const masked = block
    .replace(QUOTED, ' ¦ ')
    .replace(STATUTE, ' ¦ ')
    .replace(LABEL_REFERENCE, ' ¦ ');
  const phrases: Token[][] = [];
  let phrase: Token[] = [];
  let hasCap = false;
  let sentenceStart = true;
  const close = () => {
    while (phrase.length > 0 && phrase[phrase.length - 1]?.kind === 'joiner') phrase.pop();
    if (hasCap) phrases.push(phrase);
    phrase = [];
    hasCap = false;
  };
  let pos = 0;
  for (const m of masked.matchAll(PHRASE_PART)) {
    if (m.index > pos) {
      const gap = masked.slice(pos, m.index);
      if (!BLANK.test(gap)) {
        close();
        if (WORD_CHAR.test(gap)) sentenceStart = false;
      }
    }
    pos = m.index + m[0].length;
    const raw = m[1] ?? m[2];
    if (raw === undefined) {
      close();
      sentenceStart = true;
      continue;
    }
    const last = raw.charCodeAt(raw.length - 1);
    const possessive = last === 39 || last === 0x2019 || (last === 115 && /['’]s$/.test(raw)); // ' ’ 's
    const word = possessive ? raw.replace(/['’]s?$/, '') : raw;
    const kind = classify(word);
    const atStart = sentenceStart;
    sentenceStart = false;
    if (kind === 'break' || (kind === 'joiner' && phrase.length === 0)) {
      close();
      continue;
    }
    if (kind === 'cap') hasCap = true;
    phrase.push(token(word, kind, atStart && kind === 'cap'));
    if (possessive) close();
  }
  close();
  return phrases;
}
