import { useState } from 'react';
import { WordRedline } from '../nextDraft/WordRedline';
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
  const showRedline = base !== null && !plain;
  return (
    <div className="proposed">
      <p className="label">
        Proposed text
        {base !== null && (
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
        <p className="plain-text proposal-redline" data-testid="proposal-redline">
          <WordRedline before={base} after={comment.proposedText} />
        </p>
      ) : (
        <p className="plain-text" data-testid="proposal-plain">
          {comment.proposedText}
        </p>
      )}
    </div>
  );
}
