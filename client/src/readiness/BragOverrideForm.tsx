import { useId, useState, type FormEvent } from 'react';
import type { Brag } from '../api';
import { humanise } from '../format';
import { BRAG_ORDER, overrideBrag, type ArtefactReadiness } from './readinessApi';

const COMPUTED = 'computed';

interface Props {
  artefact: ArtefactReadiness;
  onSaved(): void;
  onCancel(): void;
}

/** Sets (or clears) an artefact's BRAG override; a reason is always required and audited. */
export function BragOverrideForm({ artefact, onSaved, onCancel }: Props) {
  const id = useId();
  const [brag, setBrag] = useState<string>(
    artefact.bragSource === 'override' ? artefact.brag : COMPUTED,
  );
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonMissing = attempted && !reason.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await overrideBrag(artefact.id, {
        brag: brag === COMPUTED ? null : (brag as Brag),
        reason: reason.trim(),
      });
      onSaved();
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  return (
    <form
      className="brag-override"
      aria-label={`Override the BRAG of ${artefact.reference}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-brag`}>BRAG</label>
        <select id={`${id}-brag`} value={brag} onChange={(e) => setBrag(e.target.value)}>
          <option value={COMPUTED}>Computed (no override)</option>
          {BRAG_ORDER.map((b) => (
            <option key={b} value={b}>
              {humanise(b)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonMissing || undefined}
          aria-describedby={reasonMissing ? `${id}-reason-error` : undefined}
        />
        {reasonMissing && (
          <p id={`${id}-reason-error`} className="field-error">
            Say why the rating is overridden.
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save BRAG'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
