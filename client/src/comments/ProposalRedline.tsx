import { useMemo, useState } from 'react';
import { wordDiff } from '../../../server/domain/wordDiff';
import { useClause } from './clauseCache';
import type { Comment } from './commentsApi';

/**
 * What a proposal would change: the proposed text as a word-level redline against the quoted span
 * (when the comment quotes one that is in the clause) or else the whole clause, with the plain
 * proposal one click away. Until the clause has loaded, or if it cannot be, the plain proposal.
 */
export function ProposalRedline({ comment }: { comment: Comment & { proposedText: string } }) {
  const [plain, setPlain] = useState(false);
  const lookup = useClause(comment.artefact.id, comment.version.id, comment.clauseRef);
  const clause = lookup.status === 'found' ? lookup.clause : null;
  const against =
    clause && comment.quote && clause.text.includes(comment.quote) ? 'quote' : 'clause';
  const base = clause ? (against === 'quote' ? (comment.quote ?? '') : clause.text) : null;
  const parts = useMemo(
    () => (base === null ? null : wordDiff(base, comment.proposedText).parts),
    [base, comment.proposedText],
  );
  const showRedline = parts !== null && !plain;
  return (
    <div className="proposed">
      <p className="label">
        Proposed text
        {parts && (
          <>
            {' '}
            <span className="muted">
              {plain
                ? ''
                : against === 'quote'
                  ? '(changes to the quoted words)'
                  : `(changes to clause ${comment.clauseRef})`}
            </span>{' '}
            <button
              type="button"
              className="link-button"
              aria-pressed={plain}
              onClick={() => setPlain((p) => !p)}
            >
              {plain ? 'Show as redline' : 'Show plain proposal'}
            </button>
          </>
        )}
      </p>
      {showRedline ? (
        <p className="plain-text redline-body proposal-redline" data-testid="proposal-redline">
          {parts.map((part, i) =>
            part.op === 'insert' ? (
              <ins key={i}>{part.text}</ins>
            ) : part.op === 'delete' ? (
              <del key={i}>{part.text}</del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      ) : (
        <p className="plain-text" data-testid="proposal-plain">
          {comment.proposedText}
        </p>
      )}
    </div>
  );
}
