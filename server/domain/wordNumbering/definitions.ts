// Reading numbering.xml and styles.xml, and resolving a paragraph's list level as Word does.

import { childElements, childValue, firstChild, parseXml, type XmlElement } from '../wordXml.js';
import type { ScannedParagraph } from './scan.js';

export interface Level {
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

export interface Num {
  id: string;
  abstractId: string;
  overrides: Map<string, { start?: number; level?: Level }>;
}

interface ParagraphStyle {
  basedOn: string | null;
  numId: string | undefined;
  ilvl: string | undefined;
}

export interface Resolved {
  /** Counters belong to the abstract numbering: nums sharing one continue each other. */
  listKey: string;
  num: Num | null;
  index: number;
  bullet: boolean;
  levels: Map<string, Level>;
}

export interface Definitions {
  resolve(paragraph: ScannedParagraph): Resolved | null;
  isHeadingStyle(styleId: string | null): boolean;
}

export function readDefinitions(
  numberingXml?: string | null,
  stylesXml?: string | null,
): Definitions {
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

export function toInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

function idOrder(id: string): number {
  return /^\d+$/.test(id) ? Number(id) : Number.MAX_SAFE_INTEGER;
}
