import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { Clause, ParsedDocument } from './parseClauses.js';

// A private instance so extensions registered on the global `marked` elsewhere can't leak in.
const marked = new Marked({ gfm: true });

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

// User content gets no ids or classes: they could collide with clause anchors or mimic our markup.
const contentOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    ...'p br hr blockquote pre code kbd'.split(' '),
    ...'strong b em i u s strike del ins sub sup mark abbr'.split(' '),
    ...'ul ol li dl dt dd table caption thead tbody tfoot tr th td a'.split(' '),
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

const documentOptions: sanitizeHtml.IOptions = {
  ...contentOptions,
  allowedTags: [...(contentOptions.allowedTags || []), 'section', 'span'],
  allowedAttributes: {
    ...contentOptions.allowedAttributes,
    section: ['id', 'data-ref'],
    ...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id']])),
  },
  allowedClasses: {
    section: ['clause', /^clause-level-\d+$/],
    span: ['clause-ref'],
    h1: ['doc-title'],
  },
};

export function renderMarkdown(markdown: string): string {
  if (markdown.trim() === '') return '';
  return sanitizeHtml(marked.parse(markdown, { async: false }), contentOptions);
}

export function renderDocumentHtml(doc: ParsedDocument): string {
  const parts: string[] = [];
  if (doc.title) parts.push(`<h1 class="doc-title">${escapeHtml(doc.title)}</h1>`);
  if (doc.preamble) parts.push(renderMarkdown(doc.preamble));
  for (const clause of doc.clauses) parts.push(renderClause(clause));
  return sanitizeHtml(parts.join('\n'), documentOptions);
}

function renderClause(clause: Clause): string {
  const ref = `<span class="clause-ref">${escapeHtml(clause.ref)}</span>`;
  let body: string;
  if (clause.heading !== null) {
    const tag = `h${Math.min(clause.level + 1, 6)}`;
    const heading = clause.heading ? ` ${escapeHtml(clause.heading)}` : '';
    body = `<${tag}>${ref}${heading}</${tag}>${renderMarkdown(clause.text)}`;
  } else {
    const html = renderMarkdown(neutraliseBlockMarker(clause.text));
    body = html.startsWith('<p>') ? `<p>${ref} ${html.slice(3)}` : `<p>${ref}</p>${html}`;
  }
  const level = Math.max(1, Math.floor(clause.level) || 1);
  return (
    `<section class="clause clause-level-${level}" id="${escapeHtml(clause.anchor)}" ` +
    `data-ref="${escapeHtml(clause.ref)}">${body}</section>`
  );
}

// The clause number was stripped from the start of this text, so whatever follows it must stay
// an ordinary paragraph rather than turning into a list, heading, quote or code fence.
function neutraliseBlockMarker(text: string): string {
  const trimmed = text.trimStart();
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(trimmed);
  if (ordered) return `${ordered[1]}\\${trimmed.slice((ordered[1] ?? '').length)}`;
  const firstLine = trimmed.split('\n', 1)[0] ?? '';
  const isBlock =
    /^(?:[-+*]|#{1,6})(?=\s|$)/.test(firstLine) ||
    /^>/.test(firstLine) ||
    /^(?:`{3,}|~{3,})/.test(firstLine) ||
    /^([-*_])(?:\s*\1){2,}\s*$/.test(firstLine);
  return isBlock ? `\\${trimmed}` : trimmed;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
