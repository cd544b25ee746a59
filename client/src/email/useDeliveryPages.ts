import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api';
import type { DeliveryPage } from './emailDeliveriesApi';

interface State<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

export const errorMessage = (error: unknown) =>
  error instanceof ApiError ? error.message : String(error);

/**
 * A list read page by page with the server's cursor: the first page whenever `deps` change, more on
 * `loadMore`. A page that arrives for a filter no longer chosen is dropped.
 */
export function useDeliveryPages<T>(
  load: (cursor: string | undefined, signal?: AbortSignal) => Promise<DeliveryPage<T>>,
  deps: DependencyList,
) {
  const [state, setState] = useState<State<T>>({
    items: [],
    nextCursor: null,
    loading: true,
    error: null,
  });
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const controller = new AbortController();
    setState({ items: [], nextCursor: null, loading: true, error: null });
    load(undefined, controller.signal).then(
      (page) =>
        setState({ items: page.data, nextCursor: page.nextCursor, loading: false, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted && mine === generation.current)
          setState({ items: [], nextCursor: null, loading: false, error: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, deps);

  async function loadMore() {
    if (!state.nextCursor) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await load(state.nextCursor);
      if (mine !== generation.current) return;
      setState((s) => ({
        items: [...s.items, ...page.data],
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (mine === generation.current)
        setState((s) => ({ ...s, loading: false, error: errorMessage(error) }));
    }
  }

  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => ({ ...s, items: change(s.items) }));
  }, []);

  return { ...state, loadMore, update };
}
