import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import { listAllArtefactComments, type Comment } from '../comments/commentsApi';

interface State {
  comments: Comment[];
  loading: boolean;
  error: ApiError | null;
}

/** Every comment on an artefact the user may see, kept current as they comment and reply. */
export function useArtefactComments(artefactId: string) {
  const [state, setState] = useState<State>({ comments: [], loading: true, error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    listAllArtefactComments(artefactId, controller.signal).then(
      (comments) => setState({ comments, loading: false, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));
        setState({ comments: [], loading: false, error: apiError });
      },
    );
    return () => controller.abort();
  }, [artefactId]);

  const upsert = useCallback((comment: Comment) => {
    setState((s) => ({
      ...s,
      comments: s.comments.some((c) => c.id === comment.id)
        ? s.comments.map((c) => (c.id === comment.id ? comment : c))
        : [...s.comments, comment],
    }));
  }, []);

  return { ...state, upsert };
}
