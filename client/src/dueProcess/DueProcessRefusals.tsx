import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../format';
import { respondToRefusal, type DueProcessRefusal } from './dueProcessApi';

interface Props {
  refusals: DueProcessRefusal[];
  /** The programme answers refusals; everyone else reads the answers. */
  canRespond: boolean;
  onResponded(): void;
}

/** Each "no" to a confirmation, with the programme's response to it. */
export function DueProcessRefusals({ refusals, canRespond, onResponded }: Props) {
  if (refusals.length === 0) return <p className="empty">No confirmation has been refused.</p>;
  return (
    <div className="table-wrap">
      <table data-testid="due-process-refusals">
        <caption className="visually-hidden">Refusals and the programme’s responses</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Refused</th>
            <th scope="col">Their comment</th>
            <th scope="col">Programme’s response</th>
          </tr>
        </thead>
        <tbody>
          {refusals.map((r) => (
            <tr key={`${r.responseId}-${r.key}`}>
              <td>{r.organisation.name}</td>
              <td>{r.confirmation}</td>
              <td className="plain-text">{r.text ?? '—'}</td>
              <td>
                {r.programmeResponse ? (
                  <p className="plain-text">
                    {r.programmeResponse.text}{' '}
                    <span className="muted">
                      ({formatDateTime(r.programmeResponse.respondedAt)})
                    </span>
                  </p>
                ) : (
                  <p className="muted">No response yet.</p>
                )}
                {canRespond && <RefusalResponseForm refusal={r} onResponded={onResponded} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RefusalResponseForm({
  refusal,
  onResponded,
}: {
  refusal: DueProcessRefusal;
  onResponded(): void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write the programme’s response.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await respondToRefusal(refusal.responseId, refusal.key, text.trim());
      setText('');
      onResponded();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Respond to ${refusal.organisation.name}`}>
      <label htmlFor={`${id}-text`}>
        {refusal.programmeResponse ? 'Replace the response' : 'Respond'}
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        maxLength={5000}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Record response
      </button>
    </form>
  );
}
