// Clause numbers typed into a paragraph's text rather than produced by Word's numbering.

export type Typed = { kind: 'clause'; parts: number[] } | { kind: 'item' };

// The same shapes the clause parser accepts: `1.2.3`, `1.` (a lone number needs a full stop
// unless it heads a heading) and `(a)`.
const TYPED_CLAUSE = /^(\d{1,3}(?:\.\d{1,3}){0,5})(\.)?(?=\s|$)/;
const TYPED_ITEM = /^\(([a-z]{1,6})\)(?=\s|$)/;

export function typedNumber(text: string, heading: boolean): Typed | null {
  const trimmed = text.trim();
  const clause = TYPED_CLAUSE.exec(trimmed);
  if (clause) {
    const parts = (clause[1] ?? '').split('.').map(Number);
    if (parts.length > 1 || clause[2] || heading) return { kind: 'clause', parts };
    return null;
  }
  return TYPED_ITEM.test(trimmed) ? { kind: 'item' } : null;
}
