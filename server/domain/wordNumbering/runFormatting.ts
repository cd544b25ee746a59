// Bold and italic as Word shows them: from a run's own formatting, else from the styles it is in.
// mammoth reads only a run's own `w:b` / `w:i`, so bold applied through a character style (a
// "Defined Term") or a paragraph style (a "Table Heading") would be lost.
//
// ECMA-376 17.7.3: bold and italic are toggle properties. Within one style's basedOn chain the
// nearest style that sets one wins; across the table, paragraph and character styles of a run
// they toggle (exclusive or), so an italic character style in an italic paragraph shows upright;
// formatting on the run itself sets the value outright, `<w:b w:val="0"/>` turning bold off.

import { childElements, childValue, firstChild, parseXml, type XmlElement } from '../wordXml.js';

/** Bold and italic as set in one place: true, false (set off), or undefined (not set there). */
export interface Toggles {
  bold?: boolean;
  italic?: boolean;
}

export interface Formatting {
  bold: boolean;
  italic: boolean;
}

/** Where a run sits: its styles, and its own formatting. */
export interface RunContext {
  tableStyle: string | null;
  /** The run is in a table's first row, which the table uses its style's first-row formatting for. */
  firstRow: boolean;
  paragraphStyle: string | null;
  characterStyle: string | null;
  direct: Toggles;
}

interface Style {
  type: string;
  basedOn: string | null;
  toggles: Toggles;
  /** A table style's formatting of the first row (`w:tblStylePr w:type="firstRow"`). */
  firstRow: Toggles;
}

/** basedOn chains longer than this are cut off (Word's own are a handful deep). */
const MAX_CHAIN = 20;

/** How a style sheet formats runs; `format` gives a run's bold and italic. */
export interface RunStyles {
  format(run: RunContext): Formatting;
}

const OFF = new Set(['0', 'false', 'off']);

/** A `<w:b/>`-like element: on unless its value says off; undefined when absent. */
function onOff(properties: XmlElement | undefined, name: string): boolean | undefined {
  const element = firstChild(properties, name);
  if (!element) return undefined;
  return !OFF.has((element.attributes['w:val'] ?? 'true').toLowerCase());
}

/** The bold and italic that run properties (`w:rPr`) set. */
export function readToggles(properties: XmlElement | undefined): Toggles {
  return { bold: onOff(properties, 'w:b'), italic: onOff(properties, 'w:i') };
}

export function readRunStyles(stylesXml: string | null | undefined): RunStyles {
  const styles = new Map<string, Style>();
  /** The paragraph style a paragraph without `w:pStyle` has (Normal). */
  let defaultParagraphStyle: string | null = null;
  if (stylesXml) {
    for (const element of childElements(parseXml(stylesXml), 'w:style')) {
      const id = element.attributes['w:styleId'];
      if (id === undefined) continue;
      const type = element.attributes['w:type'] ?? 'paragraph';
      if (type === 'paragraph' && isOn(element.attributes['w:default']))
        defaultParagraphStyle ??= id;
      const firstRow = childElements(element, 'w:tblStylePr').find(
        (p) => p.attributes['w:type'] === 'firstRow',
      );
      styles.set(id, {
        type,
        basedOn: childValue(element, 'w:basedOn') ?? null,
        toggles: readToggles(firstChild(element, 'w:rPr')),
        firstRow: readToggles(firstChild(firstRow, 'w:rPr')),
      });
    }
  }

  /** The nearest value of each toggle along the style's basedOn chain (cycle-safe, capped). */
  const resolve = (styleId: string | null, type: string, firstRow = false): Formatting => {
    const found: Toggles = {};
    const seen = new Set<string>();
    let id = styleId;
    while (id !== null && !seen.has(id) && seen.size < MAX_CHAIN) {
      seen.add(id);
      const style = styles.get(id);
      if (!style || style.type !== type) break;
      for (const own of firstRow ? [style.firstRow, style.toggles] : [style.toggles]) {
        found.bold ??= own.bold;
        found.italic ??= own.italic;
      }
      id = style.basedOn;
    }
    return { bold: found.bold === true, italic: found.italic === true };
  };

  // A document has a few dozen styles and many thousands of runs: each chain is walked once.
  const resolved = new Map<string, Formatting>();
  const cached = (styleId: string | null, type: string, firstRow = false): Formatting => {
    const key = `${type}\u0000${firstRow}\u0000${styleId ?? ''}`;
    let formatting = resolved.get(key);
    if (!formatting) resolved.set(key, (formatting = resolve(styleId, type, firstRow)));
    return formatting;
  };

  return {
    format(run: RunContext): Formatting {
      const levels = [
        cached(run.tableStyle, 'table', run.firstRow),
        cached(run.paragraphStyle ?? defaultParagraphStyle, 'paragraph'),
        cached(run.characterStyle, 'character'),
      ];
      const toggled = (key: keyof Formatting) => levels.reduce((on, l) => on !== l[key], false);
      return {
        bold: run.direct.bold ?? toggled('bold'),
        italic: run.direct.italic ?? toggled('italic'),
      };
    },
  };
}

function isOn(value: string | undefined): boolean {
  return value !== undefined && !OFF.has(value.toLowerCase());
}
