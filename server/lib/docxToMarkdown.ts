// Word (.docx) to our clause Markdown: mammoth reads the document into HTML, turndown writes the
// Markdown, and Word's automatic numbering, which is in numbering.xml rather than in the text, is
// written into each numbered paragraph first so the clause parser sees `1.2.3` and `(a)`.
import mammoth from 'mammoth';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import {
  describeTrackedChanges,
  labelText,
  readTrackedChanges,
  readWordParagraphs,
  type WordParagraph,
} from '../domain/wordNumbering/index.js';
import { stripControlCharacters } from '../domain/controlCharacters.js';
import { localName, parseXml, childElements, XmlFormatError } from '../domain/wordXml.js';
import { badRequest, payloadTooLarge, type AppError } from '../errors.js';
import {
  looksLikeZip,
  readZipEntries,
  readZipEntry,
  ZipFormatError,
  type ZipEntry,
} from './zipReader.js';
import { megabytes, verifyZip, ZipLimitError, type ZipLimits } from './zipVerify.js';

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Browsers send the .docx type; command-line clients often send a generic one.
const ACCEPTED_CONTENT_TYPES = new Set([
  DOCX_CONTENT_TYPE,
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
  '',
]);

/** What the whole package may unpack to (images included), checked before anything reads it. */
const PACKAGE_LIMITS: ZipLimits = {
  maxPartBytes: 50 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxParts: 5_000,
};
/**
 * What the XML parts (the document, its notes, comments, numbering, styles, relationships...)
 * may unpack to together. Converting takes about 35 times their size in memory (mammoth's tree,
 * the HTML, turndown's DOM), so this keeps an upload within 300 MB. Word's XML is usually two or
 * more times its text, and a version's Markdown may be 5 MB at most: few publishable documents
 * come near it (some 1,000 pages of text).
 */
const MAX_XML_BYTES = 6 * 1024 * 1024;
const XML_PART = /\.(xml|rels)$/i;

export interface DocxUpload {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

export interface DocxConversion {
  markdown: string;
  /** For the uploader, in plain English: what the import accepted or left out. */
  warnings: string[];
  /** mammoth's messages, for the log only. */
  messages: string[];
}

const notDocx = (): AppError => badRequest('The upload is not a Word .docx file');
const unreadable = (reason: string): AppError =>
  badRequest(`The Word document could not be read: ${reason}`);

/** Converts an uploaded .docx to Markdown, or throws a 400 that says why it cannot. */
export async function docxToMarkdown(file: DocxUpload): Promise<DocxConversion> {
  const mimetype = file.mimetype.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!/\.docx$/i.test(file.originalname.trim()) || !ACCEPTED_CONTENT_TYPES.has(mimetype)) {
    throw notDocx();
  }
  if (!looksLikeZip(file.buffer)) throw notDocx();
  const archive = await verifyPackage(file.buffer);
  const parts = readPackage(archive);

  const warnings: string[] = [];
  let paragraphs: WordParagraph[] = [];
  try {
    const document = parseXml(parts.document);
    paragraphs = readWordParagraphs(parts, document);
    const notes = parts.notes.map((xml) => parseXml(xml));
    warnings.push(
      ...describeTrackedChanges(readTrackedChanges([document, ...notes], parts.comments)),
    );
  } catch (err) {
    if (err instanceof XmlFormatError) throw unreadable(`its XML is malformed (${err.message})`);
    throw err;
  }

  let html: string;
  let messages: string[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: archive },
      {
        styleMap: STYLE_MAP,
        includeDefaultStyleMap: true,
        externalFileAccess: false,
        // Images are not part of the clause text (and would bloat the Markdown as data URIs).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        transformDocument: (document: MammothElement) => {
          const unmatched = writeNumbers(document, paragraphs);
          if (unmatched > 0) warnings.push(unpairedWarning(unmatched));
          return document;
        },
      },
    );
    html = result.value;
    messages = result.messages.map((m) => `${m.type}: ${m.message}`);
  } catch (err) {
    throw unreadable(reasonOf(err));
  }

  // Word text can carry control characters (a raw byte or a character reference) that no text
  // input may hold, NUL among them, which PostgreSQL refuses: they are dropped, and the uploader told.
  const { text: markdown, removed } = stripControlCharacters(htmlToMarkdown(html));
  if (removed > 0) warnings.push(controlCharactersWarning(removed));
  if (!/[\p{L}\p{N}]/u.test(markdown)) throw badRequest('The Word document has no text');
  return { markdown, warnings, messages };
}

function controlCharactersWarning(removed: number): string {
  return removed === 1
    ? '1 control character in the text (invisible in Word) was left out.'
    : `${removed} control characters in the text (invisible in Word) were left out.`;
}

