// Plain-English checks (success criterion SC3) over the clauses of one version: capitalised terms
// that are not defined, cross-references to nothing, vague wording and over-long sentences. Pure:
// the caller supplies the glossary and the registry of artefact references.

import type { Clause } from './parseClauses.js';

export const FINDING_KINDS = [
  'undefined-term',
  'broken-reference',
  'vague-wording',
  'long-sentence',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['open', 'waived', 'raised'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  clauseRef: string;
  kind: FindingKind;
  /** The words found, as written (a long sentence's first words); identifies the finding. */
  excerpt: string;
  message: string;
}

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

export const DEFAULT_VAGUE_TERMS: readonly string[] = [
  'and/or',
  'etc.',
  'as appropriate',
  'from time to time',
];
export const MAX_SENTENCE_WORDS = 60;

export interface PlainEnglishConfig {
  definedTerms: string[];
  vagueTerms: string[];
}

/** The stored configuration, tolerating a missing or malformed value. */
export function parsePlainEnglishConfig(json: string | null | undefined): PlainEnglishConfig {
  const config: PlainEnglishConfig = { definedTerms: [], vagueTerms: [] };
  if (!json) return config;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return config;
  }
  if (typeof value !== 'object' || value === null) return config;
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  const record = value as Record<string, unknown>;
  return {
    definedTerms: strings(record.definedTerms),
    vagueTerms: strings(record.vagueTerms),
  };
}

/** Trims, drops empties and case-insensitive duplicates, keeping the first spelling. */
export function tidyTermList(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.replace(/\s+/g, ' ').trim();
    const key = term.toLowerCase();
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// References

const squashSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

function normaliseReference(kind: string, id: string): string {
  const k = kind.toLowerCase();
  const i = id.toLowerCase().replace(/[–—]/g, '-');
  if (k === 'bscp') return `bscp${i}`;
  if (k === 'bsc cop') return `bsc cop ${i}`;
  return `${k} ${i}`;
}

const REFERENCE_PART =
  /\b(Section)\s+([A-Z]{1,2})(?![a-z])|\b(Annex)\s+([A-Z]{1,2}[-–]\d{1,2})\b|\b(Schedule)\s+(\d{1,3}[A-Z]?|[A-Z]{1,3})\b(?![a-z])|\b(BSCP)\s?(\d{1,4}[A-Z]?)\b|\b(BSC\s+COP)\s?(\d{1,2})\b|\b(Appendix)\s+(\d{1,2}|[A-Z])\b/gi;

/**
 * The keys under which a registry reference can be cited: 'Section S Annex S-3' is known as
 * 'section s annex s-3', 'annex s-3' and 'section s'; 'BSCP707 Appendix 1' as 'bscp707 appendix 1'
 * and 'bscp707'.
 */
export function referenceKeys(reference: string): string[] {
  const keys = new Set<string>([squashSpace(reference).toLowerCase()]);
  for (const m of reference.matchAll(REFERENCE_PART)) {
    for (let g = 1; g < m.length; g += 2) {
      const kind = m[g];
      const id = m[g + 1];
      if (kind && id && !/^appendix$/i.test(kind)) {
        keys.add(normaliseReference(squashSpace(kind), id));
      }
    }
  }
  const bscp = /^\s*BSCP\s?(\d{1,4}[A-Z]?)\s+(Appendix\s+\S+)\s*$/i.exec(reference);
  if (bscp?.[1] && bscp[2])
    keys.add(`bscp${bscp[1].toLowerCase()} ${squashSpace(bscp[2]).toLowerCase()}`);
  return [...keys];
}

/** Every clause ref and every ancestor it implies ('3.2.4(a)' implies '3.2.4', '3.2', '3'). */
function clauseRefIndex(refs: ReadonlySet<string>): Set<string> {
  const index = new Set<string>();
  for (const raw of refs) {
    const ref = raw.replace(/\s+\[\d+\]$/, '');
    index.add(ref);
    const scoped = /^((?:Annex|Appendix|Attachment) \S+)(?: (.+))?$/.exec(ref);
    const scope = scoped ? (scoped[1] ?? '') : '';
    const local = scoped ? (scoped[2] ?? '') : ref;
    if (scope) index.add(scope);
    const numbered = /^(\d+(?:\.\d+)*)((?:\([a-z0-9]+\))*)$/.exec(local);
    if (!numbered) continue;
    const parts = (numbered[1] ?? '').split('.');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      index.add(prefix);
      if (scope) index.add(`${scope} ${prefix}`);
    }
    let item = numbered[1] ?? '';
    for (const token of (numbered[2] ?? '').match(/\([a-z0-9]+\)/g) ?? []) {
      item += token;
      index.add(item);
      if (scope) index.add(`${scope} ${item}`);
    }
  }
  return index;
}

