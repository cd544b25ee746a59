import { useEffect, useState } from 'react';
import { getVersion, type Clause } from '../api';

// A queue shows many comments on the same few versions: fetch each version's clauses once.
const cache = new Map<string, Promise<Clause[]>>();

function loadClauses(artefactId: string, versionId: string): Promise<Clause[]> {
  const key = `${artefactId}/${versionId}`;
  let clauses = cache.get(key);
  if (!clauses) {
    clauses = getVersion(artefactId, versionId).then((v) => v.clauses);
    // A failure is not cached, so the next render may try again.
    clauses.catch(() => cache.delete(key));
    cache.set(key, clauses);
  }
  return clauses;
}

export type ClauseLookup =
  | { status: 'loading' }
  | { status: 'found'; clause: Clause }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export function useClause(artefactId: string, versionId: string, ref: string): ClauseLookup {
  const [result, setResult] = useState<ClauseLookup>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ status: 'loading' });
    loadClauses(artefactId, versionId).then(
      (clauses) => {
        const clause = clauses.find((c) => c.ref === ref);
        if (current) setResult(clause ? { status: 'found', clause } : { status: 'missing' });
      },
      (error: unknown) => {
        if (current) setResult({ status: 'error', message: (error as Error).message });
      },
    );
    return () => {
      current = false;
    };
  }, [artefactId, versionId, ref]);
  return result;
}
