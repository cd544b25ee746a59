// A small, strict XML reader for the WordprocessingML parts we inspect ourselves (document,
// numbering, styles, relationships). Element and attribute names are normalised to the
// conventional prefixes (`w:`, `mc:`) whatever prefix a producer declared, as Word readers do.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const KNOWN_NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>[]*(?:\[[^\]]*\])?\s*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

type Scope = Map<string, string>;

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

/** Parses a whole document and returns its root element; malformed XML throws XmlFormatError. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: { element: XmlElement; rawName: string; scope: Scope }[] = [
    { element: root, rawName: '', scope: new Map() },
  ];
  TOKEN.lastIndex = 0;
  const text = xml.replace(/^\uFEFF/, '');
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) throw new XmlFormatError(`unexpected markup at offset ${at}`);
    const top = stack[stack.length - 1];
    if (!top) throw new XmlFormatError('unbalanced markup');
    const [, cdata, closing, opening, rawAttributes, selfClosing, chars] = match;
    if (chars !== undefined) {
      if (stack.length > 1) top.element.children.push(decodeEntities(chars));
    } else if (cdata !== undefined) {
      top.element.children.push(cdata);
    } else if (closing !== undefined) {
      if (stack.length === 1 || closing !== top.rawName) {
        throw new XmlFormatError(`unexpected </${closing}> at offset ${at}`);
      }
      stack.pop();
    } else if (opening !== undefined) {
      const raw = readAttributes(rawAttributes ?? '');
      const scope = declaredScope(top.scope, raw);
      const attributes: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw)) {
        if (name !== 'xmlns' && !name.startsWith('xmlns:')) {
          attributes[canonicalName(name, scope, false)] = value;
        }
      }
      const element: XmlElement = {
        name: canonicalName(opening, scope, true),
        attributes,
        children: [],
      };
      top.element.children.push(element);
      if (!selfClosing) stack.push({ element, rawName: opening, scope });
    }
  }
  if (stack.length !== 1) throw new XmlFormatError('the document ends inside an element');
  const first = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!first) throw new XmlFormatError('the document has no root element');
  return first;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement =>
      typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find(
    (child): child is XmlElement => typeof child !== 'string' && child.name === name,
  );
}

/** The `w:val` (or another) attribute of the named child, e.g. `<w:numFmt w:val="decimal"/>`. */
export function childValue(
  element: XmlElement | undefined,
  name: string,
  attribute = 'w:val',
): string | undefined {
  return firstChild(element, name)?.attributes[attribute];
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function readAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of raw.matchAll(ATTRIBUTE)) {
    attributes[match[1] ?? ''] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

function declaredScope(parent: Scope, attributes: Record<string, string>): Scope {
  let scope = parent;
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === parent) scope = new Map(parent);
      scope.set(name === 'xmlns' ? '' : name.slice(6), value);
    }
  }
  return scope;
}

function canonicalName(name: string, scope: Scope, isElement: boolean): string {
  const colon = name.indexOf(':');
  // Unprefixed attributes belong to no namespace; unprefixed elements to the default one.
  if (colon < 0 && !isElement) return name;
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const uri = scope.get(prefix);
  const known = uri === undefined ? undefined : KNOWN_NAMESPACES[uri];
  if (known === undefined) return name;
  return `${known}:${name.slice(colon + 1)}`;
}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}
