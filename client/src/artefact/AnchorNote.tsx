import type { Comment } from '../comments/commentsApi';

/**
 * For a comment made on another version: a warning when its clause's text has changed since,
 * and the clause it was made on when that has been renumbered. Nothing otherwise.
 */
export function AnchorNote({ comment: c }: { comment: Comment }) {
  const anchor = c.anchor;
  if (!anchor || c.version.id === anchor.versionId) return null;
  const renumbered = anchor.clauseRef !== c.clauseRef;
  const origin = `made on clause ${c.clauseRef} of ${c.version.label}`;
  if (anchor.textChanged) {
    return (
      <p className="anchor-note changed">
        <strong>Text changed since this comment</strong>
        {renumbered && ` (${origin})`}
      </p>
    );
  }
  return renumbered ? <p className="hint anchor-note">Comment {origin}.</p> : null;
}
