import { useRef, useState } from 'react';
import { focusElement } from '../focus';
import { humanise } from '../format';
import { getComment, type Comment, type CommentDetail } from './commentsApi';
import { TriageForm } from './TriageForm';
import { nextTriageStatuses } from './vocabulary';

interface Props {
  comment: Comment;
  onChange(comment: CommentDetail): void;
}

/**
 * A code body's triage form under a comment, and the status that outlives it: a final decision
 * removes the form, so the saved decision is announced here and focus goes to the comment.
 */
export function TriagePanel({ comment, onChange }: Props) {
  const status = useRef<HTMLParagraphElement>(null);
  const [saved, setSaved] = useState('');

  function handleSaved(decided: CommentDetail) {
    onChange(decided);
    setSaved(`Decision saved: ${decided.ref} is ${humanise(decided.status).toLowerCase()}.`);
    focusElement(status.current?.closest('article'));
  }

  return (
    <>
      {nextTriageStatuses(comment.status).length > 0 && (
        <TriageForm
          comment={comment}
          onChange={handleSaved}
          onReload={async () => onChange(await getComment(comment.id))}
        />
      )}
      <p ref={status} role="status" className={saved ? 'notice' : 'triage-status'}>
        {saved}
      </p>
    </>
  );
}
