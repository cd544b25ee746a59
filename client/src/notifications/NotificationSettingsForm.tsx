import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { useApi } from '../useApi';
import {
  CATEGORY_LABELS,
  getNotificationSettings,
  NOTIFICATION_CATEGORIES,
  saveNotificationSettings,
  type EmailMode,
  type NotificationCategory,
  type NotificationSettings,
} from './notificationsApi';

const MODES: { value: EmailMode; label: string }[] = [
  { value: 'immediate', label: 'As they happen' },
  { value: 'digest', label: 'One daily digest' },
  { value: 'off', label: 'Never' },
];

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Email mode, digest hour and per-category opt-outs; in-app notifications always arrive. */
export function NotificationSettingsForm() {
  const loaded = useApi((signal) => getNotificationSettings(signal), []);
  const [form, setForm] = useState<NotificationSettings>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (loaded.data) setForm(loaded.data);
  }, [loaded.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setSaving(true);
    setStatus('');
    setError('');
    try {
      setForm(await saveNotificationSettings(form));
      setStatus('Email settings saved.');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  function toggleCategory(category: NotificationCategory, emailed: boolean) {
    if (!form) return;
    const optedOut = emailed
      ? form.optedOut.filter((c) => c !== category)
      : [...form.optedOut, category];
    setForm({ ...form, optedOut });
  }

  return (
    <section aria-labelledby="email-settings-heading" className="notification-settings">
      <h2 id="email-settings-heading">Email settings</h2>
      {loaded.error && (
        <p className="error" role="alert">
          {loaded.error.message}
        </p>
      )}
      {!form && !loaded.error && <p role="status">Loading…</p>}
      {form && (
        <form onSubmit={(e) => void submit(e)} aria-labelledby="email-settings-heading">
          {!form.emailEnabled && (
            <p className="notice">
              Email is not configured on this server, so none is sent: your notifications appear
              here only. Your choices are kept for when it is.
            </p>
          )}
          <fieldset>
            <legend>Email me</legend>
            {MODES.map((mode) => (
              <label key={mode.value} className="checkbox">
                <input
                  type="radio"
                  name="email-mode"
                  value={mode.value}
                  checked={form.emailMode === mode.value}
                  onChange={() => setForm({ ...form, emailMode: mode.value })}
                />{' '}
                {mode.label}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="digest-hour">Digest time (UK time)</label>
            <select
              id="digest-hour"
              value={form.digestHour}
              disabled={form.emailMode !== 'digest'}
              onChange={(e) => setForm({ ...form, digestHour: Number(e.target.value) })}
            >
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </div>
          <fieldset disabled={form.emailMode === 'off'}>
            <legend>Email about</legend>
            {NOTIFICATION_CATEGORIES.map((category) => (
              <label key={category} className="checkbox">
                <input
                  type="checkbox"
                  checked={!form.optedOut.includes(category)}
                  onChange={(e) => toggleCategory(category, e.target.checked)}
                />{' '}
                {CATEGORY_LABELS[category]}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={saving}>
            Save email settings
          </button>
          <p role="status">{status}</p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
