import type { ClauseSuccessor } from '../domain/alignClauses.js';
import type { Clause } from '../domain/parseClauses.js';
import { clauseTextSize, runTask } from '../lib/offThread.js';
import { findVersionClauses, type VersionClauses } from './queries/artefacts.js';

export type { VersionClauses };
import type { Db } from './database.js';
import { ReadCache } from './readCache.js';

// Versions never change once published, so what is computed from them is cached for good
// (bounded by size, never by version). Comparisons are cached as promises, so that requests
// arriving while one is computed wait for it instead of starting their own.
const IMMUTABLE = 0;
const versions = new ReadCache(200);
const redlines = new ReadCache(50);
const successors = new ReadCache(200);

export async function loadVersionClauses(
  db: Db,
  versionId: string,
): Promise<VersionClauses | undefined> {
  const hit = versions.get(versionId, IMMUTABLE) as VersionClauses | undefined;
  if (hit) return hit;
  const version = await findVersionClauses(db, versionId);
  if (version) versions.set(versionId, IMMUTABLE, version);
  return version;
}

/** What is computed once per key, shared by requests arriving while it is computed. */
export function cachedPromise<T>(
  cache: ReadCache,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = cache.get(key, IMMUTABLE) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = compute();
  cache.set(key, IMMUTABLE, pending);
  // A failure (e.g. a comparison stopped at its deadline) is not remembered.
  pending.catch(() => cache.forget(key));
  return pending;
}

/** The presented redline between two versions, as UTF-8 JSON. */
export function cachedRedlineJson(from: VersionClauses, to: VersionClauses): Promise<Buffer> {
  return cachedPromise(redlines, `${from.id}>${to.id}`, () =>
    runTask(
      'redline',
      [from.clauses, to.clauses],
      clauseTextSize(from.clauses) + clauseTextSize(to.clauses),
    ).then((bytes) =>
      Buffer.isBuffer(bytes)
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ),
  );
}

export function cachedSuccessors(
  from: { id: string; clauses: Clause[] },
  to: { id: string; clauses: Clause[] },
): Promise<Map<string, ClauseSuccessor>> {
  return cachedPromise(successors, `${from.id}>${to.id}`, () =>
    runTask(
      'successors',
      [from.clauses, to.clauses],
      clauseTextSize(from.clauses) + clauseTextSize(to.clauses),
    ),
  );
}
