import { useState, type FormEvent } from 'react';
import type { Artefact } from '../api';
import { londonInputToIso } from '../format';
import { ArtefactPicker } from './ArtefactPicker';
import { createConsultation, type Consultation } from './consultationsApi';

interface Props {
  artefacts: Artefact[];
  onCreated(consultation: Consultation): void;
}

/** A datetime-local value is London wall-clock time, as dates are shown; the API wants an instant. */
const toIso = londonInputToIso;

export function CreateConsultationForm({ artefacts, onCreated }: Props) {
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const problems: Record<string, string> = {};
  if (!title.trim()) problems.title = 'Give the consultation a title.';
  if (!opensAt) problems.opensAt = 'Choose when it opens.';
  if (!closesAt) problems.closesAt = 'Choose when it closes.';
  else if (opensAt && closesAt <= opensAt) problems.closesAt = 'It must close after it opens.';
  if (selected.size === 0) problems.artefacts = 'Choose at least one artefact.';
  const shown = (name: string) => (attempted ? problems[name] : undefined);
  const describe = (name: string) =>
    shown(name)
      ? { 'aria-invalid': true as const, 'aria-describedby': `consultation-${name}-error` }
      : {};
  const problem = (name: string) =>
    shown(name) && (
      <p id={`consultation-${name}-error`} className="field-error">
        {shown(name)}
      </p>
    );

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await createConsultation({
          title: title.trim(),
          opensAt: toIso(opensAt),
          closesAt: toIso(closesAt),
          artefacts: [...selected],
        }),
      );
      setTitle('');
      setOpensAt('');
      setClosesAt('');
      setSelected(new Set());
      setAttempted(false);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="consultation-form" onSubmit={handleSubmit} aria-labelledby="new-consultation">
      <h2 id="new-consultation">New consultation</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="consultation-title">Title</label>
        <input
          id="consultation-title"
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
          {...describe('title')}
        />
        {problem('title')}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="consultation-opens">Opens</label>
          <input
            id="consultation-opens"
            type="datetime-local"
            value={opensAt}
            onChange={(e) => setOpensAt(e.target.value)}
            {...describe('opensAt')}
          />
          {problem('opensAt')}
        </div>
        <div className="field">
          <label htmlFor="consultation-closes">Closes</label>
          <input
            id="consultation-closes"
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            {...describe('closesAt')}
          />
          {problem('closesAt')}
        </div>
      </div>
      <ArtefactPicker
        artefacts={artefacts}
        selected={selected}
        onChange={setSelected}
        invalid={Boolean(shown('artefacts'))}
        describedBy={shown('artefacts') ? 'consultation-artefacts-error' : undefined}
      />
      {problem('artefacts')}
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create consultation'}
      </button>
    </form>
  );
}
