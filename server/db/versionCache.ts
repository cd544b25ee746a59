import { clauseSuccessors, type ClauseSuccessor } from '../domain/alignClauses.js';
import { computeRedline, type Redline } from '../domain/redline.js';
import type { Clause } from '../domain/parseClauses.js';
import { findVersionClauses, type VersionClauses } from './queries/artefacts.js';

export type { VersionClauses };
import type { Db } from './database.js';
import { ReadCache } from './readCache.js';

// Versions never change once published, so what is computed from them is cached for good
// (bounded by size, never by version).
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

export function cachedRedline(from: VersionClauses, to: VersionClauses): Redline {
  const key = `${from.id}>${to.id}`;
  const hit = redlines.get(key, IMMUTABLE) as Redline | undefined;
  if (hit) return hit;
  const redline = computeRedline(from.clauses, to.clauses);
  redlines.set(key, IMMUTABLE, redline);
  return redline;
}

export function cachedSuccessors(
  from: { id: string; clauses: Clause[] },
  to: { id: string; clauses: Clause[] },
): Map<string, ClauseSuccessor> {
  const key = `${from.id}>${to.id}`;
  const hit = successors.get(key, IMMUTABLE) as Map<string, ClauseSuccessor> | undefined;
  if (hit) return hit;
  const map = clauseSuccessors(from.clauses, to.clauses);
  successors.set(key, IMMUTABLE, map);
  return map;
}
