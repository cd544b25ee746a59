import { useState, type FormEvent } from 'react';
import { createRequirement, type Requirement } from './requirementsApi';

type Field = 'id' | 'text' | 'source';
const LABELS: Record<Field, string> = {
  id: 'Requirement id',
  text: 'Requirement',
  source: 'Source',
};

/** Records a new design requirement (programme and admins). */
export function RequirementForm({ onCreated }: { onCreated(r: Requirement): void }) {
  const [values, setValues] = useState<Record<Field, string>>({ id: '', text: '', source: '' });
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = (name: Field) => attempted && !values[name].trim();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(values).some((v) => !v.trim())) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await createRequirement({
          id: values.id.trim(),
          text: values.text.trim(),
          source: values.source.trim(),
        }),
      );
      setValues({ id: '', text: '', source: '' });
      setAttempted(false);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field) => {
    const props = {
      id: `requirement-${name}`,
      value: values[name],
      onChange: (e: { target: { value: string } }) =>
        setValues((v) => ({ ...v, [name]: e.target.value })),
      'aria-invalid': missing(name) || undefined,
      'aria-describedby': missing(name) ? `requirement-${name}-error` : undefined,
    };
    return (
      <div className={name === 'text' ? 'field' : 'field field-grow'}>
        <label htmlFor={props.id}>{LABELS[name]}</label>
        {name === 'text' ? <textarea rows={3} {...props} /> : <input {...props} />}
        {missing(name) && (
          <p id={`requirement-${name}-error`} className="field-error">
            Fill in the {LABELS[name].toLowerCase()}.
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="consultation-form" onSubmit={handleSubmit} aria-labelledby="new-requirement">
      <h2 id="new-requirement">New requirement</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="field-row">
        {field('id')}
        {field('source')}
      </div>
      {field('text')}
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add requirement'}
      </button>
    </form>
  );
}
