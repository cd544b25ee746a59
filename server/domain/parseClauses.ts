import { ClauseSequence, type NumberCandidate } from './clauseSequence.js';

export interface Clause {
  ref: string;
  heading: string | null;
  text: string;
  anchor: string;
  level: number;
  parentRef: string | null;
  line: number;
}

export interface ParsedDocument {
  title: string | null;
  preamble: string;
  clauses: Clause[];
  /** Lines that looked like clause numbers but were kept as text; absent when there are none. */
  notes?: string[];
}

type ClauseStart =
  | { kind: 'number'; parts: string[]; values: number[]; rest: string; fromHeading: boolean }
  | { kind: 'annex'; prefix: string; rest: string }
  | { kind: 'item'; token: string; rest: string };

interface Draft {
  ref: string;
  base: string;
  level: number;
  parentRef: string | null;
  line: number;
  heading: string | null;
  lead: string;
  body: string[];
  // '1.1 Introduction' is only a heading if nothing but sub-clauses follows it.
  headingUnlessBody: boolean;
}

const MD_HEADING = /^#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
// Emphasis markers may wrap the number (`**1.1**`) or the whole line (`**1.1 Title**`);
// group 4 captures the marker when it closes straight after the number.
// Four digits per component reach clause 1.1000; years and decimals that also match are
// told apart by their sequence (see clauseSequence.ts).
const NUMBER_LINE = /^(\*{1,3}|_{1,3})?(\d{1,4}(?:\.\d{1,4}){0,5})(\\?\.)?((?:\1)?)(?:\s+(.*))?$/;
// Backslashes tolerate converters (pandoc) that escape `(a)` as `\(a\)`.
const ITEM_LINE = /^(\*{1,3}|_{1,3})?\\?\(([a-z]{1,6})\\?\)((?:\1)?)(?:\s+(.*))?$/;
// Identifier is case-sensitive so prose such as "Annex to the Code" is not mistaken for one.
const ANNEX_LINE =
  /^(\*{1,3}|_{1,3})?(ANNEX|Annex|annex|APPENDIX|Appendix|appendix|ATTACHMENT|Attachment|attachment)\s+((?:[A-Z]{1,3}(?:-?\d{1,3}[A-Za-z]?)?|\d{1,3}[A-Za-z]?)(?:[-.]\d{1,3}[A-Za-z]?)*)(?=$|[\s:.–—*_-])(.*)$/;
const ANNEX_SEPARATOR = /^\s*[:.–—-]/;
const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
const SENTENCE_PUNCTUATION = /[.;:!?](?:\s|$)/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^\s*(?:=+|-+)\s*$/;

const SENTENCE_END = /(?:[.;:!?]|;\s+(?:and|or))[*_"'”’)\]]*$/i;
const TITLE_MAX_WORDS = 8;
const TITLE_MINOR_WORDS = new Set(
  'a an and as at by for from in into of on or the to under with'.split(' '),
);
const MAX_NOTES = 20;
const NOTE_EXCERPT = 40;

export function parseClauses(markdown: string): ParsedDocument {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const starts = classifyLines(lines);
  const nextNumbers = nextNumberLines(starts);
  const builder = new ClauseBuilder();
  const sequence = new ClauseSequence();
  const preamble: string[] = [];
  const notes: string[] = [];
  let current: Draft | null = null;
  let afterOpenLine = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    let start = starts[i] ?? null;
    if (start?.kind === 'number') {
      const verdict = sequence.judge(numberCandidate(start, afterOpenLine, nextNumbers[i]));
      if (!verdict.clause) {
        if (notes.length < MAX_NOTES) notes.push(note(i + 1, line, current, verdict.reason));
        start = null;
      }
    } else if (start?.kind === 'annex') sequence.startScope();
    const opened = start && builder.open(start, i + 1);
    if (opened) current = opened;
    else (current ? current.body : preamble).push(line);
    afterOpenLine = endsOpen(line, opened ? start : null);
  }
  const { title, rest } = splitTitle(preamble);
  const clauses = finishClauses(builder.drafts);
  return { title, preamble: rest.join('\n').trim(), clauses, ...(notes.length ? { notes } : {}) };
}

