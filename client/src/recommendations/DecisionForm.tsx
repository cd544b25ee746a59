import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import {
  OUTCOMES,
  recordDecision,
  type DecisionBody,
  type Outcome,
  type Paper,
} from './recommendationsApi';
import { useGeneratePaper } from './useGeneratePaper';

const TITLES: Record<DecisionBody, string> = {
  CCAG: 'Record CCAG’s recommendation',
  SRO: 'Record the SRO’s decision',
};

interface Props {
  paper: Paper;
  body: DecisionBody;
  /** Programme users may generate a new paper when this one is out of date. */
  canGenerate: boolean;
  onRecorded(paper: Paper): void;
}

/** CCAG's recommendation (recorded by the programme) or the SRO's decision on one paper. */
export function DecisionForm({ paper, body, canGenerate, onRecorded }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [notes, setNotes] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const regenerate = useGeneratePaper();
  const missing = attempted && !outcome;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!outcome) return;
    setBusy(true);
    setError(null);
    try {
      onRecorded(await recordDecision(paper.id, { body, outcome, notes: notes.trim() }));
      setOutcome('');
      setNotes('');
      setAttempted(false);
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="decision-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id={`${id}-title`}>{TITLES[body]}</h3>
      {error && (
        <div className="error" role="alert">
          <p>{error.message}</p>
          {error.status === 409 &&
            (canGenerate ? (
              <button
                type="button"
                onClick={() => void regenerate.generate()}
                disabled={regenerate.busy}
              >
                {regenerate.busy ? 'Generating…' : 'Generate a new paper'}
              </button>
            ) : (
              <p>If the paper is out of date, the programme can generate a new one.</p>
            ))}
          {regenerate.error && <p>{regenerate.error}</p>}
        </div>
      )}
      <fieldset aria-describedby={missing ? `${id}-outcome-error` : undefined}>
        <legend>Outcome</legend>
        {missing && (
          <p id={`${id}-outcome-error`} className="field-error">
            Choose an outcome.
          </p>
        )}
        <div className="field-row">
          {OUTCOMES[body].map((o) => (
            <label key={o.value} className="checkbox">
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o.value}
                checked={outcome === o.value}
                onChange={() => setOutcome(o.value)}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes (optional)</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Recording…' : TITLES[body]}
      </button>
    </form>
  );
}
