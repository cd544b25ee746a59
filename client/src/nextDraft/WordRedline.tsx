import { useMemo } from 'react';
import { wordDiff } from '../../../server/domain/wordDiff';

/** Two texts as one, deletions struck and insertions underlined, word by word. */
export function WordRedline({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => wordDiff(before, after).parts, [before, after]);
  return (
    <span className="redline-body">
      {parts.map((part, i) =>
        part.op === 'insert' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.op === 'delete' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
