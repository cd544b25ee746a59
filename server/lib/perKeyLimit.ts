// At most so many of one kind of heavy request per caller at once, in this process: a caller who
// starts more is told to retry later rather than queued. (Several app instances each apply it.)

export interface PerKeyLimit {
  /** A release function when there is room for `key`, else null. */
  tryEnter(key: string): (() => void) | null;
}

export function perKeyLimit(max: number): PerKeyLimit {
  const running = new Map<string, number>();
  return {
    tryEnter(key) {
      const n = running.get(key) ?? 0;
      if (n >= max) return null;
      running.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (running.get(key) ?? 1) - 1;
        if (left > 0) running.set(key, left);
        else running.delete(key);
      };
    },
  };
}
