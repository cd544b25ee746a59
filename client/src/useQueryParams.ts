import { useCallback } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router-dom';

/**
 * The page's query parameters, and a setter that changes some of them and keeps the rest. The
 * setter starts from the address as it is now, not from the render's `params`: the router applies
 * a change in a transition, so a second change made before it re-renders (a filter chosen, then a
 * box ticked at once) would otherwise start from stale parameters and undo the first.
 */
export function useQueryParams(): [
  URLSearchParams,
  (change: Record<string, string | null>, options?: NavigateOptions) => void,
] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: Record<string, string | null>, options: NavigateOptions = { replace: true }) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(change)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      setParams(next, options);
    },
    [setParams],
  );
  return [params, update];
}
