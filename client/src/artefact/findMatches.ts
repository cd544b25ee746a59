/** A match as offsets into the searched text: `text.slice(start, end)` is what was found. */
export interface TextMatch {
  start: number;
  end: number;
}

/** Queries shorter than this (once folded) find nothing: one letter would light up every line. */
export const MIN_QUERY_LENGTH = 2;

/** Text folded for matching, and how to find a folded offset in the original text. */
export interface FoldedText {
  text: string;
  /** Folded offsets from which the original runs `shifts[k]` characters further on. */
  breaks: number[];
  shifts: number[];
}

// Lower case, one character for one wherever possible: a few letters lower-case to two (İ), and
// those stay as they are so that offsets remain exact.
function lowerInPlace(text: string): string {
  const whole = text.toLowerCase();
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * Folds text the way a reader compares it: case ignored, any run of white space (line breaks
 * from the Markdown source, non-breaking spaces) as one space, and curly quotes as straight ones,
 * so "Supplier's" finds "Supplier’s". Only collapsed runs of space move offsets, so only they
 * are recorded: a clause of several kilobytes folds in well under a millisecond.
 */
export function foldText(text: string): FoldedText {
  const breaks: number[] = [];
  const shifts: number[] = [];
  let removed = 0;
  const folded = lowerInPlace(text)
    .replace(/\s/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/ {2,}/g, (run: string, offset: number) => {
      removed += run.length - 1;
      breaks.push(offset - removed + run.length);
      shifts.push(removed);
      return ' ';
    });
  return { text: folded, breaks, shifts };
}

/** Where a folded offset lies in the original text. */
export function originalOffset(folded: FoldedText, offset: number): number {
  const { breaks, shifts } = folded;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return offset + (lo > 0 ? (shifts[lo - 1] as number) : 0);
}

/** The query as it is matched, or '' when too short to search for. */
export function foldQuery(query: string): string {
  const folded = foldText(query).text;
  return folded.trim().length >= MIN_QUERY_LENGTH ? folded : '';
}

/**
 * Every occurrence of `query` in `text`, left to right and not overlapping (as a browser's find
 * does), at most `limit` of them. Offsets are into the original text, so a match that crosses a
 * line break or a double space still covers exactly the characters shown.
 */
export function findMatches(text: string | FoldedText, query: string, limit = Infinity) {
  const needle = foldQuery(query);
  if (!needle || limit <= 0) return [];
  const folded = typeof text === 'string' ? foldText(text) : text;
  const matches: TextMatch[] = [];
  let from = 0;
  while (matches.length < limit) {
    const at = folded.text.indexOf(needle, from);
    if (at < 0) break;
    from = at + needle.length;
    matches.push({ start: originalOffset(folded, at), end: originalOffset(folded, from) });
  }
  return matches;
}
