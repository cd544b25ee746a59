import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { markNoImpact, withdrawNoImpact, type AffectedArtefact, type Change } from './changesApi';

interface Props {
  change: Change;
  /** Whether the viewer may mark "no code impact" on an artefact of this code. */
  canMark(code: string): boolean;
  onChange(change: Change): void;
}

/** The artefacts a change affects, each with its "no code impact" mark and the controls for it. */
export function AffectedArtefacts({ change, canMark, onChange }: Props) {
  if (change.affects.length === 0) return <p className="muted">Affects no artefact yet.</p>;
  return (
    <ul className="affects">
      {change.affects.map((a) => (
        <li key={a.artefactId}>
          <Affected change={change} affected={a} canMark={canMark(a.code)} onChange={onChange} />
        </li>
      ))}
    </ul>
  );
}

interface AffectedProps {
  change: Change;
  affected: AffectedArtefact;
  canMark: boolean;
  onChange(change: Change): void;
}

function Affected({ change, affected: a, canMark, onChange }: AffectedProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `no-impact-${change.id}-${a.artefactId}`;

  async function run(action: () => Promise<Change>) {
    setBusy(true);
    setError(null);
    try {
      onChange(await action());
      setOpen(false);
      setReason('');
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem('Say why the change has no code impact on this artefact.');
      return;
    }
    setProblem(null);
    void run(() => markNoImpact(change.id, a.artefactId, reason.trim()));
  }

  return (
    <>
      <Link to={`/artefacts/${encodeURIComponent(a.slug)}`}>{a.reference}</Link>{' '}
      <span className="muted">({a.code})</span>
      {a.noCodeImpact && (
        <span className="no-impact plain-text"> No code impact: {a.noImpactReason}</span>
      )}
      {canMark && !open && (
        <button
          type="button"
          className="link-button"
          disabled={busy}
          aria-label={`${a.noCodeImpact ? 'Withdraw no code impact' : 'Mark no code impact'} for ${a.reference}`}
          onClick={() =>
            a.noCodeImpact
              ? void run(() => withdrawNoImpact(change.id, a.artefactId))
              : setOpen(true)
          }
        >
          {a.noCodeImpact ? 'Withdraw' : 'Mark no code impact'}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <form
          className="triage-form"
          onSubmit={handleSubmit}
          aria-label={`No code impact on ${a.reference}`}
        >
          <div className="field">
            <label htmlFor={fieldId}>Why does {change.id} need no change here?</label>
            <textarea
              id={fieldId}
              rows={2}
              maxLength={5000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${fieldId}-error` : undefined}
            />
            {problem && (
              <p id={`${fieldId}-error`} className="field-error">
                {problem}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              Save no code impact
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}
