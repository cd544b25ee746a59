// The public shapes of a word diff.

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface WordDiff {
  /** Equal and deleted parts join to `before`; equal and inserted parts join to `after`. */
  parts: DiffPart[];
  /**
   * Set when the text was too long or too changed for one word-level Myers, so that it was
   * aligned sentence by sentence first: words can then only match within aligned sentences, and
   * past the work cap whole sentences may show as deleted and inserted.
   */
  coarse: boolean;
}
