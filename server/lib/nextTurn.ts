/**
 * Lets the event loop serve other requests. A chain of awaited database calls does not: each one
 * resolves as a microtask, so a long transaction on SQLite (whose driver answers synchronously)
 * would otherwise hold every other request, health checks included, until it commits.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * For a long loop inside one transaction: call the returned function on every pass, and every
 * `budgetMs` of work it lets the event loop serve others, so that no request waits longer than
 * about that for the loop.
 */
export function turnEvery(budgetMs = 20): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await nextTurn();
    since = performance.now();
  };
}