function unpairedWarning(unmatched: number): string {
  return unmatched === 1
    ? "1 numbered paragraph could not be paired with Word's list numbering; its number was left out."
    : `${unmatched} numbered paragraphs could not be paired with Word's list numbering; their numbers were left out.`;
}

// ---------------------------------------------------------------------------------------------
// The package: which parts exist, and those we read ourselves.

interface PackageParts {
  document: string;
  numbering: string | null;
  styles: string | null;
  /** Footnotes and endnotes, which mammoth imports too: their tracked changes are counted. */
  notes: string[];
  comments: string | null;
}

const tooLarge = (reason: string): AppError =>
  payloadTooLarge(`The Word document is too large: ${reason}`);

/** The package checked part by part (zipVerify.ts), as a fresh archive for mammoth and us. */
async function verifyPackage(buffer: Buffer): Promise<Buffer> {
  try {
    return await verifyZip(buffer, PACKAGE_LIMITS);
  } catch (err) {
    if (err instanceof ZipLimitError) throw tooLarge(err.message);
    throw unreadable(reasonOf(err));
  }
}

function readPackage(buffer: Buffer): PackageParts {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipEntries(buffer);
  } catch (err) {
    throw unreadable(reasonOf(err));
  }

  // Every part mammoth or we may parse as XML counts: those named .xml or .rels, and any part
  // the relationships name under another extension.
  let xmlBytes = 0;
  const countXml = (entry: ZipEntry) => {
    xmlBytes += entry.size;
    if (xmlBytes > MAX_XML_BYTES) {
      throw tooLarge(
        `its XML parts (${entry.name} and those before it) unpack to more than ${megabytes(MAX_XML_BYTES)} together, the limit for a document`,
      );
    }
  };
  for (const entry of entries.values()) if (XML_PART.test(entry.name)) countXml(entry);
  const text = (name: string): string | null => {
    const entry = entries.get(name);
    if (!entry) return null;
    if (!XML_PART.test(name)) countXml(entry);
    try {
      return readZipEntry(buffer, entry, MAX_XML_BYTES).toString('utf8');
    } catch (err) {
      throw unreadable(reasonOf(err));
    }
  };
  const relationships = (name: string): { type: string; target: string }[] => {
    const xml = text(name);
    if (xml === null) return [];
    try {
      return childElements(parseXml(xml))
        .filter((element) => localName(element.name) === 'Relationship')
        .map((element) => ({
          type: element.attributes.Type ?? '',
          target: element.attributes.Target ?? '',
        }));
    } catch (err) {
      throw unreadable(reasonOf(err));
    }
  };

  // As mammoth does: the package relationships name the main part, word/document.xml by default.
  const main = relationships('_rels/.rels').find((r) => r.type.endsWith('/officeDocument'));
  const documentPath = main ? resolvePartPath('', main.target) : 'word/document.xml';
  const document = text(documentPath);
  if (document === null || !isWordDocument(text('[Content_Types].xml'), documentPath)) {
    throw notDocx();
  }
  const directory = documentPath.includes('/')
    ? documentPath.slice(0, documentPath.lastIndexOf('/'))
    : '';
  const base = documentPath.slice(directory ? directory.length + 1 : 0);
  const related = relationships(`${directory ? `${directory}/` : ''}_rels/${base}.rels`);
  const partPath = (type: string, fallback: string): string => {
    const found = related.find((r) => r.type.endsWith(`/${type}`));
    return found ? resolvePartPath(directory, found.target) : fallback;
  };
  const notes = ['footnotes', 'endnotes'].map((type) =>
    text(partPath(type, `${directory}/${type}.xml`)),
  );
  return {
    document,
    numbering: text(partPath('numbering', `${directory}/numbering.xml`)),
    styles: text(partPath('styles', `${directory}/styles.xml`)),
    notes: notes.filter((xml): xml is string => xml !== null),
    comments: text(partPath('comments', `${directory}/comments.xml`)),
  };
}

// The main part must be declared a Word document (not, say, an Excel workbook's).
const WORD_MAIN_PART =
  /^application\/vnd\.(openxmlformats-officedocument\.wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled(\.main\+xml|\.12))$/i;

function isWordDocument(contentTypesXml: string | null, documentPath: string): boolean {
  if (contentTypesXml === null) return false;
  let types: { name: string; attributes: Record<string, string> }[];
  try {
    types = childElements(parseXml(contentTypesXml));
  } catch (err) {
    throw unreadable(reasonOf(err));
  }
  const partName = `/${documentPath}`.toLowerCase();
  const extension = documentPath.slice(documentPath.lastIndexOf('.') + 1).toLowerCase();
  const override = types.find(
    (t) => localName(t.name) === 'Override' && t.attributes.PartName?.toLowerCase() === partName,
  );
  const fallback = types.find(
    (t) => localName(t.name) === 'Default' && t.attributes.Extension?.toLowerCase() === extension,
  );
  return WORD_MAIN_PART.test((override ?? fallback)?.attributes.ContentType ?? '');
}

