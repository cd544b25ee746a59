// The outcome of looking up a name a log uses: the thing found, or why nothing was.

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };
