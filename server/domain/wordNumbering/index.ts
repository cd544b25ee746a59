// Word's automatic numbering ("1.1", "(a)") lives in numbering.xml, not in the text, and mammoth
// only reports that a paragraph is an ordered or unordered list item at some level. This module
// replays the numbering the way Word counts it and turns each numbered paragraph's number into
// the clause-number text our Markdown clause parser reads (`1.2.3`, `(a)`, `(iv)`).
//
// Clause numbers are composed, not copied: an item whose level has a parent item in the same list
// is numbered under it (`%2.` beneath `1.` gives `1.1`, as `%1.%2` would), and a list that starts
// beneath a clause number from elsewhere (a heading typed "1 General", or an item of another
// list) is numbered beneath that clause and restarts when the next such clause number comes.
// Lettered and roman levels become `(a)` and `(i)` items whatever punctuation Word shows.

export { labelText, type WordLabel } from './labels.js';
export { readWordParagraphs, type WordParagraph, type WordParts } from './readWordParagraphs.js';
export {
  describeTrackedChanges,
  readTrackedChanges,
  type TrackedChanges,
} from './trackedChanges.js';
