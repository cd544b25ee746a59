import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Clause } from '../api';
import { useAuth } from '../auth';
import { formatDateTime, humanise } from '../format';
import { FollowButton } from '../notifications/FollowButton';
import { AuthorActions } from './AuthorActions';
import { CommentReplies } from './CommentReplies';
import { getComment, type Comment, type CommentDetail } from './commentsApi';
import { StatusBadge } from './StatusBadge';
import { ProposalRedline } from './ProposalRedline';
import { CATEGORY_LABELS } from './vocabulary';

const isDetail = (c: Comment): c is CommentDetail => 'replies' in c;

interface Props {
  comment: Comment;
  onChange(comment: CommentDetail): void;
  headingLevel?: 3 | 4;
  /** Name the artefact and link to the clause, for lists that span artefacts. */
  showArtefact?: boolean;
  /** Fetch replies and history straight away rather than on request. */
  loadThread?: boolean;
  clause?: Clause;
  /** A note shown under the comment's details, e.g. that the clause has changed since. */
  notice?: ReactNode;
  /** Extra content below the comment, e.g. the clause in context or a triage form. */
  children?: ReactNode;
}

export function clauseLink(c: Comment): string {
  const search = new URLSearchParams({ version: c.version.id, clause: c.clauseRef });
  return `/artefacts/${encodeURIComponent(c.artefact.slug)}?${search}`;
}

export function CommentCard({ comment: c, onChange, headingLevel = 3, ...props }: Props) {
  const { state } = useAuth();
  const me = state.status === 'signed-in' ? state.user : null;
  const [threadWanted, setThreadWanted] = useState(Boolean(props.loadThread));
  const [threadError, setThreadError] = useState<string | null>(null);
  const Heading = `h${headingLevel}` as const;

  // Parents may pass a new callback each render; fetching must not restart because of that.
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const reload = useCallback(async () => {
    setThreadError(null);
    try {
      latestOnChange.current(await getComment(c.id));
    } catch (caught) {
      setThreadError((caught as Error).message);
    }
  }, [c.id]);

  const needsThread = threadWanted && !isDetail(c);
  useEffect(() => {
    if (needsThread) void reload();
  }, [needsThread, reload]);

  return (
    <article className="comment" aria-labelledby={`comment-${c.id}`}>
      <header className="comment-header">
        <Heading id={`comment-${c.id}`} className="comment-ref">
          {c.ref}
        </Heading>
        <StatusBadge status={c.status} />
        <span className={`tag severity-${c.severity}`}>{humanise(c.severity)} severity</span>
        <span className="tag">{CATEGORY_LABELS[c.category] ?? humanise(c.category)}</span>
        {c.confidential && <span className="tag">Confidential</span>}
        {c.incorporatedIn && (
          <Link
            className="tag tag-incorporated"
            to={`/artefacts/${encodeURIComponent(c.artefact.slug)}?version=${encodeURIComponent(c.incorporatedIn.id)}`}
          >
            Incorporated in {c.incorporatedIn.label}
          </Link>
        )}
        {/* In a clause's open thread: followers hear of its decision and replies. */}
        {props.loadThread && <FollowButton entity="comment" entityId={c.id} label={c.ref} />}
      </header>
      <p className="muted comment-meta">
        {props.showArtefact && (
          <>
            <Link to={clauseLink(c)}>
              {c.artefact.reference} clause {c.clauseRef}
            </Link>{' '}
            ({c.version.label}) ·{' '}
          </>
        )}
        {!props.showArtefact && <>On {c.version.label} · </>}
        {c.raisedBy ?? (c.imported ? 'Name not given' : 'Former user')}
        {c.organisation && `, ${c.organisation.name}`} · {formatDateTime(c.createdAt)}
        {c.imported && ' (imported from a comment log)'}
        {c.updatedAt !== c.createdAt && c.status === 'open' && ' (edited)'}
      </p>
      {props.notice}
      {c.quote && <blockquote className="comment-quote plain-text">{c.quote}</blockquote>}
      <p className="plain-text comment-body">{c.body}</p>
      {c.proposedText && <ProposalRedline comment={{ ...c, proposedText: c.proposedText }} />}
      {c.decidedBy && c.decidedAt && (
        <div className="code-body-response">
          <p className="label">
            Code body response: <StatusBadge status={c.status} /> by {c.decidedBy},{' '}
            {formatDateTime(c.decidedAt)}
          </p>
          {c.response && <p className="plain-text">{c.response}</p>}
        </div>
      )}
      {me && c.author?.id === me.id && c.status === 'open' && (
        <AuthorActions comment={c} clause={props.clause} onChange={onChange} onReload={reload} />
      )}
      {props.children}
      {threadError && (
        <p className="error" role="alert">
          {threadError}
        </p>
      )}
      {isDetail(c) ? (
        <CommentReplies comment={c} onChange={onChange} />
      ) : (
        !threadWanted && (
          <button type="button" className="link-button" onClick={() => setThreadWanted(true)}>
            Show replies and history
          </button>
        )
      )}
    </article>
  );
}
