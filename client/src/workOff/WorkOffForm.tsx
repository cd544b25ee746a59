import { useState, type FormEvent } from 'react';
import { CODES, humanise } from '../format';
import {
  WORK_OFF_STATUSES,
  WORK_OFF_TARGETS,
  updateWorkOff,
  type WorkOffItem,
  type WorkOffStatus,
  type WorkOffTarget,
} from './workOffApi';

interface Props {
  item: WorkOffItem;
  /** How the item is named to the reader, e.g. "C-000012" or "CR053". */
  label: string;
  onSaved(item: WorkOffItem): void;
  onCancel(): void;
}

/** Owner, target milestone, status and notes of one item, saved at the revision it was read. */
export function WorkOffForm({ item, label, onSaved, onCancel }: Props) {
  const [owner, setOwner] = useState(item.owner?.code ?? '');
  const [target, setTarget] = useState<string>(item.target ?? '');
  const [status, setStatus] = useState<WorkOffStatus>(item.status);
  const [notes, setNotes] = useState(item.notes);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const prefix = `work-off-${item.id}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(
        await updateWorkOff(item.id, {
          owner: owner || null,
          target: (target || null) as WorkOffTarget | null,
          status,
          notes,
          revision: item.revision,
        }),
      );
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="consultation-form" aria-labelledby={`${prefix}-heading`} onSubmit={save}>
      <h2 id={`${prefix}-heading`}>Edit work-off item {label}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${prefix}-owner`}>Owner</label>
          <select id={`${prefix}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">Not yet assigned</option>
            {CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-target`}>Target milestone</label>
          <select
            id={`${prefix}-target`}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">Not set</option>
            {WORK_OFF_TARGETS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-status`}>Status</label>
          <select
            id={`${prefix}-status`}
            value={status}
            onChange={(e) => setStatus(e.target.value as WorkOffStatus)}
          >
            {WORK_OFF_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-notes`}>Notes</label>
        <textarea
          id={`${prefix}-notes`}
          rows={3}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={saving}>
          Save {label}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
