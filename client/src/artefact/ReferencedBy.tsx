import type { CrossReference } from './referencesApi';

interface Props {
  clauseRef: string;
  references: readonly CrossReference[];
}

/** The clauses, in this artefact and others, whose text cites this clause. */
export function ReferencedBy({ clauseRef, references }: Props) {
  if (references.length === 0) return null;
  const headingId = `referenced-by-${clauseRef.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return (
    <aside className="referenced-by" aria-labelledby={headingId}>
      <h3 id={headingId} className="referenced-by-heading">
        Referenced by ({references.length})
      </h3>
      <ul>
        {references.map((r, i) => (
          <li key={i}>
            <a href={r.source.href ?? undefined}>
              {r.source.reference} {r.source.clauseRef}
            </a>{' '}
            <span className="referenced-by-code">({r.source.code})</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** "Referenced by 3 clauses: BSC 1, REC 2", for the whole artefact. */
export function ReferenceCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  return (
    <p className="reference-counts" data-testid="reference-counts">
      Referenced by {total} {total === 1 ? 'citation' : 'citations'}:{' '}
      {entries.map(([code, n]) => `${code} ${n}`).join(', ')}
    </p>
  );
}
