import { useClause } from './clauseCache';
import type { Comment } from './commentsApi';

/** The clause a comment is anchored to, with the quoted words marked, so it can be judged here. */
export function ClauseContext({ comment }: { comment: Comment }) {
  const lookup = useClause(comment.artefact.id, comment.version.id, comment.clauseRef);

  if (lookup.status === 'loading') return <p className="muted">Loading clause…</p>;
  if (lookup.status === 'error') return <p className="error">{lookup.message}</p>;
  if (lookup.status === 'missing') {
    return (
      <p className="muted">
        Clause {comment.clauseRef} is not in {comment.version.label}.
      </p>
    );
  }

  const { clause } = lookup;
  const at = comment.quote ? clause.text.indexOf(comment.quote) : -1;
  return (
    <figure className="clause-context">
      <figcaption>
        Clause {clause.ref}
        {clause.heading && ` ${clause.heading}`} ({comment.version.label})
      </figcaption>
      <p className="plain-text">
        {at < 0 || !comment.quote ? (
          clause.text
        ) : (
          <>
            {clause.text.slice(0, at)}
            <mark>{comment.quote}</mark>
            {clause.text.slice(at + comment.quote.length)}
          </>
        )}
      </p>
    </figure>
  );
}
