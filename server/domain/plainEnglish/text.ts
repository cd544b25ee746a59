// Text blocks: paragraphs, list items and table rows, with Markdown removed, so that the checks
// read the words rather than the markup.

export const squashSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

export const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface Block {
  text: string;
  table: boolean;
}

const LIST_MARKER =
  /^(?:[-*+>]\s+|\d{1,3}[.)]\s+|\\?\((?:[a-z]{1,4}|\d{1,3}|[ivx]{1,6})\\?\)\s+|[a-z][.)]\s+)+/i;
export const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const HEADING_LINE = /^#{1,6}\s/;

export function splitBlocks(text: string): Block[] {
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

export function splitCells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** Markdown emphasis, links and inline HTML removed; code spans become a break. */
export function plainText(text: string): string {
  let t = text;
  if (t.includes('`')) t = t.replace(/`[^`]*`/g, ' ¦ ');
  if (t.includes('](')) t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (t.includes('<')) t = t.replace(/<[^>]{1,200}>/g, ' ¦ ');
  if (t.includes('\\')) t = t.replace(/\\([()[\]*_])/g, '$1');
  if (t.includes('*')) t = t.replace(/\*+/g, '');
  if (t.includes('_')) t = t.replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1');
  return t;
}
