import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import { listAllComments, type Comment } from '../comments/commentsApi';

interface State {
  comments: Comment[];
  loading: boolean;
  error: ApiError | null;
}

/**
 * Every comment on a version's artefact the user may see, each with its `anchor` on that version
 * (the clause it now stands on), kept current as the user comments and replies.
 */
export function useVersionComments(versionId: string) {
  const [state, setState] = useState<State>({ comments: [], loading: true, error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    listAllComments({ versionId }, controller.signal).then(
      (comments) => setState({ comments, loading: false, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));
        setState({ comments: [], loading: false, error: apiError });
      },
    );
    return () => controller.abort();
  }, [versionId]);

  // A comment fetched or saved on its own comes without an anchor: keep the one it had, and a
  // comment just made on this version stands where it was made.
  const upsert = useCallback(
    (comment: Comment) => {
      setState((s) => {
        const previous = s.comments.find((c) => c.id === comment.id);
        const anchor =
          comment.anchor ??
          previous?.anchor ??
          (comment.version.id === versionId
            ? { versionId, clauseRef: comment.clauseRef, textChanged: false }
            : undefined);
        const placed = { ...comment, anchor };
        return {
          ...s,
          comments: previous
            ? s.comments.map((c) => (c.id === comment.id ? placed : c))
            : [...s.comments, placed],
        };
      });
    },
    [versionId],
  );

  return { ...state, upsert };
}

/** The clause a comment stands on in the listed version; null when that clause was removed. */
export const anchoredRef = (c: Comment): string | null =>
  c.anchor ? c.anchor.clauseRef : c.clauseRef;
