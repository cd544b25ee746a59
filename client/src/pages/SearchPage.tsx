import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQueryParams } from '../useQueryParams';
import type { ApiError } from '../api';
import { CODE_CHOICES, FilterSelect } from '../Filters';
import { plural } from '../format';
import { hitLink, searchText, type SearchHit, type SearchParams } from '../search/searchApi';
import { SnippetText } from '../search/SnippetText';
import { useApi } from '../useApi';

const SCOPE_CHOICES = [
  { value: 'clauses', label: 'Clauses' },
  { value: 'comments', label: 'Comments' },
];
const VERSION_CHOICES = [
  { value: 'current', label: 'Current versions' },
  { value: 'all', label: 'All versions' },
];

interface LaterPages {
  key: string;
  hits: SearchHit[];
  cursor: string | null;
  loading: boolean;
  error?: ApiError;
}

/** Results of a full-text search over every clause, or the comments the reader may see. */
export function SearchPage() {
  const [params, updateParams] = useQueryParams();
  const q = params.get('q') ?? '';
  const code = params.get('code') ?? '';
  const scope: SearchParams['scope'] = params.get('scope') === 'comments' ? 'comments' : 'clauses';
  const version: SearchParams['version'] = params.get('version') === 'all' ? 'all' : 'current';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const request: SearchParams = { q: q.trim(), code: code || undefined, scope, version };
  const key = JSON.stringify(request);
  const first = useApi(request.q ? (signal) => searchText(request, signal) : null, [key]);
  const [later, setLater] = useState<LaterPages | undefined>();
  const pages = later?.key === key ? later : undefined;
  const hits = [...(first.data?.data ?? []), ...(pages?.hits ?? [])];
  const cursor = pages ? pages.cursor : (first.data?.nextCursor ?? null);

  const setParam = (name: string, value: string) => updateParams({ [name]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    setParam('q', text.trim());
  }

  function loadMore() {
    if (!cursor) return;
    setLater({ key, hits: pages?.hits ?? [], cursor, loading: true });
    searchText({ ...request, cursor }).then(
      (page) =>
        setLater({
          key,
          hits: [...(pages?.hits ?? []), ...page.data],
          cursor: page.nextCursor,
          loading: false,
        }),
      (error: ApiError) =>
        setLater({ key, hits: pages?.hits ?? [], cursor, loading: false, error }),
    );
  }

  const noun = scope === 'comments' ? 'comment' : 'clause';
  const found = hits.length
    ? `${cursor ? 'First ' : ''}${plural(hits.length, noun)} found`
    : `No ${noun}s found`;
  const status = !request.q
    ? 'Type words to search for.'
    : first.loading
      ? 'Searching…'
      : first.data
        ? `${found} for “${request.q}”${cursor ? '; more below' : ''}`
        : '';

  return (
    <>
      <title>{request.q ? `Search: ${request.q} · M6 Review` : 'Search · M6 Review'}</title>
      <h1>Search</h1>
      <p className="muted">
        Every word must occur, in any form (“collectors” finds “Collector”); put words in quotes to
        find them together, and end a word with * to match its beginning.
      </p>
      <form className="filters" role="search" aria-label="Search text" onSubmit={submit}>
        <div className="field">
          <label htmlFor="search-q">Words</label>
          <input
            id="search-q"
            type="search"
            maxLength={200}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit">Search</button>
        <FilterSelect
          id="search-code"
          label="Code"
          value={code}
          options={CODE_CHOICES}
          onChange={(value) => setParam('code', value)}
        />
        <FilterSelect
          id="search-scope"
          label="Search in"
          value={scope}
          options={SCOPE_CHOICES}
          all={null}
          onChange={(value) => setParam('scope', value === 'clauses' ? '' : value)}
        />
        {scope === 'clauses' && (
          <FilterSelect
            id="search-version"
            label="Versions"
            value={version}
            options={VERSION_CHOICES}
            all={null}
            onChange={(value) => setParam('version', value === 'current' ? '' : value)}
          />
        )}
      </form>

      <p className="result-count" role="status">
        {status}
      </p>
      {first.data?.broad && (
        <p className="muted" data-testid="broad-search">
          More than {first.data.rankedMatches.toLocaleString('en-GB')} clauses match. The first{' '}
          {first.data.rankedMatches.toLocaleString('en-GB')} in the index are shown best first and
          the rest follow in index order; add words or choose a code to narrow the search.
        </p>
      )}
      {(first.error ?? pages?.error) && (
        <p className="error" role="alert">
          {(first.error ?? pages?.error)?.message}
        </p>
      )}

      {hits.length > 0 && (
        <ol className="search-results" aria-busy={first.loading}>
          {hits.map((hit, i) => (
            <li key={i}>
              <SearchResult hit={hit} />
            </li>
          ))}
        </ol>
      )}
      {cursor && (
        <button type="button" className="secondary" disabled={pages?.loading} onClick={loadMore}>
          {pages?.loading ? 'Loading…' : 'More results'}
        </button>
      )}
    </>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const where = `${hit.artefact.code} ${hit.artefact.reference} ${hit.clauseRef}`;
  return (
    <>
      <p className="search-hit-title">
        <Link to={hitLink(hit)}>
          {hit.type === 'clause'
            ? `${where}${hit.heading ? ` ${hit.heading}` : ''}`
            : `${hit.comment.ref} on ${where}`}
        </Link>{' '}
        <span className="muted">
          {hit.type === 'clause'
            ? `${hit.version.label}${hit.version.current ? '' : ' (superseded)'}`
            : `${hit.field === 'proposedText' ? 'proposed text' : 'comment'}${hit.comment.confidential ? ', confidential' : ''}`}
        </span>
      </p>
      <p className="search-snippet">
        <SnippetText parts={hit.snippet} />
      </p>
    </>
  );
}