// "paragraph 3.2.4(a)", "paragraphs 3.2 and 3.4", "para 2.1 to 2.3", "Section 3.2" (numeric).
const NUMBER_REF = String.raw`\d{1,3}(?:\.\d{1,3}){0,6}(?:\([a-z0-9]{1,4}\))*`;
const PARAGRAPH_REF = new RegExp(
  String.raw`\b(?:sub-?)?(?:paragraphs?|paras?\.?|sections?)\s+(${NUMBER_REF}(?:\s*(?:,|and/or|and|or|to|-|–)\s*${NUMBER_REF})*)(?![\d.]*\d)`,
  'gi',
);
const ARTEFACT_REF = new RegExp(
  [
    String.raw`\b(BSCP)\s?(\d{1,4}[A-Z]?)\b(?:\s+Appendix\s+(\d{1,2}|[A-Z])\b)?`,
    String.raw`\b(BSC\s+(?:COP|CoP|Code of Practice))\s?(\d{1,2})\b`,
    String.raw`\b(Section)\s+([A-Z]{1,2})(?=\d|\b)(?![a-z'’-])`,
    String.raw`\b(Annex)\s+([A-Z]{1,2}\s?[-–]\s?\d{1,2})\b`,
    String.raw`\b(Schedule)\s+(\d{1,3}[A-Z]?|[A-Z]{1,3})\b(?![a-z'’-])`,
    String.raw`\b(Annex|Appendix)\s+(\d{1,2}|[A-Z])\b(?![-–.]\d|[a-z'’])`,
  ].join('|'),
  'g',
);
// "... of the Electricity Act", "... of Section S": the paragraph belongs to another document.
const EXTERNAL_SUFFIX = /^\s*(?:of|in|under|to)\s+(?:the\s+)?(?!this\b|these\b)\p{Lu}/u;
// A document named just before: "Section S paragraph 3.2", "Annex S-2, paragraph 4".
const DOCUMENT_BEFORE =
  /(?:\bSection\s+[A-Z]{1,2}|\bAnnex\s+\S+|\bSchedule\s+\S+|\bBSCP\s?\d+\w*|\bAppendix\s+\S+|\bCode|\bAct)\s*,?\s*$/;
const OWN_CODE_AFTER =
  /^\s*(?:of|in|under|to)\s+(?:the\s+)?(?:this\b|these\b|REC\b|BSC\b|Code\b|Retail Energy Code\b|Balancing and Settlement Code\b)/;

