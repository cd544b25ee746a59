import type { ReactNode } from 'react';
import { CommentCard } from './CommentCard';
import type { Comment, CommentDetail } from './commentsApi';
import type { useCommentPages } from './useCommentPages';

interface Props {
  pages: ReturnType<typeof useCommentPages>;
  emptyText: string;
  /** Extra content for each comment, e.g. the clause in context and a triage form. */
  extra?(comment: Comment, reload: (c: CommentDetail) => void): ReactNode;
}

/** A paged list of comments across artefacts, with "Load more". */
export function CommentList({ pages, emptyText, extra }: Props) {
  return (
    <>
      {pages.error && (
        <p className="error" role="alert">
          {pages.error.message}
        </p>
      )}
      <ol className="comment-list" aria-busy={pages.loading}>
        {pages.items.map((comment) => (
          <li key={comment.id}>
            <CommentCard comment={comment} onChange={pages.replace} showArtefact>
              {extra?.(comment, pages.replace)}
            </CommentCard>
          </li>
        ))}
      </ol>
      {!pages.loading && !pages.error && pages.items.length === 0 && (
        <p className="empty">{emptyText}</p>
      )}
      <p role="status" className="result-count">
        {pages.loading ? 'Loading…' : ''}
      </p>
      {pages.nextCursor && (
        <button
          type="button"
          className="secondary"
          disabled={pages.loading}
          onClick={() => void pages.loadMore()}
        >
          Load more
        </button>
      )}
    </>
  );
}
