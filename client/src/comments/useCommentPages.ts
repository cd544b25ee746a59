import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import {
  listComments,
  type Comment,
  type CommentDetail,
  type CommentFilters,
  type CommentPage,
  type CommentSort,
} from './commentsApi';

const PAGE_SIZE = 25;

interface State {
  items: Comment[];
  nextCursor: string | null;
  counts: CommentPage['counts'];
  loading: boolean;
  error: ApiError | null;
}

const toApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));

/**
 * A cursor-paged comment list: the first page loads whenever the filters change (or on reload()),
 * "load more" appends the next. Comments changed on this page are replaced in place and the status
 * counts follow, so a decision shows at once without losing the reader's place.
 */
export function useCommentPages(filters: CommentFilters | null, sort: CommentSort) {
  const [state, setState] = useState<State>({
    items: [],
    nextCursor: null,
    counts: {},
    loading: filters !== null,
    error: null,
  });
  const key = filters ? JSON.stringify({ filters, sort }) : null;
  // Bumped by reload() to fetch the first page again with the same filters.
  const [reloads, setReloads] = useState(0);
  // Identifies the current filters so a late page for old filters is dropped.
  const generation = useRef(0);

  useEffect(() => {
    generation.current += 1;
    if (!filters) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    listComments(filters, { sort, limit: PAGE_SIZE }, controller.signal).then(
      (page) =>
        setState({
          items: page.data,
          nextCursor: page.nextCursor,
          counts: page.counts,
          loading: false,
          error: null,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((s) => ({ ...s, items: [], loading: false, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [key, reloads]);

  const loadMore = useCallback(async () => {
    if (!filters || !state.nextCursor) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await listComments(filters, {
        sort,
        limit: PAGE_SIZE,
        cursor: state.nextCursor,
      });
      if (mine !== generation.current) return;
      setState((s) => ({
        ...s,
        items: [...s.items, ...page.data.filter((c) => !s.items.some((i) => i.id === c.id))],
        nextCursor: page.nextCursor,
        counts: page.counts,
        loading: false,
      }));
    } catch (error) {
      if (mine === generation.current)
        setState((s) => ({ ...s, loading: false, error: toApiError(error) }));
    }
  }, [key, state.nextCursor]);

  const replace = useCallback((updated: CommentDetail) => {
    setState((s) => {
      const before = s.items.find((c) => c.id === updated.id);
      const counts = { ...s.counts };
      if (before && before.status !== updated.status) {
        counts[before.status] = Math.max(0, (counts[before.status] ?? 1) - 1);
        counts[updated.status] = (counts[updated.status] ?? 0) + 1;
      }
      return { ...s, counts, items: s.items.map((c) => (c.id === updated.id ? updated : c)) };
    });
  }, []);

  /** Loads the first page again, e.g. after comments were added from elsewhere (an import). */
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { ...state, loadMore, replace, reload };
}
