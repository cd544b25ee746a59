import { useState, type FormEvent } from 'react';
import type { Artefact } from '../api';
import { CHANGE_ID_PATTERN } from '../comments/vocabulary';
import { ArtefactPicker } from '../consultations/ArtefactPicker';
import { humanise } from '../format';
import {
  CHANGE_STATUSES,
  createChange,
  updateChange,
  type Change,
  type ChangeFields,
  type ChangeStatus,
} from './changesApi';

interface Props {
  artefacts: Artefact[];
  /** The change to edit; none to record a new one. */
  change?: Change;
  onSaved(change: Change): void;
  onCancel?(): void;
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Records a new change, or edits one: title, status, decision date, post-M6 flag, artefacts. */
export function ChangeForm({ artefacts, change, onSaved, onCancel }: Props) {
  const prefix = change ? `change-${change.id}` : 'new-change';
  const before = change?.affects.map((a) => a.artefactId) ?? [];
  const [id, setId] = useState('');
  const [title, setTitle] = useState(change?.title ?? '');
  const [status, setStatus] = useState<ChangeStatus>(change?.status ?? 'raised');
  const [decidedAt, setDecidedAt] = useState(change?.decidedAt ?? '');
  const [postM6, setPostM6] = useState(change?.postM6 ?? false);
  const [selected, setSelected] = useState<Set<string>>(new Set(before));
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const problems: Record<string, string> = {};
  if (!change && !CHANGE_ID_PATTERN.test(id.trim().toUpperCase()))
    problems.id = 'Enter a change id such as CR053 or DIN-0179.';
  if (!title.trim()) problems.title = 'Give the change a title.';
  const shown = (name: string) => (attempted ? problems[name] : undefined);
  const describe = (name: string) =>
    shown(name)
      ? { 'aria-invalid': true as const, 'aria-describedby': `${prefix}-${name}-error` }
      : {};
  const problem = (name: string) =>
    shown(name) && (
      <p id={`${prefix}-${name}-error`} className="field-error">
        {shown(name)}
      </p>
    );

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    const fields: ChangeFields = {
      title: title.trim(),
      status,
      decidedAt: decidedAt || null,
      postM6,
      artefacts: [...selected],
    };
    setBusy(true);
    setError(null);
    try {
      if (!change) {
        onSaved(await createChange({ id: id.trim().toUpperCase(), ...fields }));
        setId('');
        setTitle('');
        setDecidedAt('');
        setPostM6(false);
        setSelected(new Set());
        setAttempted(false);
      } else {
        // `artefacts` replaces the whole set: send it only when it changed.
        const { artefacts: ids, ...rest } = fields;
        onSaved(await updateChange(change.id, sameSet(ids, before) ? rest : fields));
      }
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="consultation-form"
      onSubmit={handleSubmit}
      aria-label={change ? `Edit ${change.id}` : 'New change'}
    >
      {!change && <h2>New change</h2>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="field-row">
        {!change && (
          <div className="field">
            <label htmlFor={`${prefix}-id`}>Change id</label>
            <input
              id={`${prefix}-id`}
              value={id}
              onChange={(e) => setId(e.target.value)}
              {...describe('id')}
            />
            {problem('id')}
          </div>
        )}
        <div className="field field-grow">
          <label htmlFor={`${prefix}-title`}>Title</label>
          <input
            id={`${prefix}-title`}
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
            {...describe('title')}
          />
          {problem('title')}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${prefix}-status`}>Status</label>
          <select
            id={`${prefix}-status`}
            value={status}
            onChange={(e) => setStatus(e.target.value as ChangeStatus)}
          >
            {CHANGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-decided`}>Decided on (optional)</label>
          <input
            id={`${prefix}-decided`}
            type="date"
            value={decidedAt}
            onChange={(e) => setDecidedAt(e.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            id={`${prefix}-post-m6`}
            type="checkbox"
            checked={postM6}
            onChange={(e) => setPostM6(e.target.checked)}
          />
          <label htmlFor={`${prefix}-post-m6`}>Post-M6 change</label>
        </div>
      </div>
      <ArtefactPicker
        artefacts={artefacts}
        selected={selected}
        onChange={setSelected}
        idPrefix={`${prefix}-picker`}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : change ? 'Save change' : 'Add change'}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
