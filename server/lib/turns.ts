// Heavy work that everyone may ask for, taken in turns: at most so many at once in this process,
// the rest waiting in order (up to a bound, beyond which the caller is told to come back later).

export interface Turns {
  /** Resolves with a release function when it is this caller's turn; null when the queue is full. */
  take(): Promise<() => void> | null;
}

export function turns(atOnce: number, maxWaiting: number): Turns {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return {
    take() {
      if (running < atOnce) {
        running += 1;
        return Promise.resolve(releaser());
      }
      if (waiting.length >= maxWaiting) return null;
      // The running count passes straight to the next in line.
      return new Promise((resolve) => waiting.push(() => resolve(releaser())));
    },
  };
}
