// Counting: replays Word's counters per list and composes each item's clause number beneath its
// parent item or the clause number the list sits beneath (see index.ts).

import { toInt, type Level, type Resolved } from './definitions.js';
import type { WordLabel } from './labels.js';
import { formatNumber, letters, roman } from './numberFormats.js';
import type { Typed } from './typedNumber.js';

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

export class ClauseCounter {
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
