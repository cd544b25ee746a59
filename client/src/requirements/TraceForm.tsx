import { useState, type FormEvent } from 'react';
import type { Artefact } from '../api';
import { addTrace, type Requirement } from './requirementsApi';

interface Props {
  requirement: Requirement;
  /** The artefacts the viewer may trace to. */
  artefacts: Artefact[];
  onChange(requirement: Requirement): void;
}

/** Traces a requirement to a clause of an artefact's current version. */
export function TraceForm({ requirement, artefacts, onChange }: Props) {
  const [artefactId, setArtefactId] = useState('');
  const [clauseRef, setClauseRef] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `trace-${requirement.id}`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!artefactId || !clauseRef.trim()) {
      setError('Choose an artefact and name the clause, e.g. 1.1.1.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onChange(await addTrace(requirement.id, { artefactId, clauseRef: clauseRef.trim() }));
      setClauseRef('');
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="filters" onSubmit={handleSubmit} aria-label={`Trace ${requirement.id}`}>
      <div className="field artefact-filter">
        <label htmlFor={`${prefix}-artefact`}>Artefact</label>
        <select
          id={`${prefix}-artefact`}
          value={artefactId}
          onChange={(e) => setArtefactId(e.target.value)}
        >
          <option value="">Choose…</option>
          {artefacts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.reference} — {a.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-clause`}>Clause</label>
        <input
          id={`${prefix}-clause`}
          value={clauseRef}
          size={10}
          onChange={(e) => setClauseRef(e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        Add trace
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
