import { useRef, useState, type FormEvent } from 'react';
import { ApiError, type Clause } from '../api';
import { focusElement, useFocusFirstField, useFocusFirstInvalid } from '../focus';
import { editComment, withdrawComment, type Comment, type CommentDetail } from './commentsApi';
import { CommentFields, draftProblems, type CommentDraft } from './CommentFields';
import { ErrorSummary } from './ErrorSummary';

interface Props {
  comment: Comment;
  clause?: Clause;
  onChange(comment: CommentDetail): void;
  onReload(): Promise<void>;
}

const draftOf = (c: Comment): CommentDraft => ({
  quote: c.quote ?? '',
  category: c.category,
  severity: c.severity,
  body: c.body,
  proposedText: c.proposedText ?? '',
  confidential: c.confidential,
});

/** Only the fields the author changed, since the server wants at least one and no others. */
function changes(before: CommentDraft, after: CommentDraft) {
  const result: Record<string, unknown> = {};
  if (after.quote !== before.quote) result.quote = after.quote.trim() || null;
  if (after.category !== before.category) result.category = after.category;
  if (after.severity !== before.severity) result.severity = after.severity;
  if (after.body !== before.body) result.body = after.body;
  if (after.proposedText !== before.proposedText)
    result.proposedText = after.proposedText.trim() ? after.proposedText : null;
  if (after.confidential !== before.confidential) result.confidential = after.confidential;
  return result;
}

/** Edit and withdraw, for the author of a comment that is still open. */
export function AuthorActions({ comment, clause, onChange, onReload }: Props) {
  const [mode, setMode] = useState<'idle' | 'editing' | 'confirm-withdraw'>('idle');
  const [draft, setDraft] = useState<CommentDraft>(() => draftOf(comment));
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = attempted ? draftProblems(draft, clause) : {};
  const root = useRef<HTMLFormElement & HTMLDivElement>(null);
  useFocusFirstField(root, mode === 'editing');
  const focusFirstInvalid = useFocusFirstInvalid(root);

  async function run(action: () => Promise<CommentDetail>) {
    setBusy(true);
    setError(null);
    try {
      const card = root.current?.closest('article');
      onChange(await action());
      setMode('idle');
      // The form (or, once withdrawn, these actions) goes: the comment itself keeps focus.
      focusElement(card);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client', String(caught)));
    } finally {
      setBusy(false);
    }
  }

  function handleSave(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(draftProblems(draft, clause)).length > 0) return focusFirstInvalid();
    const changed = changes(draftOf(comment), draft);
    if (Object.keys(changed).length === 0) return setMode('idle');
    void run(() => editComment(comment.id, { ...changed, revision: comment.revision }));
  }

  async function reload() {
    setError(null);
    await onReload();
  }

  const conflict = error?.status === 409 && (
    <div className="error" role="alert">
      <p>{error.message}</p>
      <button type="button" className="secondary" onClick={() => void reload()}>
        Reload
      </button>
    </div>
  );
  const otherError = error && error.status !== 409 && (
    <p className="error" role="alert">
      {error.message}
    </p>
  );

  if (mode === 'editing') {
    return (
      <form
        ref={root}
        className="comment-form"
        onSubmit={handleSave}
        aria-label={`Edit ${comment.ref}`}
      >
        {conflict}
        {otherError}
        <ErrorSummary problems={[problems.quote, problems.category, problems.body]} />
        <CommentFields
          idPrefix={`edit-${comment.id}`}
          draft={draft}
          onChange={setDraft}
          problems={problems}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              focusElement(root.current?.closest('article'));
              setMode('idle');
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div ref={root} className="actions">
      {conflict}
      {otherError}
      {mode === 'confirm-withdraw' ? (
        <>
          <span>Withdraw {comment.ref}? This cannot be undone.</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => withdrawComment(comment.id, comment.revision))}
          >
            Yes, withdraw
          </button>
          <button type="button" className="secondary" onClick={() => setMode('idle')}>
            Keep it
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(draftOf(comment));
              setAttempted(false);
              setMode('editing');
            }}
          >
            Edit
          </button>
          <button type="button" className="secondary" onClick={() => setMode('confirm-withdraw')}>
            Withdraw
          </button>
        </>
      )}
    </div>
  );
}
