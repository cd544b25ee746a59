import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listArtefacts, type Artefact } from '../api';
import { useAuth } from '../auth';
import { ArtefactFilter } from '../Filters';
import { NoRequirementsForm } from '../requirements/NoRequirementsForm';
import { RequirementForm } from '../requirements/RequirementForm';
import {
  listRequirements,
  removeTrace,
  type Requirement,
  type Trace,
} from '../requirements/requirementsApi';
import { TraceForm } from '../requirements/TraceForm';
import { useApi } from '../useApi';

const EDITORS = ['programme', 'admin'];

/** Design requirements and the clauses they are traced to, broken traces marked. */
export function RequirementsPage() {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const canCreate = user !== null && EDITORS.includes(user.role);
  const canTrace = (code: string) =>
    canCreate || (user?.role === 'code_body' && user.code === code);
  const [params, setParams] = useSearchParams();
  const artefactId = params.get('artefactId') ?? '';
  const [reloads, setReloads] = useState(0);
  const loaded = useApi(
    (signal) => listRequirements({ artefactId }, signal),
    [artefactId, reloads],
  );
  const artefacts = useApi((signal) => listArtefacts({}, signal), []);
  const traceable = (artefacts.data ?? []).filter((a) => canTrace(a.code));
  const chosen = (artefacts.data ?? []).find((a) => a.id === artefactId || a.slug === artefactId);
  // Edits show at once, over the list they were made on; a new load starts from the server's.
  const [edits, setEdits] = useState<{ on?: Requirement[]; byId: Record<string, Requirement> }>({
    byId: {},
  });
  const edited = edits.on === loaded.data ? edits.byId : {};
  const requirements = (loaded.data ?? []).map((r) => edited[r.id] ?? r);
  const replace = (r: Requirement) => setEdits({ on: loaded.data, byId: { ...edited, [r.id]: r } });

  return (
    <>
      <title>Requirements · M6 Review</title>
      <h1>Requirements</h1>
      <p className="muted">
        Design requirements traced to the clauses that implement them. A trace is broken when the
        artefact&apos;s current version no longer has the clause.
      </p>
      <form
        className="filters"
        role="search"
        aria-label="Filter the requirements"
        onSubmit={(e) => e.preventDefault()}
      >
        <ArtefactFilter
          id="requirements-artefact"
          value={artefactId}
          artefacts={artefacts.data}
          onChange={(value) => setParams(value ? { artefactId: value } : {}, { replace: true })}
        />
      </form>
      {chosen && canTrace(chosen.code) && <NoRequirementsForm artefact={chosen} />}
      {loaded.error && (
        <p className="error" role="alert">
          {loaded.error.message}
        </p>
      )}
      <p role="status" className="result-count">
        {loaded.loading ? 'Loading…' : `${requirements.length} shown`}
      </p>
      <ol className="register" aria-busy={loaded.loading}>
        {requirements.map((r) => (
          <li key={r.id}>
            <RequirementEntry
              requirement={r}
              traceable={traceable}
              canTrace={canTrace}
              onChange={replace}
            />
          </li>
        ))}
      </ol>
      {!loaded.loading && !loaded.error && requirements.length === 0 && (
        <p className="empty">No requirements match.</p>
      )}
      {canCreate && <RequirementForm onCreated={() => setReloads((n) => n + 1)} />}
    </>
  );
}

interface EntryProps {
  requirement: Requirement;
  traceable: Artefact[];
  canTrace(code: string): boolean;
  onChange(requirement: Requirement): void;
}

function RequirementEntry({ requirement: r, traceable, canTrace, onChange }: EntryProps) {
  const [error, setError] = useState<string | null>(null);

  async function untrace(t: Trace) {
    setError(null);
    try {
      onChange(await removeTrace(r.id, { artefactId: t.artefactId, clauseRef: t.clauseRef }));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <article className="register-entry" aria-labelledby={`requirement-${r.id}`}>
      <h2 id={`requirement-${r.id}`} className="comment-ref">
        {r.id}
      </h2>
      <p className="plain-text">{r.text}</p>
      <p className="muted comment-meta">Source: {r.source}</p>
      {r.traces.length === 0 ? (
        <p className="muted">Not traced to any clause.</p>
      ) : (
        <ul className="affects" aria-label={`Traces of ${r.id}`}>
          {r.traces.map((t) => (
            <li key={`${t.artefactId} ${t.clauseRef}`} className={t.broken ? 'broken' : undefined}>
              <Link
                to={`/artefacts/${encodeURIComponent(t.slug)}?clause=${encodeURIComponent(t.clauseRef)}`}
              >
                {t.reference} clause {t.clauseRef}
              </Link>
              {t.broken && (
                <strong className="broken-trace">
                  {' '}
                  Broken: clause no longer in the current version
                </strong>
              )}
              {canTrace(t.code) && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove trace to ${t.reference} clause ${t.clauseRef}`}
                  onClick={() => void untrace(t)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {traceable.length > 0 && (
        <TraceForm requirement={r} artefacts={traceable} onChange={onChange} />
      )}
    </article>
  );
}
