import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Clause } from '../api';
import { focusElement } from '../focus';
import { CommentCard } from '../comments/CommentCard';
import type { CommentDraft } from '../comments/CommentFields';
import type { Comment, CommentDetail } from '../comments/commentsApi';
import { NewCommentForm } from '../comments/NewCommentForm';
import { plural } from '../format';
import { AnchorNote } from './AnchorNote';

export interface ThreadState {
  ref: string;
  /** The comment being written, when the form is open. */
  draft: CommentDraft | null;
  quoteNote?: string;
  /** The comment just posted from the form, announced and focused. */
  posted?: { id: string; ref: string };
  /** Counts presses of Comment while the form is open: each puts focus back in the form. */
  refocus?: number;
}

interface Props {
  artefactId: string;
  versionId: string;
  clause: Clause;
  comments: Comment[];
  /** Open plain-English findings on the clause. */
  openFindings: number;
  thread: ThreadState | null;
  canComment: boolean;
  onThreadChange(thread: ThreadState | null): void;
  /** Opens the form for a clause, quoting the selection when it lies in that clause. */
  onCompose(ref: string): void;
  onCommentChange(comment: Comment | CommentDetail): void;
}

/**
 * A clause's comment count and "Comment" button, and its thread when opened. Memoised: typing in
 * one clause's form must not re-render the tools of every other clause in a long document.
 */
export const ClauseComments = memo(function ClauseComments(props: Props) {
  const { clause, comments, thread } = props;
  const isOpen = thread?.ref === clause.ref;
  const threadId = `thread-${clause.anchor}`;
  const outstanding = comments.filter((c) => c.outstanding).length;
  const countButton = useRef<HTMLButtonElement>(null);
  // The button that opened the thread (its count or "Comment"), where focus returns as it closes.
  const opener = useRef<HTMLButtonElement | null>(null);
  const opened = (event: { currentTarget: HTMLButtonElement }) => {
    opener.current = event.currentTarget;
  };
  const returnFocus = () => (opener.current ?? countButton.current)?.focus();

  function close() {
    props.onThreadChange(null);
    returnFocus();
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  }

  const posted = thread?.posted?.id;
  useEffect(() => {
    if (posted) focusElement(document.getElementById(`comment-${posted}`)?.closest('article'));
  }, [posted]);

  return (
    <div className="clause-comments">
      <div className="clause-tools">
        <button
          ref={countButton}
          type="button"
          className="comment-count"
          aria-expanded={isOpen}
          aria-controls={isOpen ? threadId : undefined}
          data-testid={`clause-comments-${clause.ref}`}
          // Not "on clause X": the Comment button's name would then be part of this one.
          aria-label={`${plural(comments.length, 'comment')}, clause ${clause.ref}`}
          onClick={(event) => {
            opened(event);
            props.onThreadChange(isOpen ? null : { ref: clause.ref, draft: null });
          }}
        >
          {plural(comments.length, 'comment')}
        </button>
        {outstanding > 0 && <span className="muted">{outstanding} outstanding</span>}
        {props.openFindings > 0 && (
          <a href="#findings-heading" className="finding-marker">
            {plural(props.openFindings, 'plain-English finding')}
          </a>
        )}
        {props.canComment && (
          <button
            type="button"
            className="secondary"
            onClick={(event) => {
              opened(event);
              props.onCompose(clause.ref);
            }}
          >
            Comment<span className="visually-hidden"> on clause {clause.ref}</span>
          </button>
        )}
      </div>
      {isOpen && (
        // Escape anywhere in the thread closes it, as its Close button does.
        <aside
          id={threadId}
          className="clause-thread"
          aria-labelledby={`${threadId}-heading`}
          onKeyDown={closeOnEscape}
        >
          <div className="thread-header">
            <h3 id={`${threadId}-heading`}>Comments on clause {clause.ref}</h3>
            <button type="button" className="secondary" onClick={close}>
              Close<span className="visually-hidden"> comments on clause {clause.ref}</span>
            </button>
          </div>
          {thread.draft && (
            <NewCommentForm
              artefactId={props.artefactId}
              versionId={props.versionId}
              clause={clause}
              draft={thread.draft}
              quoteNote={thread.quoteNote}
              refocus={thread.refocus}
              onDraftChange={(draft) => props.onThreadChange({ ...thread, draft })}
              onCreated={(created) => {
                props.onCommentChange(created);
                props.onThreadChange({ ref: clause.ref, draft: null, posted: created });
              }}
              onCancel={() => {
                props.onThreadChange({ ref: clause.ref, draft: null });
                returnFocus();
              }}
            />
          )}
          <p role="status" className={thread.posted ? 'notice' : 'thread-status'}>
            {thread.posted && `Comment ${thread.posted.ref} posted.`}
          </p>
          {comments.length === 0 && !thread.draft && (
            <p className="muted">No comments on this clause yet.</p>
          )}
          <ol className="comment-list">
            {comments.map((c) => (
              <li key={c.id}>
                <CommentCard
                  comment={c}
                  onChange={props.onCommentChange}
                  headingLevel={4}
                  loadThread
                  // An edited quote is checked against the clause, unless its text has changed.
                  clause={c.anchor?.textChanged ? undefined : clause}
                  notice={<AnchorNote comment={c} />}
                />
              </li>
            ))}
          </ol>
        </aside>
      )}
    </div>
  );
});
