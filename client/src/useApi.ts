import { useEffect, useState, type DependencyList } from 'react';
import { ApiError } from './api';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * Runs `load` whenever `deps` change, aborting the previous request. The last good data is kept
 * while a new request is in flight so tables do not flicker. Pass `null` to load nothing.
 */
export function useApi<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: DependencyList,
): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({
    data: undefined,
    error: undefined,
    loading: load !== null,
  });

  useEffect(() => {
    if (!load) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));
        setState({ data: undefined, error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, deps);

  return state;
}
