// Word's automatic numbering ("1.1", "(a)") lives in numbering.xml, not in the text, and mammoth
// only reports that a paragraph is an ordered or unordered list item at some level. This module
// replays the numbering the way Word counts it and turns each numbered paragraph's number into
// the clause-number text our Markdown clause parser reads (`1.2.3`, `(a)`, `(iv)`).
//
// Clause numbers are composed, not copied: an item whose level has a parent item in the same list
// is numbered under it (`%2.` beneath `1.` gives `1.1`, as `%1.%2` would), and a list that starts
// beneath a clause number from elsewhere (a heading typed "1 General", or an item of another
// list) is numbered beneath that clause and restarts when the next such clause number comes.
// Lettered and roman levels become `(a)` and `(i)` items whatever punctuation Word shows.
import {
  childElements,
  childValue,
  firstChild,
  parseXml,
  type XmlElement,
  type XmlNode,
} from './wordXml.js';

export type WordLabel =
  /** A clause number: `[1, 2]` is written `1.2`. */
  | { kind: 'clause'; parts: number[] }
  /** A lettered or roman item, written `(a)` / `(iv)`. */
  | { kind: 'item'; token: string }
  /** Any other number Word would show, as shown (e.g. `A.` or `Article 3`). */
  | { kind: 'text'; text: string }
  /** Nothing to add: the text already starts with its number, or the level shows none. */
  | { kind: 'none' };

export interface WordParagraph {
  /** The paragraph's text without any whitespace, to pair it with mammoth's paragraph. */
  key: string;
  /** The number Word shows before it; null when it is not numbered (or is a bullet). */
  label: WordLabel | null;
}

export interface WordParts {
  document: string;
  numbering?: string | null;
  styles?: string | null;
}

interface Level {
  format: string;
  text: string;
  start: number;
  styleId: string | null;
}

interface AbstractNum {
  id: string;
  levels: Map<string, Level>;
  styleLink: string | null;
}

interface Num {
  id: string;
  abstractId: string;
  overrides: Map<string, { start?: number; level?: Level }>;
}

interface ParagraphStyle {
  basedOn: string | null;
  numId: string | undefined;
  ilvl: string | undefined;
}

interface Resolved {
  /** Counters belong to the abstract numbering: nums sharing one continue each other. */
  listKey: string;
  num: Num | null;
  index: number;
  bullet: boolean;
  levels: Map<string, Level>;
}

interface Definitions {
  resolve(paragraph: ScannedParagraph): Resolved | null;
  isHeadingStyle(styleId: string | null): boolean;
}

/** Every body paragraph in document order (as mammoth reads them), with Word's number if any. */
export function readWordParagraphs(parts: WordParts): WordParagraph[] {
  const definitions = readDefinitions(parts.numbering, parts.styles);
  const body = firstChild(parseXml(parts.document), 'w:body');
  const paragraphs: ScannedParagraph[] = [];
  if (body) scan(body, { paragraphs, open: [], tableDepth: 0 });
  const counter = new ClauseCounter();
  return paragraphs.map((paragraph): WordParagraph => {
    const key = paragraph.text.replace(/\s+/g, '');
    const resolved = definitions.resolve(paragraph);
    const typed = typedNumber(paragraph.text, definitions.isHeadingStyle(paragraph.styleId));
    if (!resolved) {
      if (typed && !paragraph.inTable) counter.typed(typed);
      return { key, label: null };
    }
    const label = counter.item(resolved, typed, paragraph.inTable);
    return { key, label: resolved.bullet ? null : label };
  });
}