function resolvePartPath(directory: string, target: string): string {
  const segments = target.startsWith('/') ? [] : directory.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function reasonOf(err: unknown): string {
  if (err instanceof ZipFormatError || err instanceof XmlFormatError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n')[0]?.trim() || 'it is damaged';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

// ---------------------------------------------------------------------------------------------
// mammoth: styles, and Word's numbers written into the paragraphs.

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Heading ${n}'] => h${n}:fresh`),
  // A table of contents is navigation the app provides itself; its lines would repeat clause
  // numbers.
  "p[style-name^='TOC'] => !",
];

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  isItalic?: boolean;
  numbering?: { level: string; isOrdered: boolean } | null;
}

// How far ahead to look for a paragraph's twin when mammoth's reading and ours differ (tracked
// changes, content mammoth skips).
const PAIRING_WINDOW = 50;

/**
 * Pairs each of mammoth's paragraphs with its twin in our reading of document.xml and starts it
 * with the number Word shows, turning mammoth's ordered list items into plain paragraphs (or
 * headings) so that no `<ol>` is left to be renumbered. A paragraph whose mark was moved away is
 * joined to the next, as Word's accepted view shows it. Returns how many numbered paragraphs
 * found no twin.
 */
function writeNumbers(document: MammothElement, paragraphs: WordParagraph[]): number {
  let cursor = 0;
  let unmatched = 0;
  // The runs of a paragraph joined to the next, until that paragraph comes. (Word never moves
  // the last paragraph mark, so nothing is left over at the end.)
  let joining: MammothElement[] = [];
  const twinOf = (key: string): WordParagraph | undefined => {
    // Empty paragraphs are everywhere: an empty one pairs only with the very next.
    const end = Math.min(paragraphs.length, cursor + (key === '' ? 1 : PAIRING_WINDOW));
    for (let i = cursor; i < end; i++) {
      if (paragraphs[i]?.key === key) {
        cursor = i + 1;
        return paragraphs[i];
      }
    }
    return undefined;
  };
  /** Numbers the element and those within it; false when it is to leave its parent. */
  const visit = (element: MammothElement): boolean => {
    if (element.type === 'paragraph') {
      if (joining.length > 0) {
        element.children = [...joining, ...(element.children ?? [])];
        joining = [];
      }
      const twin = twinOf(paragraphText(element).replace(/\s+/g, ''));
      if (twin?.joinsNext) {
        joining = element.children ?? [];
        return false;
      }
      if (twin) formatRuns(element, twin);
      if (!numberParagraph(element, twin)) unmatched += 1;
    }
    if (element.children) element.children = element.children.filter(visit);
    return true;
  };
  visit(document);
  return unmatched;
}

const isHeading = (element: MammothElement) =>
  /^(heading [1-6]|title)$/i.test(element.styleName ?? '');

/**
 * Gives each of the paragraph's runs the bold and italic Word shows, its styles followed (mammoth
 * reads only a run's own), when its runs pair one to one with its twin's by their text; otherwise
 * the paragraph keeps mammoth's reading. A heading's bold is its style's, and stays unwritten.
 */
function formatRuns(paragraph: MammothElement, twin: WordParagraph): void {
  if (isHeading(paragraph)) return;
  const visible = (text: string) => text.replace(/\s+/g, '');
  const runs = runsOf(paragraph).filter((run) => visible(paragraphText(run)) !== '');
  const twins = twin.runs.filter((run) => visible(run.text) !== '');
  if (runs.length !== twins.length) return;
  if (runs.some((run, i) => visible(paragraphText(run)) !== visible(twins[i]?.text ?? ''))) return;
  runs.forEach((run, i) => {
    const formatting = twins[i];
    if (!formatting) return;
    run.isBold = formatting.bold;
    run.isItalic = formatting.italic;
    // The style is accounted for: mammoth's own mapping (Strong => strong) would add it again.
    run.styleId = null;
    run.styleName = null;
  });
}

/** The paragraph's runs, in hyperlinks and the like too, in order. */
function runsOf(element: MammothElement): MammothElement[] {
  return (element.children ?? []).flatMap((child) =>
    child.type === 'run' ? [child] : child.type === 'paragraph' ? [] : runsOf(child),
  );
}

/** Starts the paragraph with its twin's number; false for a list item that has no twin. */
function numberParagraph(element: MammothElement, twin: WordParagraph | undefined): boolean {
  const ordered = element.numbering?.isOrdered === true;
  if (ordered) element.numbering = null;
  if (twin?.label) {
    element.numbering = null;
    const label = labelText(twin.label, isHeading(element));
    if (label) (element.children ??= []).unshift(textRun(`${label} `));
  }
  return !ordered || twin !== undefined;
}

function paragraphText(element: MammothElement): string {
  let text = '';
  for (const child of element.children ?? []) {
    if (child.type === 'text') text += child.value ?? '';
    else if (child.type !== 'paragraph') text += paragraphText(child);
  }
  return text;
}

/** A plain run, shaped like mammoth's own `Run`. */
function textRun(value: string): MammothElement {
  return {
    type: 'run',
    children: [{ type: 'text', value }],
    styleId: null,
    styleName: null,
    isBold: false,
    isUnderline: false,
    isItalic: false,
    isStrikethrough: false,
    isAllCaps: false,
    isSmallCaps: false,
    verticalAlignment: 'baseline',
    font: null,
    fontSize: null,
    highlight: null,
  } as MammothElement;
}

// ---------------------------------------------------------------------------------------------
// turndown: ATX headings, `-` bullets, GitHub tables.

/** The slice of the DOM (domino, inside turndown) the rules below use. */
interface DomElement {
  nodeName: string;
  getAttribute(name: string): string | null;
  childNodes: ArrayLike<DomElement>;
  rows: ArrayLike<DomElement & { cells: ArrayLike<DomElement> }>;
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  service.use(gfm);
  // Rules added later win. Word tables rarely mark a header row, and their cells hold
  // paragraphs: every table becomes a pipe table with its first row as the header.
  service.addRule('wordTable', {
    filter: 'table',
    replacement: (_content, node) => pipeTable(node as unknown as DomElement, service),
  });
  service.addRule('wordImage', { filter: 'img', replacement: () => '' });
  // Footnote and endnote references keep their `[1]`; links back to them are dropped; other
  // links within the document (bookmarks, cross-references) keep their text.
  service.addRule('wordInternalLink', {
    filter: (node) => {
      const href = (node as unknown as DomElement).getAttribute('href');
      return node.nodeName === 'A' && href !== null && href.startsWith('#');
    },
    replacement: (content, node) => {
      const href = (node as unknown as DomElement).getAttribute('href') ?? '';
      return /^#(footnote|endnote)-ref-/.test(href) ? '' : content;
    },
  });
  service.addRule('wordNotes', {
    filter: (node) => node.nodeName === 'OL' && isNoteList(node as unknown as DomElement),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  service.addRule('wordNote', {
    filter: (node) =>
      node.nodeName === 'LI' && /^(footnote|endnote)-/.test(node.getAttribute('id') ?? ''),
    replacement: (content, node) => {
      const number = /-(\d+)$/.exec(node.getAttribute('id') ?? '')?.[1] ?? '';
      return `\n\n\\[${number}\\] ${content.trim()}\n\n`;
    },
  });
  return service;
}

function isNoteList(list: DomElement): boolean {
  const items = Array.from(list.childNodes).filter((child) => child.nodeName === 'LI');
  return (
    items.length > 0 &&
    items.every((item) => /^(footnote|endnote)-/.test(item.getAttribute('id') ?? ''))
  );
}

function pipeTable(table: DomElement, service: TurndownService): string {
  const rows = Array.from(table.rows);
  const grid: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    const line = grid[r] ?? [];
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      while (line[column] !== undefined) column += 1;
      const colspan = span(cell.getAttribute('colspan'), 50);
      const rowspan = span(cell.getAttribute('rowspan'), rows.length - r);
      const text = cellText(service.turndown(cell as unknown as TurndownService.Node));
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr];
        if (!target) continue;
        for (let dc = 0; dc < colspan; dc++) target[column + dc] = dr === 0 && dc === 0 ? text : '';
      }
      column += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  if (width === 0) return '';
  const format = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = grid.map((line) => format(Array.from({ length: width }, (_, i) => line[i] ?? '')));
  lines.splice(1, 0, format(Array.from({ length: width }, () => '---')));
  return `\n\n${lines.join('\n')}\n\n`;
}

function span(value: string | null, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, Math.max(1, max)) : 1;
}

/** One cell's Markdown on one line: paragraphs joined by `<br>`, pipes escaped. */
function cellText(markdown: string): string {
  return markdown
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/[ \t]*\n+[ \t]*/g, '<br>');
}

let turndown: TurndownService | undefined;

function htmlToMarkdown(html: string): string {
  turndown ??= createTurndown();
  return turndown
    .turndown(html)
    .replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? '  ' : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
