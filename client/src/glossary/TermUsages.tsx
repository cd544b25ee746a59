import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../api';
import { plural } from '../format';
import { hitLink, searchText, type SearchHit } from '../search/searchApi';
import { SnippetText } from '../search/SnippetText';

interface Pages {
  hits: SearchHit[];
  cursor: string | null;
  loading: boolean;
  error?: ApiError;
}

/**
 * "Where used": the clauses of current versions that use the term, found by a phrase search and
 * loaded only when the reader opens the list.
 */
export function TermUsages({ term, id }: { term: string; id: string }) {
  const [open, setOpen] = useState(false);
  const [pages, setPages] = useState<Pages | null>(null);

  function load(cursor?: string) {
    setPages((p) => ({ hits: p?.hits ?? [], cursor: p?.cursor ?? null, loading: true }));
    searchText({ q: `"${term}"`, scope: 'clauses', version: 'current', cursor }).then(
      (page) =>
        setPages((p) => ({
          hits: [...(p?.hits ?? []), ...page.data],
          cursor: page.nextCursor,
          loading: false,
        })),
      (error: ApiError) =>
        setPages((p) => ({ hits: p?.hits ?? [], cursor: cursor ?? null, loading: false, error })),
    );
  }

  function toggle() {
    if (!open && !pages) load();
    setOpen(!open);
  }

  const panelId = `${id}-usages`;
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        Where used
      </button>
      <div id={panelId} className="glossary-usages" hidden={!open}>
        {pages && (
          <p role="status">
            {pages.loading && pages.hits.length === 0
              ? 'Searching…'
              : pages.hits.length === 0
                ? `“${term}” is not used in any current clause.`
                : `Used in ${pages.cursor ? 'at least ' : ''}${plural(pages.hits.length, 'clause')}`}
          </p>
        )}
        {pages?.error && (
          <p className="error" role="alert">
            {pages.error.message}
          </p>
        )}
        {pages && pages.hits.length > 0 && (
          <ol aria-label={`Where ${term} is used`}>
            {pages.hits.map(
              (hit, i) =>
                hit.type === 'clause' && (
                  <li key={i}>
                    <Link to={hitLink(hit)}>
                      {hit.artefact.code} {hit.artefact.reference} {hit.clauseRef}
                    </Link>
                    {': '}
                    <SnippetText parts={hit.snippet} />
                  </li>
                ),
            )}
          </ol>
        )}
        {pages?.cursor && (
          <button
            type="button"
            className="secondary"
            disabled={pages.loading}
            onClick={() => load(pages.cursor ?? undefined)}
          >
            {pages.loading ? 'Loading…' : 'More uses'}
          </button>
        )}
      </div>
    </>
  );
}
