import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { listArtefacts, type Artefact } from '../api';
import { BragBadge } from '../BragBadge';
import { BragLegend } from '../BragLegend';
import { CODE_CHOICES, FilterSearch, FilterSelect, choices } from '../Filters';
import { CODES, KIND_LABELS, formatDate, humanise, kindLabel, plural } from '../format';
import { BRAG_ORDER } from '../readiness/readinessApi';
import { useApi } from '../useApi';
import { useQueryParams } from '../useQueryParams';

const SEARCH_DELAY_MS = 300;
const KIND_CHOICES = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
const BRAG_CHOICES = choices(BRAG_ORDER, humanise);

export interface ArtefactLinkState {
  registrySearch?: string;
}

function countByCode(artefacts: Artefact[]): string {
  const counts = new Map<string, number>(CODES.map((code) => [code, 0]));
  for (const { code } of artefacts) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => `${code} ${count}`).join(' · ');
}

export function RegistryPage() {
  const location = useLocation();
  const [params, updateParams] = useQueryParams();
  const code = params.get('code') ?? '';
  const kind = params.get('kind') ?? '';
  const q = params.get('q') ?? '';
  const brag = params.get('brag') ?? '';

  const [search, setSearch] = useState(q);
  // The last search we wrote to the URL, so only outside changes (e.g. Back) reset the box.
  const writtenSearch = useRef(q);

  function setParam(name: string, value: string, replace = false) {
    updateParams({ [name]: value }, { replace });
  }

  useEffect(() => {
    if (q === writtenSearch.current) return;
    writtenSearch.current = q;
    setSearch(q);
  }, [q]);

  useEffect(() => {
    if (search === writtenSearch.current) return;
    const timer = setTimeout(() => {
      writtenSearch.current = search;
      setParam('q', search, true);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  function clearFilters() {
    writtenSearch.current = '';
    setSearch('');
    updateParams({ code: null, kind: null, brag: null, q: null }, { replace: false });
  }

  const all = useApi((signal) => listArtefacts({}, signal), []);
  const shown = useApi(
    (signal) => listArtefacts({ code, kind, brag, q: q.trim() }, signal),
    [code, kind, brag, q],
  );
  const rows = shown.data ?? [];
  const filtered = Boolean(code || kind || brag || q.trim());

  return (
    <>
      <title>Registry · M6 Review</title>
      <h1>Artefact registry</h1>
      {all.data && (
        <p className="summary">
          {plural(all.data.length, 'artefact')} in the registry: {countByCode(all.data)}
        </p>
      )}

      <form
        className="filters"
        role="search"
        aria-label="Filter the registry"
        onSubmit={(event) => event.preventDefault()}
      >
        <FilterSelect
          id="filter-code"
          label="Code"
          value={code}
          options={CODE_CHOICES}
          onChange={(value) => setParam('code', value)}
        />
        <FilterSelect
          id="filter-kind"
          label="Kind"
          value={kind}
          options={KIND_CHOICES}
          onChange={(value) => setParam('kind', value)}
        />
        <FilterSelect
          id="filter-brag"
          label="BRAG"
          value={brag}
          options={BRAG_CHOICES}
          onChange={(value) => setParam('brag', value)}
        />
        <FilterSearch id="filter-search" label="Search" value={search} onChange={setSearch} />
        {filtered && (
          <button type="button" className="secondary" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </form>
      <BragLegend />

      <p className="result-count" role="status">
        {shown.loading
          ? 'Loading…'
          : shown.data
            ? `Showing ${plural(rows.length, 'artefact')}`
            : ''}
      </p>
      {shown.error && (
        <p className="error" role="alert">
          {shown.error.message}
        </p>
      )}

      <div className="table-wrap">
        <table aria-busy={shown.loading}>
          <caption className="visually-hidden">Artefacts</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Reference</th>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Topic area</th>
              <th scope="col">Status</th>
              <th scope="col">BRAG</th>
              <th scope="col">Outstanding comments</th>
              <th scope="col">Current version</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((artefact) => (
              <tr key={artefact.id} className={`brag-row brag-row-${artefact.brag}`}>
                <td>{artefact.code}</td>
                <td>
                  <Link
                    to={`/artefacts/${encodeURIComponent(artefact.slug)}`}
                    state={{ registrySearch: location.search } satisfies ArtefactLinkState}
                  >
                    {artefact.reference}
                  </Link>
                </td>
                <td>{artefact.title}</td>
                <td>{kindLabel(artefact.kind)}</td>
                <td>{artefact.topicArea}</td>
                <td className="nowrap">{artefact.status}</td>
                <td>
                  <BragBadge brag={artefact.brag} />
                  {artefact.bragSource === 'override' && <span className="muted"> (override)</span>}
                </td>
                <td className="numeric" data-testid={`outstanding-${artefact.slug}`}>
                  {artefact.outstandingComments}
                  <span className="muted"> of {artefact.totalComments}</span>
                </td>
                <td>
                  {artefact.currentVersion ? (
                    <>
                      {artefact.currentVersion.label}{' '}
                      <span className="muted">{formatDate(artefact.currentVersion.createdAt)}</span>
                    </>
                  ) : (
                    <span className="muted">None</span>
                  )}
                </td>
              </tr>
            ))}
            {shown.data && rows.length === 0 && (
              <tr>
                <td colSpan={9} className="empty">
                  No artefacts match these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
