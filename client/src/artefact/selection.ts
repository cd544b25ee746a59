/**
 * The clause in whose text the current selection starts, and the selected part of that clause's
 * text; null when nothing is selected or it starts outside clause text (e.g. in a form). A
 * selection running on past the clause (as a triple-click does) is cut at the clause's end.
 */
export function selectionInClause(): { ref: string; text: string } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const textOf = (node: Node) =>
    (node instanceof Element ? node : node.parentElement)?.closest('.clause-text');
  const start = textOf(range.startContainer);
  if (!start) return null;
  if (!start.contains(range.endContainer)) range.setEnd(start, start.childNodes.length);
  const ref = start.closest('section.clause')?.getAttribute('data-ref');
  const text = range.toString();
  return ref && text.trim() ? { ref, text } : null;
}
