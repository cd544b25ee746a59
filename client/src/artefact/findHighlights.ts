// Painting find-in-document matches without changing the DOM: the CSS Custom Highlight API
// where the browser has it (styled by ::highlight(find-hit) and ::highlight(find-current)),
// otherwise the current match is selected, as a browser's own find does.

const HITS = 'find-hit';
const CURRENT = 'find-current';

const supported = () => typeof Highlight === 'function' && 'highlights' in CSS;

export function paintHits(ranges: Range[]): void {
  if (!supported()) return;
  if (ranges.length === 0) CSS.highlights.delete(HITS);
  else CSS.highlights.set(HITS, new Highlight(...ranges));
}

export function paintCurrent(range: Range | null): void {
  if (supported()) {
    if (!range) {
      CSS.highlights.delete(CURRENT);
      return;
    }
    const current = new Highlight(range);
    // Painted over the other hits' colour.
    current.priority = 1;
    CSS.highlights.set(CURRENT, current);
  } else if (range) {
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
}

export function clearHits(): void {
  if (!supported()) return;
  CSS.highlights.delete(HITS);
  CSS.highlights.delete(CURRENT);
}

/** Scrolls a match into view if it is hidden, below the sticky find bar rather than under it. */
export function revealHit(range: Range, bar: HTMLElement): void {
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return;
  const clear = Math.max(0, bar.getBoundingClientRect().bottom);
  if (rect.top >= clear && rect.bottom <= window.innerHeight) return;
  const room = window.innerHeight - bar.offsetHeight;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollBy({
    top: rect.top - bar.offsetHeight - room / 3,
    behavior: reduce ? 'auto' : 'smooth',
  });
}