/** How a label is written at the start of a paragraph or heading; null when nothing is added. */
export function labelText(label: WordLabel, heading: boolean): string | null {
  switch (label.kind) {
    case 'clause':
      // A lone number needs its full stop to be read as a clause outside a heading.
      return label.parts.length === 1 && !heading ? `${label.parts[0]}.` : label.parts.join('.');
    case 'item':
      return `(${label.token})`;
    case 'text':
      return label.text.trim() === '' ? null : label.text.trim();
    case 'none':
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading numbering.xml and styles.xml, and resolving a paragraph's list level as Word does.

function readDefinitions(numberingXml?: string | null, stylesXml?: string | null): Definitions {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  const numberingStyleNums = new Map<string, string>();
  const paragraphStyles = new Map<string, ParagraphStyle>();
  const headingStyles = new Set<string>();

  if (stylesXml) {
    for (const style of childElements(parseXml(stylesXml), 'w:style')) {
      const id = style.attributes['w:styleId'];
      if (id === undefined) continue;
      const type = style.attributes['w:type'];
      const name = childValue(style, 'w:name') ?? '';
      const numPr = firstChild(firstChild(style, 'w:pPr'), 'w:numPr');
      const numId = childValue(numPr, 'w:numId');
      if (type === 'numbering' && numId !== undefined) numberingStyleNums.set(id, numId);
      if (type !== 'paragraph') continue;
      if (/^(heading [1-6]|title)$/i.test(name)) headingStyles.add(id);
      paragraphStyles.set(id, {
        basedOn: childValue(style, 'w:basedOn') ?? null,
        numId,
        ilvl: childValue(numPr, 'w:ilvl'),
      });
    }
  }
  if (numberingXml) {
    const root = parseXml(numberingXml);
    for (const element of childElements(root, 'w:abstractNum')) {
      const id = element.attributes['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<string, Level>();
      for (const lvl of childElements(element, 'w:lvl')) {
        levels.set(lvl.attributes['w:ilvl'] ?? '0', readLevel(lvl));
      }
      abstracts.set(id, { id, levels, styleLink: childValue(element, 'w:numStyleLink') ?? null });
    }
    for (const element of childElements(root, 'w:num')) {
      const id = element.attributes['w:numId'];
      const abstractId = childValue(element, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<string, { start?: number; level?: Level }>();
      for (const override of childElements(element, 'w:lvlOverride')) {
        const start = childValue(override, 'w:startOverride');
        const lvl = firstChild(override, 'w:lvl');
        overrides.set(override.attributes['w:ilvl'] ?? '0', {
          ...(start === undefined ? {} : { start: toInt(start, 1) }),
          ...(lvl ? { level: readLevel(lvl) } : {}),
        });
      }
      nums.set(id, { id, abstractId, overrides });
    }
  }

  // mammoth keys abstract numberings by id in a plain object, so integer-like ids iterate in
  // numeric order and the last level naming a paragraph style wins.
  const byStyle = new Map<string, { abstract: AbstractNum; ilvl: string }>();
  const ordered = [...abstracts.values()].sort((a, b) => idOrder(a.id) - idOrder(b.id));
  for (const abstract of ordered) {
    for (const [ilvl, level] of abstract.levels) {
      if (level.styleId !== null) byStyle.set(level.styleId, { abstract, ilvl });
    }
  }

  const fromAbstract = (abstract: AbstractNum, num: Num | null, ilvl: string): Resolved | null => {
    const level = abstract.levels.get(ilvl);
    if (!level) return null;
    return {
      listKey: abstract.id,
      num,
      index: toInt(ilvl, 0),
      bullet: level.format === 'bullet',
      levels: abstract.levels,
    };
  };
  const findLevel = (numId: string, ilvl: string, seen: Set<string>): Resolved | null => {
    if (seen.has(numId)) return null;
    seen.add(numId);
    const num = nums.get(numId);
    const abstract = num && abstracts.get(num.abstractId);
    if (!num || !abstract) return null;
    if (abstract.styleLink === null) return fromAbstract(abstract, num, ilvl);
    const linked = numberingStyleNums.get(abstract.styleLink);
    return linked === undefined ? null : findLevel(linked, ilvl, seen);
  };

  /** A paragraph style's numbering, inherited through `basedOn` as Word does. */
  const styleNumbering = (styleId: string | null): { numId?: string; ilvl?: string } => {
    const found: { numId?: string; ilvl?: string } = {};
    const seen = new Set<string>();
    for (let id = styleId; id !== null && !seen.has(id);) {
      seen.add(id);
      const style = paragraphStyles.get(id);
      if (!style) break;
      if (found.numId === undefined && style.numId !== undefined) found.numId = style.numId;
      if (found.ilvl === undefined && style.ilvl !== undefined) found.ilvl = style.ilvl;
      id = style.basedOn;
    }
    return found;
  };
  /** The level of `numId` that names the paragraph style, as Word links heading styles. */
  const styleLevel = (numId: string, styleId: string | null): string | undefined => {
    const num = nums.get(numId);
    const abstract = num && abstracts.get(num.abstractId);
    if (!abstract || styleId === null) return undefined;
    for (const [ilvl, level] of abstract.levels) if (level.styleId === styleId) return ilvl;
    return undefined;
  };

  return {
    // Word's rules: the paragraph's own numbering, else its style's (numId 0 switches it off);
    // then mammoth's extra rule, a list level that names the paragraph's style.
    resolve(paragraph) {
      const style = styleNumbering(paragraph.styleId);
      const numId = paragraph.numId ?? style.numId;
      if (numId !== undefined) {
        const ilvl = paragraph.ilvl ?? style.ilvl ?? styleLevel(numId, paragraph.styleId) ?? '0';
        return numId === '0' ? null : findLevel(numId, ilvl, new Set());
      }
      const byStyleLevel = paragraph.styleId === null ? undefined : byStyle.get(paragraph.styleId);
      return byStyleLevel ? fromAbstract(byStyleLevel.abstract, null, byStyleLevel.ilvl) : null;
    },
    isHeadingStyle: (styleId) => styleId !== null && headingStyles.has(styleId),
  };
}

function readLevel(lvl: XmlElement): Level {
  return {
    format: childValue(lvl, 'w:numFmt') ?? 'decimal',
    text: childValue(lvl, 'w:lvlText') ?? '',
    start: toInt(childValue(lvl, 'w:start'), 1),
    styleId: childValue(lvl, 'w:pStyle') ?? null,
  };
}

function toInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

function idOrder(id: string): number {
  return /^\d+$/.test(id) ? Number(id) : Number.MAX_SAFE_INTEGER;
}

// ---------------------------------------------------------------------------------------------
// Scanning document.xml the way mammoth reads it.

interface ScannedParagraph {
  numId: string | undefined;
  ilvl: string | undefined;
  styleId: string | null;
  text: string;
  inTable: boolean;
}

interface ScanState {
  paragraphs: ScannedParagraph[];
  open: ScannedParagraph[];
  tableDepth: number;
}

// mammoth reads the fallback of alternate content and skips deleted runs; so do we.
const SKIPPED = new Set(['mc:Choice', 'w:del', 'w:moveFrom', 'w:instrText', 'w:delText']);
const TEXT_OF: Record<string, string> = {
  'w:tab': '\t',
  'w:br': '\n',
  'w:cr': '\n',
  'w:noBreakHyphen': '\u2011',
  'w:softHyphen': '\u00ad',
};

function scan(element: XmlElement, state: ScanState): void {
  for (const child of element.children) scanNode(child, element, state);
}

function scanNode(node: XmlNode, parent: XmlElement, state: ScanState): void {
  const current = state.open[state.open.length - 1];
  if (typeof node === 'string') {
    if (current && parent.name === 'w:t') current.text += node;
    return;
  }
  if (SKIPPED.has(node.name)) return;
  const replacement = TEXT_OF[node.name];
  if (replacement !== undefined) {
    if (current) current.text += replacement;
    return;
  }
  if (node.name === 'w:tbl') {
    state.tableDepth += 1;
    scan(node, state);
    state.tableDepth -= 1;
    return;
  }
  if (node.name !== 'w:p') {
    scan(node, state);
    return;
  }
  const properties = firstChild(node, 'w:pPr');
  const numbering = firstChild(properties, 'w:numPr');
  const paragraph: ScannedParagraph = {
    numId: childValue(numbering, 'w:numId'),
    ilvl: childValue(numbering, 'w:ilvl'),
    styleId: childValue(properties, 'w:pStyle') ?? null,
    text: '',
    inTable: state.tableDepth > 0,
  };
  state.paragraphs.push(paragraph);
  state.open.push(paragraph);
  scan(node, state);
  state.open.pop();
}

// ---------------------------------------------------------------------------------------------
// Counting.

type Typed = { kind: 'clause'; parts: number[] } | { kind: 'item' };

// The same shapes the clause parser accepts: `1.2.3`, `1.` (a lone number needs a full stop
// unless it heads a heading) and `(a)`.
const TYPED_CLAUSE = /^(\d{1,3}(?:\.\d{1,3}){0,5})(\.)?(?=\s|$)/;
const TYPED_ITEM = /^\(([a-z]{1,6})\)(?=\s|$)/;

function typedNumber(text: string, heading: boolean): Typed | null {
  const trimmed = text.trim();
  const clause = TYPED_CLAUSE.exec(trimmed);
  if (clause) {
    const parts = (clause[1] ?? '').split('.').map(Number);
    if (parts.length > 1 || clause[2] || heading) return { kind: 'clause', parts };
    return null;
  }
  return TYPED_ITEM.test(trimmed) ? { kind: 'item' } : null;
}

interface ListState {
  /** Word's own counters per level. */
  word: number[];
  /** Counters since the list was last placed beneath another clause number. */
  relative: number[];
  /** The clause number this list is numbered beneath, if any. */
  anchor: number[] | null;
  /** The clause number of the current item at each level (null for lettered items). */
  path: (number[] | null)[];
  /** `clauseSeq` after this list's latest item. */
  seenSeq: number;
  usedNums: Set<string>;
}

class ClauseCounter {
  private readonly lists = new Map<string, ListState>();
  private latest: number[] | null = null;
  private clauseSeq = 0;

  /** A clause number typed into an unnumbered paragraph. */
  typed(typed: Typed): void {
    if (typed.kind === 'clause') this.announce(typed.parts);
  }

  item(resolved: Resolved, typed: Typed | null, inTable: boolean): WordLabel {
    const list = this.listFor(resolved, inTable);
    const levelKey = String(resolved.index);
    const override = resolved.num?.overrides.get(levelKey);
    const level = override?.level ?? resolved.levels.get(levelKey);
    const index = resolved.index;
    list.word[index] = (list.word[index] ?? startOf(resolved, index) - 1) + 1;
    list.word.length = index + 1;
    list.relative[index] = (list.relative[index] ?? 0) + 1;
    list.relative.length = index + 1;
    list.path.length = index;

    if (typed) {
      // The text carries its own number: keep it, and number what follows beneath it.
      list.path[index] = typed.kind === 'clause' ? typed.parts : null;
      if (typed.kind === 'clause' && !inTable) this.announce(typed.parts);
      list.seenSeq = this.clauseSeq;
      return { kind: 'none' };
    }
    const label = this.labelFor(resolved, list, level, inTable);
    list.path[index] = label.kind === 'clause' ? label.parts : null;
    if (label.kind === 'clause' && !inTable) this.announce(label.parts);
    list.seenSeq = this.clauseSeq;
    return label;
  }

  private labelFor(
    resolved: Resolved,
    list: ListState,
    level: Level | undefined,
    inTable: boolean,
  ): WordLabel {
    const index = resolved.index;
    const format = level?.format ?? 'decimal';
    const text = level?.text ?? `%${index + 1}.`;
    const composed = !inTable;
    const n = composed && list.anchor ? (list.relative[index] ?? 1) : (list.word[index] ?? 1);
    if (format === 'bullet') return { kind: 'none' };
    if (format === 'none' || !isPlainNumberText(text)) {
      return { kind: 'text', text: this.wordText(resolved, list, text) };
    }
    if (format === 'lowerLetter') return { kind: 'item', token: letters(n) };
    if (format === 'lowerRoman') return { kind: 'item', token: roman(n).toLowerCase() };
    if (!isDecimalFormat(format)) {
      return { kind: 'text', text: this.wordText(resolved, list, text) };
    }
    if (composed) {
      for (let depth = index - 1; depth >= 0; depth--) {
        const parent = list.path[depth];
        if (parent) return { kind: 'clause', parts: [...parent, n] };
      }
      if (list.anchor) return { kind: 'clause', parts: [...list.anchor, n] };
    }
    // The top of a list beneath nothing: the number Word shows, e.g. `1.` or `1.2`.
    const shown = this.wordText(resolved, list, text);
    const digits = /^\(?(\d+(?:\.\d+)*)[.)]?$/.exec(shown.trim());
    return digits
      ? { kind: 'clause', parts: (digits[1] ?? '').split('.').map(Number) }
      : { kind: 'text', text: shown };
  }

  /** The number as Word renders it from the level text, e.g. `%1.%2` -> `3.1`. */
  private wordText(resolved: Resolved, list: ListState, text: string): string {
    return text.replace(/%([1-9])/g, (_match, digit: string) => {
      const depth = Number(digit) - 1;
      const level =
        resolved.num?.overrides.get(String(depth))?.level ?? resolved.levels.get(String(depth));
      const value = list.word[depth] ?? startOf(resolved, depth);
      return formatNumber(value, level?.format ?? 'decimal');
    });
  }

  private listFor(resolved: Resolved, inTable: boolean): ListState {
    let list = this.lists.get(resolved.listKey);
    if (!list) {
      list = {
        word: [],
        relative: [],
        anchor: inTable ? null : this.latest,
        path: [],
        seenSeq: this.clauseSeq,
        usedNums: new Set(),
      };
      this.lists.set(resolved.listKey, list);
    }
    const num = resolved.num;
    if (num && !list.usedNums.has(num.id)) {
      // A num with start overrides restarts the list where it is first used ("Restart at 1"):
      // the overridden levels count again from their new start.
      list.usedNums.add(num.id);
      const restarted = [...num.overrides]
        .filter(([, override]) => override.start !== undefined)
        .map(([ilvl]) => toInt(ilvl, 0));
      if (restarted.length > 0) {
        const depth = Math.min(...restarted);
        list.word.length = Math.min(list.word.length, depth);
        list.relative.length = Math.min(list.relative.length, depth);
      }
    }
    if (!inTable && list.seenSeq !== this.clauseSeq && this.latest) {
      // Another clause number came since this list's last item: unless it lies within this
      // list's own numbering, the list now continues beneath it.
      const root = list.anchor ?? list.path.find((parts) => parts) ?? null;
      if (!root || !startsWith(this.latest, root)) {
        list.anchor = this.latest;
        list.relative = [];
        list.path = [];
      }
    }
    return list;
  }

  private announce(parts: number[]): void {
    this.latest = parts;
    this.clauseSeq += 1;
  }
}

/** Where a level counts from: the num's start override, else the level's own start. */
function startOf(resolved: Resolved, depth: number): number {
  const override = resolved.num?.overrides.get(String(depth));
  return (
    override?.start ?? override?.level?.start ?? resolved.levels.get(String(depth))?.start ?? 1
  );
}

function startsWith(parts: number[], prefix: number[]): boolean {
  return prefix.length <= parts.length && prefix.every((part, i) => parts[i] === part);
}

function isPlainNumberText(text: string): boolean {
  return /%[1-9]/.test(text) && /^[\s.()[\]\-–:]*$/.test(text.replace(/%[1-9]/g, ''));
}

function isDecimalFormat(format: string): boolean {
  return format.startsWith('decimal') || format === 'ordinal' || format === 'numberInDash';
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperRoman':
      return roman(value);
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'none':
      return '';
    default:
      return String(value);
  }
}

/** Word's lettering: a..z, then aa..zz, aaa.. */
function letters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value < 1 || value >= 4000) return String(value);
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}
