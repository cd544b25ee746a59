import { CommentCard } from '../comments/CommentCard';
import type { Comment, CommentDetail } from '../comments/commentsApi';

interface Props {
  versionLabel: string;
  comments: Comment[];
  onCommentChange(comment: Comment | CommentDetail): void;
}

/** Comments whose clause was removed on the way to the version shown, so it has no place for them. */
export function OrphanedComments({ versionLabel, comments, onCommentChange }: Props) {
  if (comments.length === 0) return null;
  return (
    <section className="orphaned-comments" aria-labelledby="orphaned-heading">
      <h2 id="orphaned-heading">Comments on clauses no longer in this version</h2>
      <p className="hint">
        These comments were made on clauses that {versionLabel} no longer has. They stay in the
        triage queue until the code body decides on them.
      </p>
      <ol className="comment-list">
        {comments.map((c) => (
          <li key={c.id}>
            <CommentCard
              comment={c}
              onChange={onCommentChange}
              notice={
                <p className="anchor-note changed">
                  Made on clause {c.clauseRef} of {c.version.label}, which is not in {versionLabel}.
                </p>
              }
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