function checkReferences(
  clause: Clause,
  text: string,
  refIndex: Set<string>,
  itemText: Map<string, string>,
  artefactReferences: ReadonlySet<string>,
  scopes: Set<string>,
  out: FindingSink,
): void {
  for (const m of text.matchAll(PARAGRAPH_REF)) {
    const start = m.index;
    const end = start + m[0].length;
    if (EXTERNAL_SUFFIX.test(text.slice(end, end + 40))) continue;
    if (DOCUMENT_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    const refs = (m[1] ?? '').match(new RegExp(NUMBER_REF, 'g')) ?? [];
    const missing = refs.filter((ref) => !clauseExists(ref, refIndex, itemText));
    if (missing.length === 0) continue;
    const noun = /^sub/i.test(m[0])
      ? 'sub-paragraph'
      : /^sec/i.test(m[0])
        ? 'section'
        : 'paragraph';
    out.add(
      clause.ref,
      'broken-reference',
      squashSpace(m[0]),
      `${missing.map((ref) => `${noun} ${ref}`).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist in this version`,
    );
  }

  for (const m of text.matchAll(ARTEFACT_REF)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 60);
    let key: string | null = null;
    let label = squashSpace(m[0]);
    if (m[1] && m[2]) {
      key = normaliseReference('bscp', m[2]);
      label = `BSCP${m[2]}`;
    } else if (m[4] && m[5]) {
      key = normaliseReference('bsc cop', m[5]);
      label = `BSC COP ${m[5]}`;
    } else if (m[6] && m[7]) {
      if (EXTERNAL_SUFFIX.test(after) && !OWN_CODE_AFTER.test(after)) continue;
      key = normaliseReference('section', m[7]);
      label = `Section ${m[7]}`;
    } else if (m[8] && m[9]) {
      const id = m[9].replace(/\s/g, '').replace('–', '-');
      key = normaliseReference('annex', id);
      label = `Annex ${id}`;
    } else if (m[10] && m[11]) {
      if (EXTERNAL_SUFFIX.test(after) && !OWN_CODE_AFTER.test(after)) continue;
      key = normaliseReference('schedule', m[11]);
      label = `Schedule ${m[11]}`;
    } else if (m[12] && m[13]) {
      // "Appendix 2" of this document: only checkable when this version has its appendices.
      if (EXTERNAL_SUFFIX.test(after) && !OWN_CODE_AFTER.test(after)) continue;
      const scope = `${m[12]} ${m[13].toUpperCase()}`;
      if (!scopes.has(m[12]) || refIndex.has(scope)) continue;
      out.add(clause.ref, 'broken-reference', label, `${scope} does not exist in this version`);
      continue;
    }
    if (key === null || artefactReferences.has(key)) continue;
    out.add(
      clause.ref,
      'broken-reference',
      label,
      `${label} is not an artefact in the registry: check the reference`,
    );
  }
}

function clauseExists(ref: string, refIndex: Set<string>, itemText: Map<string, string>): boolean {
  if (refIndex.has(ref)) return true;
  // Items written inline ("3.2.4 ... (a) ...; (b) ...") are not clauses of their own.
  const item = /^([\d.]+)((?:\([a-z0-9]+\))+)$/.exec(ref);
  if (!item) return false;
  const text = itemText.get(item[1] ?? '');
  const first = /^\([a-z0-9]+\)/.exec(item[2] ?? '')?.[0];
  return text !== undefined && first !== undefined && text.includes(first);
}

// ---------------------------------------------------------------------------------------------
// Text blocks: paragraphs, list items and table rows, with Markdown removed

interface Block {
  text: string;
  table: boolean;
}

const LIST_MARKER =
  /^(?:[-*+>]\s+|\d{1,3}[.)]\s+|\\?\((?:[a-z]{1,4}|\d{1,3}|[ivx]{1,6})\\?\)\s+|[a-z][.)]\s+)+/i;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const HEADING_LINE = /^#{1,6}\s/;