function classifyLines(lines: string[]): (ClauseStart | null)[] {
  let fence: string | null = null;
  return lines.map((line) => {
    const start = fence === null ? classifyLine(line) : null;
    fence = nextFence(fence, line);
    return start;
  });
}

// Precomputed in one backward pass so that looking ahead for a restart stays linear.
// An annex in between ends the lookahead: its numbering says nothing about the line before it.
function nextNumberLines(starts: (ClauseStart | null)[]): (number[] | null)[] {
  const next: (number[] | null)[] = new Array<number[] | null>(starts.length).fill(null);
  for (let i = starts.length - 2; i >= 0; i--) {
    const after = starts[i + 1];
    if (after?.kind === 'number') next[i] = after.values;
    else if (after?.kind !== 'annex') next[i] = next[i + 1] ?? null;
  }
  return next;
}

function numberCandidate(
  start: ClauseStart & { kind: 'number' },
  afterOpenLine: boolean,
  next: number[] | null | undefined,
): NumberCandidate {
  return {
    parts: start.values,
    fromHeading: start.fromHeading,
    lowercase: /^[*_]*\p{Ll}/u.test(start.rest),
    afterOpenLine,
    next: next ?? null,
  };
}

// Whether a number on the following line could be the rest of this line's sentence.
// Headings and title-like clause lines (`1.1 Introduction`) end without punctuation too.
function endsOpen(line: string, opened: ClauseStart | null): boolean {
  if (opened?.kind === 'annex') return false;
  if (opened?.kind === 'number') {
    return !opened.fromHeading && !looksLikeTitle(opened.rest) && isOpenProse(opened.rest);
  }
  if (opened?.kind === 'item') return isOpenProse(opened.rest);
  const trimmed = line.trim();
  const structural =
    MD_HEADING.test(trimmed) ||
    trimmed.startsWith('|') ||
    FENCE.test(line) ||
    SETEXT_UNDERLINE.test(trimmed);
  return !structural && isOpenProse(trimmed);
}

function isOpenProse(text: string): boolean {
  return text !== '' && !SENTENCE_END.test(text);
}

