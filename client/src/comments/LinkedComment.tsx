import { useState, type KeyboardEvent } from 'react';
import { focusMainHeading } from '../focus';
import { useApi } from '../useApi';
import { ClauseContext } from './ClauseContext';
import { CommentCard } from './CommentCard';
import { getComment, type CommentDetail } from './commentsApi';
import { TriagePanel } from './TriagePanel';

interface Props {
  /** The comment's id or ref (C-000012), from `?comment=`. */
  idOrRef: string;
  canDecide(artefactCode: string): boolean;
  /** Told of every change, so the queue below can follow. */
  onChange(comment: CommentDetail): void;
  onClose(): void;
}

/** One comment opened from a link, above the queue and whatever its filters, ready to decide. */
export function LinkedComment({ idOrRef, canDecide, onChange, onClose }: Props) {
  const loaded = useApi((signal) => getComment(idOrRef, signal), [idOrRef]);
  const [changed, setChanged] = useState<CommentDetail | null>(null);
  const comment = changed?.id === loaded.data?.id ? changed : loaded.data;
  const replace = (c: CommentDetail) => {
    setChanged(c);
    onChange(c);
  };

  // Closed by its button or by Escape from anywhere in it; focus goes to the page's heading.
  function close() {
    onClose();
    focusMainHeading();
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  }

  return (
    <section className="linked-comment" aria-labelledby="linked-comment" onKeyDown={closeOnEscape}>
      <div className="actions">
        <h2 id="linked-comment">Linked comment</h2>
        <button type="button" className="link-button" onClick={close}>
          Close
        </button>
      </div>
      {loaded.loading && <p role="status">Loading comment {idOrRef}…</p>}
      {loaded.error && (
        <p className="error" role="alert">
          {loaded.error.message}
        </p>
      )}
      {comment && (
        <CommentCard comment={comment} onChange={replace} showArtefact loadThread>
          <ClauseContext comment={comment} />
          {canDecide(comment.artefact.code) && <TriagePanel comment={comment} onChange={replace} />}
        </CommentCard>
      )}
    </section>
  );
}
