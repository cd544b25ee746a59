// The number Word shows before a paragraph, and how it is written into our Markdown.

export type WordLabel =
  /** A clause number: `[1, 2]` is written `1.2`. */
  | { kind: 'clause'; parts: number[] }
  /** A lettered or roman item, written `(a)` / `(iv)`. */
  | { kind: 'item'; token: string }
  /** Any other number Word would show, as shown (e.g. `A.` or `Article 3`). */
  | { kind: 'text'; text: string }
  /** Nothing to add: the text already starts with its number, or the level shows none. */
  | { kind: 'none' };

/** How a label is written at the start of a paragraph or heading; null when nothing is added. */
export function labelText(label: WordLabel, heading: boolean): string | null {
  switch (label.kind) {
    case 'clause':
      // A lone number needs its full stop to be read as a clause outside a heading.
      return label.parts.length === 1 && !heading ? `${label.parts[0]}.` : label.parts.join('.');
    case 'item':
      return `(${label.token})`;
    case 'text':
      return label.text.trim() === '' ? null : label.text.trim();
    case 'none':
      return null;
  }
}
