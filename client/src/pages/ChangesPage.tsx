import { useState } from 'react';
import { listArtefacts, type Artefact } from '../api';
import { useAuth } from '../auth';
import { AffectedArtefacts } from '../changes/AffectedArtefacts';
import { ChangeForm } from '../changes/ChangeForm';
import { CHANGE_STATUSES, listChanges, type Change } from '../changes/changesApi';
import { ArtefactFilter, FilterSelect, choices } from '../Filters';
import { formatDate, humanise } from '../format';
import { useApi } from '../useApi';
import { useQueryParams } from '../useQueryParams';

const EDITORS = ['programme', 'admin'];
const STATUS_CHOICES = choices(CHANGE_STATUSES, humanise);

/** The register of Change Requests and Design Issue Notes and the artefacts each affects. */
export function ChangesPage() {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const canEdit = user !== null && EDITORS.includes(user.role);
  const canMark = (code: string) => canEdit || (user?.role === 'code_body' && user.code === code);
  const [params, updateParams] = useQueryParams();
  const status = params.get('status') ?? '';
  const artefactId = params.get('artefactId') ?? '';
  const [reloads, setReloads] = useState(0);
  const loaded = useApi(
    (signal) => listChanges({ status, artefactId }, signal),
    [status, artefactId, reloads],
  );
  const artefacts = useApi((signal) => listArtefacts({}, signal), []);
  // Edits show at once, over the list they were made on; a new load starts from the server's.
  const [edits, setEdits] = useState<{ on?: Change[]; byId: Record<string, Change> }>({
    byId: {},
  });
  const edited = edits.on === loaded.data ? edits.byId : {};
  const changes = (loaded.data ?? []).map((c) => edited[c.id] ?? c);
  const replace = (c: Change) => setEdits({ on: loaded.data, byId: { ...edited, [c.id]: c } });

  function setParam(name: string, value: string) {
    updateParams({ [name]: value });
  }

  return (
    <>
      <title>Changes · M6 Review</title>
      <h1>Changes</h1>
      <p className="muted">
        MHHS Change Requests and Design Issue Notes, and the code artefacts each affects.
      </p>
      <form
        className="filters"
        role="search"
        aria-label="Filter the change register"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect
          id="changes-status"
          label="Status"
          value={status}
          options={STATUS_CHOICES}
          onChange={(value) => setParam('status', value)}
        />
        <ArtefactFilter
          id="changes-artefact"
          value={artefactId}
          artefacts={artefacts.data}
          onChange={(value) => setParam('artefactId', value)}
        />
      </form>
      {loaded.error && (
        <p className="error" role="alert">
          {loaded.error.message}
        </p>
      )}
      <p role="status" className="result-count">
        {loaded.loading ? 'Loading…' : `${changes.length} shown`}
      </p>
      <ol className="register" aria-busy={loaded.loading}>
        {changes.map((c) => (
          <li key={c.id}>
            <ChangeEntry
              change={c}
              artefacts={canEdit ? artefacts.data : undefined}
              canMark={canMark}
              onChange={replace}
            />
          </li>
        ))}
      </ol>
      {!loaded.loading && !loaded.error && changes.length === 0 && (
        <p className="empty">No changes match these filters.</p>
      )}
      {canEdit && artefacts.data && (
        <ChangeForm artefacts={artefacts.data} onSaved={() => setReloads((n) => n + 1)} />
      )}
    </>
  );
}

interface EntryProps {
  change: Change;
  /** The registry, for editors only: with it the change can be edited. */
  artefacts: Artefact[] | undefined;
  canMark(code: string): boolean;
  onChange(change: Change): void;
}

function ChangeEntry({ change: c, artefacts, canMark, onChange }: EntryProps) {
  const [editing, setEditing] = useState(false);
  return (
    <article className="register-entry" aria-labelledby={`change-${c.id}`}>
      <header className="comment-header">
        <h2 id={`change-${c.id}`} className="comment-ref">
          {c.id} <span className="register-title">{c.title}</span>
        </h2>
        <span className={`status change-${c.status}`}>{humanise(c.status)}</span>
        <span className="tag">{c.type === 'DIN' ? 'Design Issue Note' : 'Change Request'}</span>
        {c.postM6 && <span className="tag">Post-M6</span>}
      </header>
      {c.decidedAt && <p className="muted comment-meta">Decided {formatDate(c.decidedAt)}</p>}
      <AffectedArtefacts change={c} canMark={canMark} onChange={onChange} />
      {artefacts &&
        (editing ? (
          <ChangeForm
            artefacts={artefacts}
            change={c}
            onSaved={(saved) => {
              onChange(saved);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Edit {c.id}
          </button>
        ))}
    </article>
  );
}
