/**
 * Lets the event loop serve other requests. A chain of awaited database calls does not: each one
 * resolves as a microtask, so a long transaction on SQLite (whose driver answers synchronously)
 * would otherwise hold every other request, health checks included, until it commits.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
