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
            <span className="referenced-by-code">
              ({r.withinArtefact ? 'this document' : r.source.code})
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

const citations = (n: number) => `${n} ${n === 1 ? 'citation' : 'citations'}`;

/**
 * "Referenced by 3 citations in other artefacts: BSC 1, REC 2; and 12 within this document", for
 * the whole artefact.
 */
export function ReferenceCounts({
  counts,
  withinArtefact,
}: {
  counts: Record<string, number>;
  withinArtefact: number;
}) {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0 && withinArtefact === 0) return null;
  const others =
    total === 0
      ? 'no other artefact'
      : `${citations(total)} in other artefacts: ${entries.map(([code, n]) => `${code} ${n}`).join(', ')}`;
  return (
    <p className="reference-counts" data-testid="reference-counts">
      Referenced by {others}
      {withinArtefact > 0 && `; and ${citations(withinArtefact)} within this document`}
    </p>
  );
}
