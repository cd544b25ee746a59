// What a Word document holds besides its accepted text: tracked changes (which the import
// accepts, as mammoth reads the document) and comments (which it leaves out). The uploader is
// told about both, counted the way Word's Reviewing pane counts them.

import { plural } from '../plural.js';
import { childElements, parseXml, type XmlElement } from '../wordXml.js';

export interface TrackedChanges {
  insertions: number;
  deletions: number;
  /** A move counts once, though it is marked at its source and at its destination. */
  moves: number;
  /** Tracked formatting changes: run, paragraph, section and table properties. */
  formatting: number;
  comments: number;
}

interface Seen {
  insertions: Set<string>;
  deletions: Set<string>;
  moveNames: Set<string>;
  unnamedMoves: boolean;
  formatting: Set<string>;
  commentReferences: Set<string>;
  anonymous: number;
}

const MOVE_RANGE_STARTS = new Set(['w:moveFromRangeStart', 'w:moveToRangeStart']);
const MOVE_CONTENT = new Set(['w:moveFrom', 'w:moveTo']);
// rPrChange, pPrChange, sectPrChange, tblPrChange, tblPrExChange, trPrChange, tcPrChange,
// tblGridChange, numberingChange: every tracked property change is named `w:…Change`.
const FORMATTING_CHANGE = /^w:\w+Change$/;

/**
 * Counts the revisions in the given parts (the main document and its notes, already parsed)
 * and the comments in comments.xml, or else the comments the document refers to.
 */
export function readTrackedChanges(
  parts: XmlElement[],
  commentsXml: string | null,
): TrackedChanges {
  const seen: Seen = {
    insertions: new Set(),
    deletions: new Set(),
    moveNames: new Set(),
    unnamedMoves: false,
    formatting: new Set(),
    commentReferences: new Set(),
    anonymous: 0,
  };
  for (const part of parts) walk(part, seen);
  const commentsInPart = commentsXml ? childElements(parseXml(commentsXml), 'w:comment').length : 0;
  return {
    insertions: seen.insertions.size,
    deletions: seen.deletions.size,
    // Move markup without a named range is still at least one move.
    moves: seen.moveNames.size || (seen.unnamedMoves ? 1 : 0),
    formatting: seen.formatting.size,
    comments: Math.max(commentsInPart, seen.commentReferences.size),
  };
}

function walk(element: XmlElement, seen: Seen): void {
  // Word gives each revision its own w:id; markup without one still counts once.
  const id = () => element.attributes['w:id'] ?? `anonymous-${(seen.anonymous += 1)}`;
  const name = element.name;
  if (name === 'w:ins') seen.insertions.add(id());
  else if (name === 'w:del') seen.deletions.add(id());
  else if (MOVE_CONTENT.has(name)) seen.unnamedMoves = true;
  else if (MOVE_RANGE_STARTS.has(name)) {
    const moveName = element.attributes['w:name'];
    if (moveName === undefined) seen.unnamedMoves = true;
    else seen.moveNames.add(moveName);
  } else if (FORMATTING_CHANGE.test(name)) seen.formatting.add(id());
  else if (name === 'w:commentReference') seen.commentReferences.add(id());
  for (const child of element.children) {
    if (typeof child !== 'string') walk(child, seen);
  }
}

/** What the uploader is told, in plain English; nothing when there is nothing to tell. */
export function describeTrackedChanges(changes: TrackedChanges): string[] {
  const messages: string[] = [];
  const kinds = (
    [
      [changes.insertions, 'insertion'],
      [changes.deletions, 'deletion'],
      [changes.moves, 'move'],
      [changes.formatting, 'formatting change'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, noun]) => plural(n, noun));
  const revisions = changes.insertions + changes.deletions + changes.moves + changes.formatting;
  if (revisions > 0) {
    // "5 tracked insertions, 3 deletions and 1 move": "tracked" qualifies the whole list.
    const listed = listOf(kinds).replace(/^(\d+) /, '$1 tracked ');
    messages.push(
      `The document had ${listed}; ${revisions === 1 ? 'it was' : 'they were'} accepted.`,
    );
  }
  if (changes.comments > 0) {
    const one = changes.comments === 1;
    messages.push(
      `The document had ${plural(changes.comments, 'Word comment')}; ${one ? 'it was' : 'they were'} not imported.`,
    );
  }
  return messages;
}

function listOf(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
