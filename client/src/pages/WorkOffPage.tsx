import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth';
import { FilterSelect, choices } from '../Filters';
import { CODES, formatDateTime, humanise } from '../format';
import { useApi } from '../useApi';
import { useQueryParams } from '../useQueryParams';
import { WorkOffForm } from '../workOff/WorkOffForm';
import {
  WORK_OFF_STATUSES,
  WORK_OFF_TARGETS,
  exportWorkOff,
  listWorkOff,
  type WorkOffItem,
} from '../workOff/workOffApi';

const STATUS_CHOICES = choices(WORK_OFF_STATUSES, humanise);
const TARGET_CHOICES = choices(WORK_OFF_TARGETS, (t) => t);
const CODE_CHOICES = choices(CODES, (c) => c);

/** How an item is named: its comment's or change's reference, or nothing for a hidden comment. */
const itemLabel = (item: WorkOffItem): string =>
  item.source.kind === 'change'
    ? item.source.id
    : item.source.hidden
      ? `on ${item.source.artefact.reference}`
      : item.source.ref;

/** The post-M6 work-off register: deferred comments and post-M6 changes, and who works them off. */
export function WorkOffPage() {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const canEdit = (item: WorkOffItem) =>
    user !== null &&
    (user.role === 'programme' ||
      user.role === 'admin' ||
      (user.role === 'code_body' && item.owner !== null && user.code === item.owner.code));
  const [params, updateParams] = useQueryParams();
  const filters = {
    code: params.get('code') ?? '',
    status: params.get('status') ?? '',
    target: params.get('target') ?? '',
  };
  const loaded = useApi(
    (signal) => listWorkOff(filters, signal),
    [filters.code, filters.status, filters.target],
  );
  // Saved items show at once, over the list they were saved on.
  const [saved, setSaved] = useState<{ on?: WorkOffItem[]; byId: Record<string, WorkOffItem> }>({
    byId: {},
  });
  const current = saved.on === loaded.data ? saved.byId : {};
  const items = (loaded.data ?? []).map((i) => current[i.id] ?? i);
  const [editing, setEditing] = useState<string | null>(null);
  const editItem = items.find((i) => i.id === editing);
  const [exportError, setExportError] = useState<string | null>(null);

  function setParam(name: string, value: string) {
    updateParams({ [name]: value });
  }

  async function download(format: 'csv' | 'xlsx') {
    setExportError(null);
    try {
      await exportWorkOff(filters, format);
    } catch (caught) {
      setExportError((caught as Error).message);
    }
  }

  return (
    <>
      <title>Work-off · M6 Review</title>
      <h1>Post-M6 work-off</h1>
      <p className="muted">
        Comments deferred to after M6 and post-M6 changes: who owns each, the milestone it is aimed
        at and where it stands.
      </p>
      <form
        className="filters"
        role="search"
        aria-label="Filter the work-off register"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect
          id="work-off-code"
          label="Owner"
          value={filters.code}
          options={CODE_CHOICES}
          onChange={(value) => setParam('code', value)}
        />
        <FilterSelect
          id="work-off-status"
          label="Status"
          value={filters.status}
          options={STATUS_CHOICES}
          onChange={(value) => setParam('status', value)}
        />
        <FilterSelect
          id="work-off-target"
          label="Target"
          value={filters.target}
          options={TARGET_CHOICES}
          onChange={(value) => setParam('target', value)}
        />
      </form>
      <div className="export">
        <button type="button" className="secondary" onClick={() => void download('csv')}>
          Download CSV
        </button>
        <button type="button" className="secondary" onClick={() => void download('xlsx')}>
          Download Excel
        </button>
        {exportError && (
          <p className="error" role="alert">
            {exportError}
          </p>
        )}
      </div>
      {loaded.error && (
        <p className="error" role="alert">
          {loaded.error.message}
        </p>
      )}
      <p role="status" className="result-count">
        {loaded.loading ? 'Loading…' : `${items.length} shown`}
      </p>
      {editItem && (
        <WorkOffForm
          key={`${editItem.id}-${editItem.revision}`}
          item={editItem}
          label={itemLabel(editItem)}
          onSaved={(item) => {
            setSaved({ on: loaded.data, byId: { ...current, [item.id]: item } });
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="compact" aria-busy={loaded.loading}>
            <caption className="visually-hidden">Post-M6 work-off items</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Document</th>
                <th scope="col">Subject</th>
                <th scope="col">Owner</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Notes</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid={`work-off-${itemLabel(item)}`}>
                  <SourceCells item={item} />
                  <td>{item.owner?.code ?? 'Not yet assigned'}</td>
                  <td>{item.target ?? 'Not set'}</td>
                  <td>{humanise(item.status)}</td>
                  <td className="plain-text">{item.notes}</td>
                  <td>
                    {formatDateTime(item.updatedAt)}
                    {item.updatedBy && ` by ${item.updatedBy}`}
                  </td>
                  <td>
                    {canEdit(item) && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setEditing(item.id)}
                      >
                        Edit {itemLabel(item)}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!loaded.loading && !loaded.error && items.length === 0 && (
        <p className="empty">
          No work-off items match. Items appear when the SRO approves the M6 baseline.
        </p>
      )}
    </>
  );
}

/** Source, document and subject, each source linked to where it can be read. */
function SourceCells({ item }: { item: WorkOffItem }) {
  const s = item.source;
  if (s.kind === 'change')
    return (
      <>
        <td>
          <Link to={`/changes#change-${encodeURIComponent(s.id)}`}>Change {s.id}</Link>
        </td>
        <td>–</td>
        <td>{s.title}</td>
      </>
    );
  const document = (
    <Link to={`/artefacts/${encodeURIComponent(s.artefact.slug)}`}>{s.artefact.reference}</Link>
  );
  if (s.hidden)
    return (
      <>
        <td>A confidential comment</td>
        <td>{document}</td>
        <td className="muted">Not shown to you</td>
      </>
    );
  return (
    <>
      <td>
        <Link
          to={`/artefacts/${encodeURIComponent(s.artefact.slug)}?clause=${encodeURIComponent(s.clauseRef)}#comment-${encodeURIComponent(s.id)}`}
        >
          Comment {s.ref}
        </Link>
      </td>
      <td>{document}</td>
      <td className="plain-text">
        Clause {s.clauseRef}: {s.body}
      </td>
    </>
  );
}
