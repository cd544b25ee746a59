import { useCallback, useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { getVersion, type Artefact, type Clause } from '../api';
import { useAuth } from '../auth';
import { ClauseOutline } from '../ClauseOutline';
import { draftHasContent, emptyDraft, type CommentDraft } from '../comments/CommentFields';
import { getComment, type Comment } from '../comments/commentsApi';
import { quoteFromSelection } from '../comments/quote';
import { listConsultations } from '../consultations/consultationsApi';
import { useGlossaryTerms } from '../glossary/useGlossaryTerms';
import { useApi } from '../useApi';
import { ClauseComments, type ThreadState } from './ClauseComments';
import { ClauseDocument, type ClauseLink } from './ClauseDocument';
import { ClauseLanding } from './ClauseLanding';
import { FindInDocument } from './FindInDocument';
import { ReferenceCounts, ReferencedBy } from './ReferencedBy';
import { listReferences, referencesByClause, type CrossReference } from './referencesApi';
import { describeCommentWindow } from './commentWindow';
import { listFindings, type Finding } from './findingsApi';
import { FindingsPanel } from './FindingsPanel';
import { OrphanedComments } from './OrphanedComments';
import { selectionInClause } from './selection';
import { anchoredRef, useVersionComments } from './useVersionComments';

const COMMENTER_ROLES = ['participant', 'code_body', 'programme'];
const NO_COMMENTS: Comment[] = [];
const NO_REFERENCES: CrossReference[] = [];
const KEPT_NOTE = 'Your unsent comment was kept.';

/** Keeps the draft of a thread that is being left for another clause's, or closed. */
function keepLeftDraft(
  aside: Map<string, CommentDraft>,
  previous: ThreadState | null,
  nextRef: string | undefined,
): void {
  if (previous?.draft && nextRef !== previous.ref && draftHasContent(previous.draft))
    aside.set(previous.ref, previous.draft);
}

interface Props {
  artefact: Artefact;
  versionId: string;
  /** A clause whose thread starts open, e.g. when arriving from "My comments". */
  initialClause: string | null;
  /** A comment (id or ref) whose thread opens, scrolled to and focused, e.g. from a notification. */
  initialComment?: string | null;
  /** Told after a comment is posted, edited, withdrawn or decided, so counts elsewhere refresh. */
  onCommentsChanged?(): void;
}

export function VersionView({
  artefact,
  versionId,
  initialClause,
  initialComment,
  onCommentsChanged,
}: Props) {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const role = user?.role ?? null;
  const version = useApi(
    (signal) => getVersion(artefact.id, versionId, signal),
    [artefact.id, versionId],
  );
  const consultations = useApi(
    (signal) => listConsultations({ artefactId: artefact.id }, signal),
    [artefact.id],
  );
  const comments = useVersionComments(versionId);
  const terms = useGlossaryTerms();
  // Bumped after a finding is waived or raised, so the list is fetched again.
  const [findingsRevision, setFindingsRevision] = useState(0);
  const findings = useApi(
    (signal) => listFindings(artefact.id, { versionId }, signal),
    [artefact.id, versionId, findingsRevision],
  );
  // The cross-reference index covers current versions only.
  const isCurrent = artefact.currentVersion?.id === versionId;
  const referencesOut = useApi(
    isCurrent ? (signal) => listReferences(artefact.id, 'out', signal) : null,
    [artefact.id, isCurrent],
  );
  const referencesIn = useApi(
    isCurrent ? (signal) => listReferences(artefact.id, 'in', signal) : null,
    [artefact.id, isCurrent],
  );
  const links = useMemo(() => {
    const map = new Map<string, ClauseLink[]>();
    for (const [ref, refs] of referencesByClause(referencesOut.data?.data ?? [], 'source')) {
      map.set(
        ref,
        refs.flatMap((r) =>
          r.resolved && r.target.href ? [{ text: r.text, href: r.target.href }] : [],
        ),
      );
    }
    return map;
  }, [referencesOut.data]);
  const referencedBy = useMemo(
    () => referencesByClause(referencesIn.data?.data ?? [], 'target'),
    [referencesIn.data],
  );
  const [thread, setThread] = useState<ThreadState | null>(
    initialClause ? { ref: initialClause, draft: null } : null,
  );
  // Unsent comments of threads closed without Cancel (Close, Escape, another clause's thread):
  // nothing typed is lost, and reopening the clause's thread brings the form back as it was.
  const setAside = useRef(new Map<string, CommentDraft>());
  const changeThread = useCallback((next: ThreadState | null) => {
    setThread((previous) => {
      const aside = setAside.current;
      keepLeftDraft(aside, previous, next?.ref);
      if (next && next.ref === previous?.ref && !next.draft) aside.delete(next.ref);
      if (next && next.ref !== previous?.ref && !next.draft && !next.posted) {
        const kept = aside.get(next.ref);
        if (kept) {
          aside.delete(next.ref);
          return { ...next, draft: kept, quoteNote: KEPT_NOTE };
        }
      }
      return next;
    });
  }, []);

  const commentWindow =
    consultations.data && describeCommentWindow(artefact.reference, consultations.data);
  const roleMayComment = role !== null && COMMENTER_ROLES.includes(role);
  const canComment = roleMayComment && Boolean(commentWindow?.open);
  const canWaive = role === 'programme' || (role === 'code_body' && user?.code === artefact.code);

  const clauses = useMemo(
    () => new Map((version.data?.clauses ?? []).map((c): [string, Clause] => [c.ref, c])),
    [version.data],
  );
  // Comments follow their clause from version to version (renumbered or moved), so a clause
  // shows comments made on earlier versions of it too; those whose clause was removed have none.
  const { byClause, orphans } = useMemo(() => {
    const map = new Map<string, Comment[]>();
    const orphaned: Comment[] = [];
    for (const c of comments.comments) {
      const ref = anchoredRef(c);
      const list = ref === null ? undefined : map.get(ref);
      if (ref === null || (version.data && !clauses.has(ref))) orphaned.push(c);
      else if (list) list.push(c);
      else map.set(ref, [c]);
    }
    return { byClause: map, orphans: orphaned };
  }, [comments.comments, clauses, version.data]);

  const openFindings = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings.data ?? []) {
      if (f.status === 'open') counts.set(f.clauseRef, (counts.get(f.clauseRef) ?? 0) + 1);
    }
    return counts;
  }, [findings.data]);

  const landing = useCommentLanding(initialComment, comments.comments, comments.loading);
  useEffect(() => {
    const ref = landing && anchoredRef(landing);
    if (ref && clauses.has(ref)) setThread({ ref, draft: null });
  }, [landing, clauses]);

  const { upsert: upsertComment } = comments;
  const upsert = useCallback(
    (comment: Parameters<typeof upsertComment>[0]) => {
      upsertComment(comment);
      onCommentsChanged?.();
    },
    [upsertComment, onCommentsChanged],
  );
  const handleFindingChanged = useCallback(
    (finding: Finding) => {
      setFindingsRevision((r) => r + 1);
      // A raised finding's new comment joins its clause's thread.
      if (finding.commentId) {
        getComment(finding.commentId).then(upsert, () => {
          // The comment still exists; it shows once the page is reloaded.
        });
      }
    },
    [upsert],
  );

  const compose = useCallback(
    (ref: string, selected?: string) => {
      const clause = clauses.get(ref);
      if (!clause) return;
      const quote = selected === undefined ? null : quoteFromSelection(selected, clause);
      const quoteNote =
        selected !== undefined && quote === null
          ? 'The selection could not be matched word for word to the clause text, so it was not quoted.'
          : undefined;
      setThread((previous) => {
        const open = previous?.ref === ref ? previous.draft : null;
        const kept = open ?? setAside.current.get(ref);
        const note = quoteNote ?? (kept && !open ? KEPT_NOTE : undefined);
        keepLeftDraft(setAside.current, previous, ref);
        setAside.current.delete(ref);
        return kept
          ? {
              ref,
              quoteNote: note,
              draft: { ...kept, quote: quote ?? kept.quote },
              refocus: open ? (previous?.refocus ?? 0) + 1 : undefined,
            }
          : { ref, quoteNote, draft: emptyDraft(quote ?? '') };
      });
    },
    [clauses],
  );

  const composeFromButton = useCallback(
    (ref: string) => {
      const selection = selectionInClause();
      compose(ref, selection?.ref === ref ? selection.text : undefined);
    },
    [compose],
  );

  function handleSelection(event: SyntheticEvent) {
    // Clicks inside a thread (e.g. on Submit) must not re-quote a selection left in the clause.
    const target = event.target as Element;
    if (!canComment || target.closest('.clause-comments, input, textarea, select')) return;
    const selection = selectionInClause();
    if (selection) compose(selection.ref, selection.text);
  }

  if (version.error) {
    return (
      <p className="error" role="alert">
        {version.error.status === 404 ? 'That version was not found.' : version.error.message}
      </p>
    );
  }
  if (!version.data) return <p role="status">Loading version…</p>;

  return (
    <>
      {commentWindow && (
        <p className={commentWindow.open ? 'notice' : 'notice closed'} data-testid="comment-window">
          {commentWindow.message}
          {commentWindow.open && !roleMayComment && ' Your role can read and reply to comments.'}
          {commentWindow.open &&
            roleMayComment &&
            ' Select words in a clause, or use its Comment button.'}
        </p>
      )}
      {consultations.error && (
        <p className="error" role="alert">
          Could not tell whether comments are open: {consultations.error.message}
        </p>
      )}
      {comments.error && (
        <p className="error" role="alert">
          Comments could not be loaded: {comments.error.message}
        </p>
      )}
      <div className="version" aria-busy={version.loading}>
        <ClauseOutline clauses={version.data.clauses} />
        <article
          className="version-body"
          aria-labelledby="version-heading"
          onMouseUp={handleSelection}
          onKeyUp={(e) => e.shiftKey && handleSelection(e)}
        >
          <h2 id="version-heading">Version {version.data.label}</h2>
          {referencesIn.data?.countsByCode && (
            <ReferenceCounts
              counts={referencesIn.data.countsByCode}
              withinArtefact={referencesIn.data.withinArtefact ?? 0}
            />
          )}
          <FindInDocument artefactId={artefact.id} />
          <ClauseLanding
            versionLabel={version.data.label}
            initialAnchor={initialClause ? clauses.get(initialClause)?.anchor : undefined}
          />
          <ClauseDocument
            html={version.data.html}
            links={links}
            terms={terms}
            renderTools={(ref) => {
              const clause = clauses.get(ref);
              return (
                clause && (
                  <>
                    <ReferencedBy
                      clauseRef={ref}
                      references={referencedBy.get(ref) ?? NO_REFERENCES}
                    />
                    <ClauseComments
                      artefactId={artefact.id}
                      versionId={versionId}
                      clause={clause}
                      comments={byClause.get(ref) ?? NO_COMMENTS}
                      openFindings={openFindings.get(ref) ?? 0}
                      thread={thread?.ref === ref ? thread : null}
                      canComment={canComment}
                      onThreadChange={changeThread}
                      onCompose={composeFromButton}
                      onCommentChange={upsert}
                    />
                  </>
                )
              );
            }}
          />
        </article>
      </div>
      <FindingsPanel
        findings={findings}
        clauses={clauses}
        canWaive={canWaive}
        canRaise={canComment}
        onChanged={handleFindingChanged}
      />
      <OrphanedComments
        versionLabel={version.data.label}
        comments={orphans}
        onCommentChange={upsert}
      />
    </>
  );
}

/**
 * The comment a link names (`?comment=`), once the comments have loaded: its clause's thread is
 * opened by the caller, then the comment itself is scrolled to and focused, so a screen reader
 * starts there. A comment on a removed clause is found the same way among the orphaned ones.
 */
function useCommentLanding(idOrRef: string | null | undefined, list: Comment[], loading: boolean) {
  const [landing, setLanding] = useState<Comment | null>(null);
  const done = useRef(false);
  const landed = useRef(false);
  useEffect(() => {
    if (!idOrRef || done.current || loading) return;
    done.current = true;
    setLanding(list.find((c) => c.id === idOrRef || c.ref === idOrRef) ?? null);
  }, [idOrRef, list, loading]);
  // After every render until the card is there: its thread opens a render after it is found.
  useEffect(() => {
    if (!landing || landed.current) return;
    const card = document.getElementById(`comment-${landing.id}`)?.closest('article');
    if (!card) return;
    landed.current = true;
    card.setAttribute('tabindex', '-1');
    card.classList.add('comment-landed');
    card.scrollIntoView({ block: 'start' });
    card.focus({ preventScroll: true });
  });
  return landing;
}
