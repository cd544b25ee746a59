import { findMatches, foldText, type FoldedText } from './findMatches';

/** One clause's rendered text, as one string over its text nodes. */
export interface ClauseText {
  ref: string;
  nodes: Text[];
  /** Where each node's text starts in the string. */
  starts: number[];
  folded: FoldedText;
}

export interface Hit {
  ref: string;
  range: Range;
}

// A new block starts a new line: "1.1 Introduction" and the paragraph under it are not one word.
const BLOCKS = new Set(
  'P LI H1 H2 H3 H4 H5 H6 TD TH TR BR PRE BLOCKQUOTE DT DD DIV TABLE UL OL'.split(' '),
);

const unseen = (el: Element) =>
  el.matches('[hidden], [aria-hidden="true"], [role="tooltip"], template, script, style');

function readClause(section: HTMLElement, textRoot: Element): ClauseText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(
    textRoot,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    (node) =>
      node instanceof Element && unseen(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      nodes.push(node);
      starts.push(text.length);
      text += node.data;
    } else if (BLOCKS.has(node.nodeName) && text && !/\s$/.test(text)) {
      text += '\n';
    }
  }
  return { ref: section.dataset.ref ?? '', nodes, starts, folded: foldText(text) };
}

/** The rendered text of every clause under `root`, without the comment tools beside it. */
export function readClauseTexts(root: Element): ClauseText[] {
  const clauses: ClauseText[] = [];
  for (const section of root.querySelectorAll<HTMLElement>('section.clause[data-ref]')) {
    const textRoot = section.querySelector(':scope > .clause-text');
    if (textRoot) clauses.push(readClause(section, textRoot));
  }
  return clauses;
}

// The node and offset of a string offset. A start in the line break between two blocks moves to
// the next node; an end on a node boundary stays in the node before.
function position(clause: ClauseText, offset: number, edge: 'start' | 'end'): [Text, number] {
  const { nodes, starts } = clause;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] as number;
    if (edge === 'start' ? start <= offset : start < offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  const local = offset - (starts[lo] as number);
  if (local <= node.length) return [node, Math.max(0, local)];
  const next = nodes[lo + 1];
  return edge === 'start' && next ? [next, 0] : [node, node.length];
}

/** Ranges over the first `limit` matches of `query`, in document order. */
export function findHits(clauses: readonly ClauseText[], query: string, limit: number): Hit[] {
  const hits: Hit[] = [];
  for (const clause of clauses) {
    if (hits.length >= limit) break;
    for (const match of findMatches(clause.folded, query, limit - hits.length)) {
      const range = document.createRange();
      range.setStart(...position(clause, match.start, 'start'));
      range.setEnd(...position(clause, match.end, 'end'));
      hits.push({ ref: clause.ref, range });
    }
  }
  return hits;
}
