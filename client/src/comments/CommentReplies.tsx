import { useState, type FormEvent } from 'react';
import { formatDateTime, humanise } from '../format';
import { replyToComment, type CommentDetail } from './commentsApi';
import { MAX_COMMENT_LENGTH } from './vocabulary';

interface Props {
  comment: CommentDetail;
  onChange(comment: CommentDetail): void;
}

/** The conversation under a comment: its decision history, replies and a reply box. */
export function CommentReplies({ comment, onChange }: Props) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const boxId = `reply-${comment.id}`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === '') return setError('Write a reply first.');
    setSending(true);
    setError(null);
    try {
      onChange(await replyToComment(comment.id, body));
      setBody('');
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="comment-thread">
      {comment.decisions.length > 0 && (
        <ol className="decisions" aria-label={`History of ${comment.ref}`}>
          {comment.decisions.map((d) => (
            <li key={d.id}>
              {humanise(d.fromStatus)} → {humanise(d.status)} by {d.decidedBy.name},{' '}
              {formatDateTime(d.decidedAt)}
              {d.changeId && <> · change {d.changeId}</>}
              {d.action && <span className="plain-text"> · action: {d.action}</span>}
            </li>
          ))}
        </ol>
      )}
      {comment.replies.length > 0 && (
        <ol className="replies" aria-label={`Replies to ${comment.ref}`}>
          {comment.replies.map((reply) => (
            <li key={reply.id}>
              <p className="muted">
                {reply.author?.name ?? 'Former user'}, {formatDateTime(reply.createdAt)}
              </p>
              <p className="plain-text">{reply.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="reply-form" onSubmit={handleSubmit}>
        <label htmlFor={boxId}>Reply to {comment.ref}</label>
        <textarea
          id={boxId}
          rows={2}
          maxLength={MAX_COMMENT_LENGTH}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="secondary" disabled={sending}>
          {sending ? 'Sending…' : 'Reply'}
        </button>
      </form>
    </div>
  );
}
