import { useState, type FormEvent } from 'react';
import type { Artefact } from '../api';
import { useApi } from '../useApi';
import {
  getStatement,
  stateNoRequirements,
  withdrawNoRequirements,
  type NoRequirementsStatement,
} from './requirementsApi';

/**
 * SC1 takes an artefact's traces, or this audited statement that no design requirements apply to
 * it, as its evidence; with neither the artefact blocks SC1.
 */
export function NoRequirementsForm({ artefact }: { artefact: Artefact }) {
  const loaded = useApi((signal) => getStatement(artefact.id, signal), [artefact.id]);
  const [changed, setChanged] = useState<{ on: string; value: NoRequirementsStatement | null }>();
  const statement = changed?.on === artefact.id ? changed.value : (loaded.data ?? null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(change: () => Promise<NoRequirementsStatement | null>) {
    setBusy(true);
    setError(null);
    try {
      setChanged({ on: artefact.id, value: await change() });
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
      setError('Say why no design requirements apply.');
      return;
    }
    void act(() => stateNoRequirements(artefact.id, reason.trim()));
  }

  if (loaded.loading) return null;
  return (
    <section aria-label={`Design requirements of ${artefact.reference}`}>
      {statement ? (
        <p>
          Stated: no design requirements apply to {artefact.reference}, because{' '}
          <q className="plain-text">{statement.reason}</q>{' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => void act(() => withdrawNoRequirements(artefact.id))}
          >
            Withdraw the statement
          </button>
        </p>
      ) : (
        <form
          className="filters"
          onSubmit={handleSubmit}
          aria-label={`State that no design requirements apply to ${artefact.reference}`}
        >
          <div className="field">
            <label htmlFor="no-requirements-reason">Reason no design requirements apply</label>
            <input
              id="no-requirements-reason"
              value={reason}
              maxLength={5000}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" disabled={busy}>
            State that none apply
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
