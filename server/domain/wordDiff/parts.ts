// Rendering aligned tokens as parts that rebuild both texts exactly.

import type { Matches } from './matches.js';
import type { Tokens } from './tokens.js';
import type { DiffPart } from './types.js';

/** The whole of `before` deleted and the whole of `after` inserted. */
export function replaced(before: string, after: string): DiffPart[] {
  return [
    ...(before ? [{ op: 'delete' as const, text: before }] : []),
    ...(after ? [{ op: 'insert' as const, text: after }] : []),
  ];
}

class Parts {
  readonly list: DiffPart[] = [];
  push(op: DiffPart['op'], text: string): void {
    if (!text) return;
    const last = this.list[this.list.length - 1];
    if (last && last.op === op) last.text += text;
    else this.list.push({ op, text });
  }
}

/**
 * The parts from the aligned tokens. Between two aligned tokens lies a region: the old text and
 * the new text from the end of one to the start of the next (whitespace, and any unaligned
 * tokens). Whitespace the two regions share at their start and at their end stays equal, the
 * rest is deleted and inserted. Every character of both texts lands in exactly one part.
 */
export function render(
  before: string,
  after: string,
  a: Tokens,
  b: Tokens,
  m: Matches,
): DiffPart[] {
  const parts = new Parts();
  let oldPos = 0;
  let newPos = 0;
  for (let t = 0; t <= m.old.length; t++) {
    const i = m.old[t];
    const j = m.new[t];
    const oldEnd = i === undefined ? before.length : (a.start[i] as number);
    const newEnd = j === undefined ? after.length : (b.start[j] as number);
    region(parts, before.slice(oldPos, oldEnd), after.slice(newPos, newEnd));
    if (i === undefined || j === undefined) break;
    oldPos = a.end[i] as number;
    newPos = b.end[j] as number;
    parts.push('equal', before.slice(a.start[i], oldPos));
  }
  return parts.list;
}

const SPACE = /\s/;

function region(parts: Parts, oldText: string, newText: string): void {
  if (oldText === newText) {
    parts.push('equal', oldText);
    return;
  }
  const lead = commonPrefix(
    oldText,
    newText,
    Math.min(leadingSpace(oldText), leadingSpace(newText)),
  );
  const o = oldText.slice(lead);
  const n = newText.slice(lead);
  const trail = commonSuffix(o, n, Math.min(trailingSpace(o), trailingSpace(n)));
  parts.push('equal', oldText.slice(0, lead));
  parts.push('delete', o.slice(0, o.length - trail));
  parts.push('insert', n.slice(0, n.length - trail));
  parts.push('equal', o.slice(o.length - trail));
}

// Character loops rather than /^\s*/ and /\s*$/: the latter is quadratic on a long run of
// whitespace that does not reach the end.
function leadingSpace(s: string): number {
  let k = 0;
  while (k < s.length && SPACE.test(s.charAt(k))) k++;
  return k;
}

function trailingSpace(s: string): number {
  let k = 0;
  while (k < s.length && SPACE.test(s.charAt(s.length - 1 - k))) k++;
  return k;
}

function commonPrefix(x: string, y: string, limit: number): number {
  let k = 0;
  while (k < limit && x.charCodeAt(k) === y.charCodeAt(k)) k++;
  return k;
}

function commonSuffix(x: string, y: string, limit: number): number {
  let k = 0;
  while (k < limit && x.charCodeAt(x.length - 1 - k) === y.charCodeAt(y.length - 1 - k)) k++;
  return k;
}
