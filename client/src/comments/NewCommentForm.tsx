import { useRef, useState, type FormEvent } from 'react';
import type { Clause } from '../api';
import { useFocusFirstField, useFocusFirstInvalid } from '../focus';
import { createComment, type CommentDetail } from './commentsApi';
import { CommentFields, draftProblems, type CommentDraft } from './CommentFields';
import { ErrorSummary } from './ErrorSummary';

interface Props {
  artefactId: string;
  versionId: string;
  clause: Clause;
  draft: CommentDraft;
  onDraftChange(draft: CommentDraft): void;
  /** A note about the quote, e.g. why a selection could not be quoted. */
  quoteNote?: string;
  /** Changes each time Comment is pressed again while this form is open: focus returns to it. */
  refocus?: number;
  onCreated(comment: CommentDetail): void;
  onCancel(): void;
}

export function NewCommentForm(props: Props) {
  const { clause, draft } = props;
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const problems = attempted ? draftProblems(draft, clause) : {};
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);
  useFocusFirstField(form, props.refocus ?? 0);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(draftProblems(draft, clause)).length > 0 || !draft.category) {
      focusFirstInvalid();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const created = await createComment(props.artefactId, {
        versionId: props.versionId,
        clauseRef: clause.ref,
        quote: draft.quote.trim() || null,
        category: draft.category,
        severity: draft.severity,
        body: draft.body,
        proposedText: draft.proposedText.trim() ? draft.proposedText : null,
        confidential: draft.confidential,
      });
      props.onCreated(created);
    } catch (caught) {
      // 409 names the consultation window that is closed; 400 names the field at fault.
      setError((caught as Error).message);
      setSubmitting(false);
    }
  }

  const idPrefix = `new-comment-${clause.anchor}`;
  return (
    <form
      ref={form}
      className="comment-form"
      onSubmit={handleSubmit}
      aria-labelledby={`${idPrefix}-title`}
    >
      <h4 id={`${idPrefix}-title`}>New comment on clause {clause.ref}</h4>
      {props.quoteNote && <p className="hint">{props.quoteNote}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ErrorSummary problems={[problems.quote, problems.category, problems.body]} />
      <CommentFields
        idPrefix={idPrefix}
        draft={draft}
        onChange={props.onDraftChange}
        problems={problems}
      />
      <div className="actions">
        <button type="submit" disabled={submitting}>
          {submitting ? 'Sending…' : 'Submit comment'}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
