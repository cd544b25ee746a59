import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../format';
import {
  submitDueProcessResponse,
  type DueProcessAnswers,
  type DueProcessConfirmation,
  type DueProcessKey,
  type DueProcessResponse,
} from './dueProcessApi';

type Choice = 'yes' | 'no' | '';
type Draft = Record<DueProcessKey, { choice: Choice; text: string }>;

function initialDraft(keys: DueProcessKey[], previous: DueProcessResponse | undefined): Draft {
  return Object.fromEntries(
    keys.map((key) => {
      const answer = previous?.answers[key];
      const choice: Choice = answer ? (answer.confirmed ? 'yes' : 'no') : '';
      return [key, { choice, text: answer?.text ?? '' }];
    }),
  ) as Draft;
}

interface Props {
  confirmations: Pick<DueProcessConfirmation, 'key' | 'text'>[];
  /** The organisation's earlier response, which a new one replaces. */
  previous: DueProcessResponse | undefined;
  onSaved(response: DueProcessResponse): void;
}

/** A participant organisation's five due-process confirmations and lessons learnt. */
export function DueProcessForm({ confirmations, previous, onSaved }: Props) {
  const id = useId();
  const keys = confirmations.map((c) => c.key);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(keys, previous));
  const [lessons, setLessons] = useState(previous?.lessonsLearnt ?? '');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unanswered = keys.filter((k) => !draft[k].choice);

  const update = (key: DueProcessKey, change: Partial<Draft[DueProcessKey]>) =>
    setDraft((d) => ({ ...d, [key]: { ...d[key], ...change } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (unanswered.length > 0) return;
    setBusy(true);
    setError(null);
    const answers = Object.fromEntries(
      keys.map((k) => [
        k,
        { confirmed: draft[k].choice === 'yes', text: draft[k].text.trim() || null },
      ]),
    ) as DueProcessAnswers;
    try {
      onSaved(await submitDueProcessResponse(answers, lessons.trim()));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="due-process-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id={`${id}-title`}>Your organisation’s response</h2>
      {previous && (
        <p className="hint">
          {previous.organisation.name} responded on {formatDateTime(previous.submittedAt)}
          {previous.submittedBy ? ` (${previous.submittedBy.name})` : ''}; sending again replaces
          that response.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirmations.map((c, i) => {
        const missing = attempted && !draft[c.key].choice;
        return (
          <fieldset
            key={c.key}
            className="confirmation"
            aria-describedby={missing ? `${id}-${c.key}-error` : undefined}
          >
            <legend>
              {i + 1}. {c.text}
            </legend>
            {missing && (
              <p id={`${id}-${c.key}-error`} className="field-error">
                Answer yes or no.
              </p>
            )}
            <div className="field-row">
              {(['yes', 'no'] as const).map((choice) => (
                <label key={choice} className="checkbox">
                  <input
                    type="radio"
                    name={`${id}-${c.key}`}
                    value={choice}
                    checked={draft[c.key].choice === choice}
                    onChange={() => update(c.key, { choice })}
                  />
                  {choice === 'yes' ? 'Yes' : 'No'}
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${c.key}-text`}>Comment (optional)</label>
              <textarea
                id={`${id}-${c.key}-text`}
                rows={2}
                maxLength={5000}
                value={draft[c.key].text}
                onChange={(e) => update(c.key, { text: e.target.value })}
              />
            </div>
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor={`${id}-lessons`}>Lessons learnt (optional)</label>
        <textarea
          id={`${id}-lessons`}
          rows={4}
          maxLength={10_000}
          value={lessons}
          onChange={(e) => setLessons(e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Submit response'}
      </button>
    </form>
  );
}