// Only title-cased lines count: `1.2 The Party shall not exceed` is short but mid-sentence.
function looksLikeTitle(text: string): boolean {
  const words = text.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return (
    isShortTitle(text) &&
    words.length <= TITLE_MAX_WORDS &&
    words.every((word) => !/^[*_"'“‘(]*\p{Ll}/u.test(word) || TITLE_MINOR_WORDS.has(word)) &&
    !TITLE_MINOR_WORDS.has(last)
  );
}

function note(lineNumber: number, line: string, owner: Draft | null, reason: string): string {
  let excerpt = line.trim();
  if (excerpt.length > NOTE_EXCERPT) {
    const cut = excerpt.lastIndexOf(' ', NOTE_EXCERPT);
    excerpt = `${excerpt.slice(0, cut > 0 ? cut : NOTE_EXCERPT)} ...`;
  }
  const where = owner ? owner.ref : 'the preamble';
  return `Line ${lineNumber}: "${excerpt}" kept as text of ${where}: ${reason}`;
}

function classifyLine(line: string): ClauseStart | null {
  let body = line.trim();
  if (body === '') return null;
  const heading = MD_HEADING.exec(body);
  if (heading) body = heading[1] ?? '';
  const fromHeading = heading !== null;

  const number = NUMBER_LINE.exec(body);
  if (number) {
    const parts = (number[2] ?? '').split('.');
    if (parts.length === 1 && !number[3] && !fromHeading) return null;
    return {
      kind: 'number',
      parts,
      values: parts.map(Number),
      rest: closeEmphasis(number[5], number[1], number[4]),
      fromHeading,
    };
  }
  const item = ITEM_LINE.exec(body);
  if (item) {
    const token = item[2] ?? '';
    if (!isLetterToken(token) && !ROMAN.test(token)) return null;
    return { kind: 'item', token, rest: closeEmphasis(item[4], item[1], item[3]) };
  }
  const annex = ANNEX_LINE.exec(body);
  if (annex) {
    let rest = annex[4] ?? '';
    const marker = annex[1];
    if (marker && rest.startsWith(marker)) rest = rest.slice(marker.length);
    else rest = closeEmphasis(rest, marker, '');
    const title = rest.replace(/^[\s:.–—-]+/, '').trim();
    if (!fromHeading && !looksLikeAnnexTitle(title, ANNEX_SEPARATOR.test(rest))) return null;
    const keyword = (annex[2] ?? '').toLowerCase();
    const prefix = `${keyword[0]?.toUpperCase()}${keyword.slice(1)} ${(annex[3] ?? '').toUpperCase()}`;
    return { kind: 'annex', prefix, rest: title };
  }
  return null;
}

// Rejects sentences that merely start with "Appendix A ..." or "Annex B is ...".
function looksLikeAnnexTitle(title: string, separated: boolean): boolean {
  if (title === '') return true;
  if (title.length > 100 || /[.;,!?]$/.test(title)) return false;
  return separated || !/^\p{Ll}/u.test(title);
}

function closeEmphasis(rest: string | undefined, marker?: string, closed?: string): string {
  let text = (rest ?? '').trim();
  if (marker && !closed && text.endsWith(marker)) text = text.slice(0, -marker.length).trim();
  return text;
}

function unwrapEmphasis(text: string): string {
  const match = /^(\*{1,3}|_{1,3})(.+?)\1$/.exec(text.trim());
  return (match ? (match[2] ?? '') : text).trim();
}

function nextFence(fence: string | null, line: string): string | null {
  if (fence === null) return FENCE.exec(line)?.[1] ?? null;
  const trimmed = line.trim();
  const closes =
    trimmed.length >= fence.length && trimmed === (fence[0] ?? '').repeat(trimmed.length);
  return closes ? null : fence;
}

function isLetterToken(token: string): boolean {
  return token.length === 1 || (token.length === 2 && token[0] === token[1]);
}

function previousLetter(token: string): string | null {
  const code = token.charCodeAt(0);
  if (token.length === 1) return code === 97 ? null : String.fromCharCode(code - 1);
  return code === 97 ? 'z' : String.fromCharCode(code - 1).repeat(2);
}

function romanValue(token: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const value = values[token[i] ?? ''] ?? 0;
    const next = values[token[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

interface Owner {
  ref: string;
  base: string;
  level: number;
}

class ClauseBuilder {
  readonly drafts: Draft[] = [];
  private readonly latestByBase = new Map<string, string>();
  private readonly nextSuffix = new Map<string, number>();
  private scope = '';
  private numbered: Owner | null = null;
  private letter: (Owner & { token: string }) | null = null;
  private roman: (Owner & { value: number }) | null = null;

  open(start: ClauseStart, line: number): Draft | null {
    if (start.kind === 'annex') return this.openAnnex(start.prefix, start.rest, line);
    if (start.kind === 'number') return this.openNumber(start, line);
    return this.openItem(start.token, start.rest, line);
  }

  private openAnnex(prefix: string, title: string, line: number): Draft {
    this.scope = prefix;
    const draft = this.add(prefix, 1, null, line, { heading: title });
    this.numbered = draft;
    this.letter = this.roman = null;
    return draft;
  }

  private openNumber(start: ClauseStart & { kind: 'number' }, line: number): Draft {
    const { parts, rest } = start;
    const base = this.scoped(parts.join('.'));
    const level = parts.length + (this.scope ? 1 : 0);
    let parentRef = this.scope ? (this.latestByBase.get(this.scope) ?? null) : null;
    for (let depth = parts.length - 1; depth > 0; depth--) {
      const ancestor = this.latestByBase.get(this.scoped(parts.slice(0, depth).join('.')));
      if (ancestor !== undefined) {
        parentRef = ancestor;
        break;
      }
    }
    let shape: { heading: string | null; lead?: string; headingUnlessBody?: boolean };
    if (start.fromHeading || parts.length === 1) shape = { heading: unwrapEmphasis(rest) };
    else if (parts.length === 2 && isShortTitle(rest))
      shape = { heading: unwrapEmphasis(rest), lead: rest, headingUnlessBody: true };
    else shape = { heading: null, lead: rest };
    const draft = this.add(base, level, parentRef, line, shape);
    this.numbered = draft;
    this.letter = this.roman = null;
    return draft;
  }

  private openItem(token: string, rest: string, line: number): Draft | null {
    const numbered = this.numbered;
    if (!numbered) return null;
    if (this.isRomanItem(token)) {
      const owner = this.letter ?? numbered;
      const draft = this.add(`${owner.base}(${token})`, owner.level + 1, owner.ref, line, {
        heading: null,
        lead: rest,
      });
      this.roman = { ...draft, value: romanValue(token) };
      return draft;
    }
    const draft = this.add(`${numbered.base}(${token})`, numbered.level + 1, numbered.ref, line, {
      heading: null,
      lead: rest,
    });
    this.letter = { ...draft, token };
    this.roman = null;
    return draft;
  }

  // `(i)` straight after `(h)` continues the letters; after any other item it starts a roman list.
  private isRomanItem(token: string): boolean {
    const roman = ROMAN.test(token);
    if (!roman || !isLetterToken(token)) return roman;
    if (this.roman && romanValue(token) === this.roman.value + 1) return true;
    if (this.letter && this.letter.token === previousLetter(token)) return false;
    return token === 'i' || token.length > 1;
  }

  private scoped(number: string): string {
    return this.scope ? `${this.scope} ${number}` : number;
  }

  private add(
    base: string,
    level: number,
    parentRef: string | null,
    line: number,
    shape: { heading: string | null; lead?: string; headingUnlessBody?: boolean },
  ): Draft {
    const ref = this.uniqueRef(base);
    this.latestByBase.set(base, ref);
    const draft: Draft = {
      ref,
      base,
      level,
      parentRef,
      line,
      heading: shape.heading,
      lead: shape.lead ?? '',
      body: [],
      headingUnlessBody: shape.headingUnlessBody ?? false,
    };
    this.drafts.push(draft);
    return draft;
  }

  private uniqueRef(base: string): string {
    if (!this.latestByBase.has(base)) return base;
    const n = this.nextSuffix.get(base) ?? 2;
    this.nextSuffix.set(base, n + 1);
    return `${base} [${n}]`;
  }
}

function isShortTitle(rest: string): boolean {
  return rest !== '' && rest.length <= 80 && !SENTENCE_PUNCTUATION.test(rest);
}

function finishClauses(drafts: Draft[]): Clause[] {
  const clauses = drafts.map((draft): Clause => {
    const hasBody = draft.body.some((line) => line.trim() !== '');
    const isHeading = draft.heading !== null && !(draft.headingUnlessBody && hasBody);
    const lead = isHeading ? '' : draft.lead;
    return {
      ref: draft.ref,
      heading: isHeading ? draft.heading : null,
      text: [lead, ...draft.body].join('\n').trim(),
      anchor: '',
      level: draft.level,
      parentRef: draft.parentRef,
      line: draft.line,
    };
  });
  assignAnchors(clauses);
  return clauses;
}

// Unsuffixed refs claim their natural anchor first, so `3.2.2` keeps `clause-3-2-2`
// even when an earlier duplicate `3.2 [2]` slugs to the same text.
function assignAnchors(clauses: Clause[]): void {
  const taken = new Set<string>();
  const claim = (clause: Clause): void => {
    const slug = clause.ref
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const base = slug ? `clause-${slug}` : 'clause';
    let anchor = base;
    for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
    taken.add(anchor);
    clause.anchor = anchor;
  };
  const isSuffixed = (clause: Clause): boolean => / \[\d+\]$/.test(clause.ref);
  clauses.filter((clause) => !isSuffixed(clause)).forEach(claim);
  clauses.filter(isSuffixed).forEach(claim);
}

// The first line before any clause is the title if it is a heading or stands alone like one.
function splitTitle(lines: string[]): { title: string | null; rest: string[] } {
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return { title: null, rest: [] };
  const first = (lines[index] ?? '').trim();
  const next = lines[index + 1];
  let consumed = 0;
  let title = '';
  const heading = MD_HEADING.exec(first);
  if (heading) {
    title = heading[1] ?? '';
    consumed = 1;
  } else if (next !== undefined && SETEXT_UNDERLINE.test(next)) {
    title = first;
    consumed = 2;
  } else if (
    first.length <= 120 &&
    /^[\p{L}\p{N}*_]/u.test(first) &&
    !/[.;,:!?]$/.test(first) &&
    (next === undefined || next.trim() === '')
  ) {
    title = first;
    consumed = 1;
  }
  if (consumed === 0) return { title: null, rest: lines };
  const rest = lines.slice(index + consumed);
  return { title: unwrapEmphasis(title) || null, rest };
}