function splitBlocks(text: string): Block[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: string[] = [];
  let fence = false;
  const flush = () => {
    if (current.length > 0) blocks.push({ text: current.join(' '), table: false });
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (/^(?:```|~~~)/.test(line)) {
      flush();
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (line === '' || HEADING_LINE.test(line)) {
      flush();
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      const next = (lines[i + 1] ?? '').trim();
      // Header rows (followed by the separator) and separators are labels, not prose.
      if (TABLE_SEPARATOR.test(line) || TABLE_SEPARATOR.test(next)) continue;
      for (const cell of splitCells(line))
        if (cell !== '') blocks.push({ text: cell, table: true });
      continue;
    }
    const marker = LIST_MARKER.exec(line);
    if (marker) {
      flush();
      current.push(line.slice(marker[0].length));
    } else current.push(line);
  }
  flush();
  return blocks;
}

function splitCells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** Markdown emphasis, links and inline HTML removed; code spans become a break. */
function plainText(text: string): string {
  let t = text;
  if (t.includes('`')) t = t.replace(/`[^`]*`/g, ' ¦ ');
  if (t.includes('](')) t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (t.includes('<')) t = t.replace(/<[^>]{1,200}>/g, ' ¦ ');
  if (t.includes('\\')) t = t.replace(/\\([()[\]*_])/g, '$1');
  if (t.includes('*')) t = t.replace(/\*+/g, '');
  if (t.includes('_')) t = t.replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1');
  return t;
}

// ---------------------------------------------------------------------------------------------
// Undefined terms

// Lower-case words that may sit inside a defined term ("Code of Practice", "Balancing and
// Settlement Code"). An unknown phrase is reported in parts split at the splitting ones, so
// "Supplier of Last Resort" stays whole but "Suppliers and Distributors" does not.
const JOINERS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'de']);
const SPLITTING_JOINERS = new Set(['and', 'for', 'to', 'in', 'on']);

// Words that are capitalised for grammar, not because they are terms.
const FUNCTION_WORDS = new Set(
  `a an the this that these those each every any all some no none such other another both either
  neither where when whenever wherever if unless whether while whilst although though because
  since until once as so then thereafter therefore thus however further furthermore moreover
  accordingly otherwise also only not nor and or but for in on at by to from with within without
  under upon after before during following prior pursuant subject notwithstanding save except
  into onto of over between among it its they them their there here he she we you our your us
  what which who whom whose how why please note see refer yes is are be was were may must shall
  should will would can could do does did has have had`.split(/\s+/),
);

// Capitalised words that are never glossary terms: calendar names, places, document labels.
const STOP_WORDS = new Set(
  `january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday great britain england wales scotland
  northern ireland united kingdom english welsh scottish mr mrs ms dr ltd limited plc elexon
  ofgem recco electralink section sections annex annexes appendix appendices schedule schedules
  paragraph paragraphs part parts table tables figure figures attachment attachments chapter
  clause clauses article step version page example examples note notes`.split(/\s+/),
);

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
interface Token {
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
function isTitleLine(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 12 || /[.;:!?,]$/.test(text.trim())) return false;
  return words.every((w) => JOINERS.has(w) || /^[\p{Lu}\p{N}(]/u.test(w) || /^[-–—&]$/.test(w));
}

/** Phrases of capitalised words (with joiners), each tagged with whether it opens a sentence. */
function capitalisedPhrases(block: string): Token[][] {
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

/** Case-sensitive on the first letter, tolerant of case, hyphens and spacing after it. */
function termKey(term: string): string {
  const t = term
    .replace(/[-–]/g, ' ')
    .replace(/[’]/g, "'")
    .replace(/["“”*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.slice(0, 1) + t.slice(1).toLowerCase();
}

class Glossary {
  private readonly keys = new Set<string>();
  /** Every proper word-prefix of a multi-word key, to stop looking for longer matches early. */
  private readonly prefixes = new Set<string>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      const key = termKey(term);
      if (key === '') continue;
      this.keys.add(key);
      let space = key.indexOf(' ');
      while (space > 0) {
        this.prefixes.add(key.slice(0, space));
        space = key.indexOf(' ', space + 1);
      }
    }
  }

  /** Exactly, or as the plural or singular of a defined term. */
  has(key: string): boolean {
    const k = this.keys;
    if (k.has(key) || k.has(`${key}s`) || k.has(`${key}es`)) return true;
    if (key.endsWith('s') && k.has(key.slice(0, -1))) return true;
    if (key.endsWith('es') && k.has(key.slice(0, -2))) return true;
    if (key.endsWith('ies') && k.has(`${key.slice(0, -3)}y`)) return true;
    return key.endsWith('y') && k.has(`${key.slice(0, -1)}ies`);
  }

  continues(key: string): boolean {
    return this.prefixes.has(key);
  }
}

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

// ---------------------------------------------------------------------------------------------
// Vague wording and long sentences

const VAGUE_ADVICE: Record<string, string> = {
  'and/or': 'say whether both, either or only one is meant',
  'etc.': 'list everything that is meant',
  'as appropriate': 'say who decides what is appropriate, and how',
  'from time to time': 'say when, or how often',
};

function vaguePattern(terms: readonly string[]): RegExp | null {
  const parts = tidyTermList(terms)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const dotted = t.endsWith('.');
      const body = (dotted ? t.slice(0, -1) : t)
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('\\s+');
      return dotted ? `${body}(?:\\.|(?![\\p{L}\\p{N}]))` : `${body}(?![\\p{L}\\p{N}])`;
    });
  if (parts.length === 0) return null;
  return new RegExp(parts.join('|'), 'giu');
}

// Dots that end these words do not end a sentence.
const ABBREVIATIONS = new Set(
  `e.g i.e etc cf viz vs no nos para paras approx incl ref refs fig figs art sect st mr mrs ms dr
  ltd co inc min max jan feb mar apr jun jul aug sep sept oct nov dec ibid op al`.split(/\s+/),
);
const SENTENCE_END = /[.;?!](?=\s|$)/g;

function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m[0] === '.') {
      const before = text.slice(Math.max(start, m.index - 12), m.index);
      const word =
        /(\S+)$/
          .exec(before)?.[1]
          ?.toLowerCase()
          .replace(/^[("'“‘]+/, '') ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    out.push(text.slice(start, m.index + 1));
    start = m.index + 1;
  }
  out.push(text.slice(start));
  return out.map(squashSpace).filter((s) => s !== '');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

const countWords = (sentence: string) =>
  sentence.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

// ---------------------------------------------------------------------------------------------
// The checks

class FindingSink {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();

  add(clauseRef: string, kind: FindingKind, excerpt: string, message: string, key = excerpt) {
    const id = `${clauseRef}\u0000${kind}\u0000${key.toLowerCase()}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.findings.push({ clauseRef, kind, excerpt, message });
  }
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
    for (const block of vague ? blocks : []) {
      for (const m of block.text.matchAll(vague as RegExp)) {
        // Whole words only: the pattern itself does not look behind, which is slow.
        if (m.index > 0 && WORD_CHAR.test(block.text[m.index - 1] ?? '')) continue;
        const excerpt = squashSpace(m[0]);
        const canonical = excerpt.toLowerCase().replace(/\s+/g, ' ');
        const advice =
          VAGUE_ADVICE[canonical] ?? VAGUE_ADVICE[`${canonical}.`] ?? 'say precisely what is meant';
        out.add(clause.ref, 'vague-wording', excerpt, `Vague wording "${excerpt}": ${advice}`);
      }
    }

    for (const block of blocks) {
      if (block.table) continue;
      for (const sentence of sentences(block.text)) {
        const words = countWords(sentence);
        if (words <= context.maxSentenceWords) continue;
        const excerpt = `${sentence.split(' ').slice(0, 8).join(' ')}…`;
        out.add(
          clause.ref,
          'long-sentence',
          excerpt,
          `Sentence of ${words} words (more than ${context.maxSentenceWords}): split it into shorter sentences`,
        );
      }
    }

    if (glossary) {
      for (const block of blocks) {
        if (isTitleLine(block.text)) continue;
        for (const phrase of capitalisedPhrases(block.text)) {
          for (const term of undefinedTerms(phrase, glossary)) {
            out.add(
              clause.ref,
              'undefined-term',
              term,
              `"${term}" is capitalised like a defined term but is not defined`,
              termKey(term).replace(/ies$/, 'y').replace(/s$/, ''),
            );
          }
        }
      }
    }
  }
  return out.findings;
}

// ---------------------------------------------------------------------------------------------
// Glossaries

const QUOTED_DEFINITION =
  /["“]([^"”\n]{1,120}?)["”]\s*(?:\([^)\n]{0,60}\)\s*)?[:,–—-]?\s*(?:means|mean|shall mean|shall have the meaning|has the meaning|have the meaning|is defined|are defined|refers to|shall refer to|includes|shall include)\b/g;
const INLINE_DEFINITION =
  /\((?:the|a|an|each|each a|each an|together(?:,)? the|individually(?:,)? a)?\s*["“]([^"”\n]{1,120})["”]\s*\)/gi;
const BOLD_DEFINITION =
  /\*\*["“]?([^*\n"”]{1,120}?)["”]?(?::\*\*|\*\*\s*(?::|[–—-]\s|means\b|shall mean\b|has the meaning\b))/g;
const TITLE_WORD = String.raw`[\p{Lu}][\p{L}\p{N}'’&/-]*`;
const COLON_DEFINITION = new RegExp(
  String.raw`^\s*(?:[-*+]\s+)?["“]?(${TITLE_WORD}(?:\s+(?:${TITLE_WORD}|of|and|the|for|to|in|on|de)){0,7})["”]?\s*:\s+\S`,
  'u',
);
const EXPANSION = new RegExp(
  String.raw`((?:${TITLE_WORD}\s+(?:(?:of|and|the|for|to|in|on)\s+){0,2}){1,7})\(\s*([\p{Lu}][\p{L}&]*\p{Lu}s?)\s*\)`,
  'gu',
);

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&-]*s?$/u;
const TITLE_PHRASE = new RegExp(
  String.raw`^${TITLE_WORD}(?:\s+(?:${TITLE_WORD}|of|and|the|for|to|in|on)){0,7}$`,
  'u',
);
const ACRONYM_IN_BRACKETS = /\(\s*\p{Lu}[\p{L}&]*\p{Lu}s?\s*\)/u;

function cleanTerm(raw: string): string {
  return squashSpace(raw.replace(/[*_`]/g, '').replace(/^["“'‘\s]+|["”'’\s:.,]+$/g, ''));
}

function addTerm(terms: Set<string>, raw: string): void {
  const term = cleanTerm(raw);
  if (term.length === 0 || term.length > 120 || !/^[\p{L}\p{N}]/u.test(term)) return;
  if (term.split(' ').length > 10) return;
  terms.add(term);
}

/**
 * Terms a glossary defines: `"Settlement Period" means ...` (BSC Annex X-1 style, straight or curly
 * quotes), `**Term**: ...`, Markdown table rows `| Term | Definition |` (first cell), `Term: ...`
 * lines in Title Case, inline `(the "Term")` and expansions such as `Supplier Volume Allocation
 * Agent (SVAA)`.
 */
export function extractDefinedTerms(clauses: Clause[]): Set<string> {
  const terms = new Set<string>();
  for (const clause of clauses) {
    const text = clause.heading ? `${clause.heading}\n${clause.text}` : clause.text;
    if (text === '') continue;
    if (text.includes('"') || text.includes('“')) {
      for (const m of text.matchAll(QUOTED_DEFINITION)) addTerm(terms, m[1] ?? '');
      for (const m of text.matchAll(INLINE_DEFINITION)) addTerm(terms, m[1] ?? '');
    }
    if (text.includes('**')) {
      for (const m of text.matchAll(BOLD_DEFINITION)) addTerm(terms, m[1] ?? '');
    }
    const expansions = ACRONYM_IN_BRACKETS.test(text) ? text.replace(/\*+/g, '') : '';
    for (const m of expansions.matchAll(EXPANSION)) {
      const words = (m[1] ?? '').trim().split(/\s+/);
      while (words.length > 0 && FUNCTION_WORDS.has((words[0] ?? '').toLowerCase())) words.shift();
      if (words.length > 1) addTerm(terms, words.join(' '));
      addTerm(terms, m[2] ?? '');
    }
    const lines = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      if (line.startsWith('|')) {
        if (TABLE_SEPARATOR.test(line) || TABLE_SEPARATOR.test((lines[i + 1] ?? '').trim()))
          continue;
        const cells = splitCells(line);
        if (cells.length < 2) continue;
        addTerm(terms, cells[0] ?? '');
        // An acronym table ("| MDS | Market-wide Data Service |") explains the expansion too.
        const [first = '', second = ''] = cells.map((cell) => cleanTerm(cell));
        if (ACRONYM.test(first) && TITLE_PHRASE.test(second)) addTerm(terms, second);
        continue;
      }
      const colon = line.includes(':') ? COLON_DEFINITION.exec(line.replace(/\*+/g, '')) : null;
      if (colon?.[1] && !/\s(?:of|and|the|for|to|in|on|de)$/.test(colon[1])) {
        addTerm(terms, colon[1]);
      }
    }
  }
  return terms;
}
