import { useState, type FormEvent } from 'react';
import { formatDateTime, londonInputToIso } from '../format';
import {
  changeClosing,
  closeConsultation,
  type Consultation,
  type WindowChange,
} from './consultationsApi';

interface Props {
  consultation: Consultation;
  onChanged(consultation: Consultation): void;
}

/** A datetime-local value is London wall-clock time, as dates are shown; the API wants an instant. */
const toIso = londonInputToIso;

/** The programme's "Close early" and "Change closing date", each with the reason it must give. */
export function WindowControls({ consultation, onChanged }: Props) {
  const [mode, setMode] = useState<'close' | 'change' | null>(null);
  const [closesAt, setClosesAt] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `window-${consultation.id}`;

  function start(next: 'close' | 'change') {
    setMode(next);
    setError(null);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError('Give a reason.');
    if (mode === 'change' && !closesAt) return setError('Choose the new closing date.');
    setBusy(true);
    setError(null);
    try {
      onChanged(
        mode === 'close'
          ? await closeConsultation(consultation, reason.trim())
          : await changeClosing(consultation, toIso(closesAt), reason.trim()),
      );
      setMode(null);
      setReason('');
      setClosesAt('');
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!mode) {
    return (
      <div className="actions">
        {consultation.state === 'open' && (
          <button type="button" onClick={() => start('close')}>
            Close early
          </button>
        )}
        <button type="button" onClick={() => start('change')}>
          Change closing date
        </button>
      </div>
    );
  }
  const label =
    mode === 'close'
      ? `Close “${consultation.title}” early`
      : `Change closing date of “${consultation.title}”`;
  return (
    <form aria-label={label} onSubmit={handleSubmit}>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {mode === 'change' && (
        <div className="field">
          <label htmlFor={`${id}-closes`}>New closing date</label>
          <input
            id={`${id}-closes`}
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        {mode === 'close' ? 'Close consultation' : 'Save closing date'}
      </button>{' '}
      <button type="button" onClick={() => setMode(null)}>
        Cancel
      </button>
    </form>
  );
}

const KIND_LABELS: Record<WindowChange['kind'], string> = {
  close: 'Closed early',
  extend: 'Extended',
  shorten: 'Shortened',
  reopen: 'Reopened',
};

/** Each close, extension and reopening: what, who, when and why. */
export function WindowHistory({ history }: { history: WindowChange[] }) {
  if (history.length === 0) return null;
  return (
    <ul className="window-history">
      {history.map((h, i) => (
        <li key={i}>
          {KIND_LABELS[h.kind]}
          {h.kind !== 'close' && ` to ${formatDateTime(h.toClosesAt)}`} by {h.by ?? 'unknown'} on{' '}
          {formatDateTime(h.at)}: {h.reason}
        </li>
      ))}
    </ul>
  );
}
