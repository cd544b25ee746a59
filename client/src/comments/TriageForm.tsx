import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { useFocusFirstInvalid } from '../focus';
import { humanise } from '../format';
import { triageComment, type Comment, type CommentDetail } from './commentsApi';
import { ErrorSummary } from './ErrorSummary';
import {
  CHANGE_ID_PATTERN,
  MAX_COMMENT_LENGTH,
  RESPONSE_REQUIRED,
  nextTriageStatuses,
  type TriageStatus,
} from './vocabulary';

interface Props {
  comment: Comment;
  onChange(comment: CommentDetail): void;
  /** Fetches the comment again (new status and revision) after someone else changed it. */
  onReload(): Promise<void>;
}

interface Fields {
  status: TriageStatus | '';
  response: string;
  action: string;
  changeId: string;
  duplicateOf: string;
}

type Problems = Partial<Record<keyof Fields, string>>;

function check(f: Fields): Problems {
  const problems: Problems = {};
  if (!f.status) problems.status = 'Choose a decision.';
  if (f.status !== '' && RESPONSE_REQUIRED.includes(f.status) && f.response.trim() === '') {
    problems.response = `A written response is required to mark a comment ${humanise(f.status).toLowerCase()}.`;
  }
  if (f.changeId.trim() && !CHANGE_ID_PATTERN.test(f.changeId.trim())) {
    problems.changeId = 'Enter a change id such as CR053 or DIN-0179.';
  }
  if (f.status === 'duplicate' && !f.duplicateOf.trim()) {
    problems.duplicateOf = 'Name the comment this one duplicates, e.g. C-000012.';
  }
  return problems;
}

/** A code body's decision on one comment, sent with the revision it was made against. */
const EMPTY: Fields = { status: '', response: '', action: '', changeId: '', duplicateOf: '' };

export function TriageForm({ comment, onChange, onReload }: Props) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<keyof Fields, boolean>>>({});
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const allProblems = check(fields);
  const shown = (name: keyof Fields) =>
    attempted || touched[name] ? allProblems[name] : undefined;
  const id = (name: string) => `triage-${comment.id}-${name}`;
  const statuses = nextTriageStatuses(comment.status);
  const conflict = error?.status === 409;
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  const set = (name: keyof Fields, value: string) => setFields((f) => ({ ...f, [name]: value }));
  const blur = (name: keyof Fields) => () => setTouched((t) => ({ ...t, [name]: true }));
  const describe = (name: keyof Fields) =>
    shown(name) ? { 'aria-invalid': true as const, 'aria-describedby': id(`${name}-error`) } : {};
  const problem = (name: keyof Fields) =>
    shown(name) && (
      <p id={id(`${name}-error`)} className="field-error">
        {shown(name)}
      </p>
    );

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(allProblems).length > 0 || !fields.status) return focusFirstInvalid();
    setBusy(true);
    setError(null);
    try {
      onChange(
        await triageComment(comment.id, {
          status: fields.status,
          response: fields.response,
          action: fields.action.trim() || null,
          changeId: fields.changeId.trim() || null,
          duplicateOf: fields.status === 'duplicate' ? fields.duplicateOf.trim() : null,
          revision: comment.revision,
        }),
      );
      // Still here only when the comment can be decided again (e.g. it was marked triaged).
      setFields(EMPTY);
      setTouched({});
      setAttempted(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client', String(caught)));
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setBusy(true);
    try {
      // The typed decision stays, so nothing is lost; it now applies to the fresh revision.
      await onReload();
      setError(null);
    } catch (caught) {
      setError(new ApiError(0, 'reload_failed', (caught as Error).message));
    } finally {
      setBusy(false);
    }
  }

  if (statuses.length === 0) return null;
  return (
    <form
      ref={form}
      className="triage-form"
      onSubmit={handleSubmit}
      aria-label={`Decide on ${comment.ref}`}
    >
      {conflict && (
        <div className="error" role="alert">
          <p>
            Someone else triaged this comment first, so your decision was not saved. Reload to see
            what changed, then decide again if it is still needed.
          </p>
          <p className="muted">{error?.message}</p>
          <button type="button" className="secondary" onClick={() => void reload()}>
            Reload
          </button>
        </div>
      )}
      {error && !conflict && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {attempted && (
        <ErrorSummary
          problems={[
            allProblems.status,
            allProblems.changeId,
            allProblems.duplicateOf,
            allProblems.response,
          ]}
        />
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('status')}>Decision</label>
          <select
            id={id('status')}
            value={fields.status}
            onChange={(e) => set('status', e.target.value)}
            onBlur={blur('status')}
            {...describe('status')}
          >
            <option value="">Choose…</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
          {problem('status')}
        </div>
        <div className="field">
          <label htmlFor={id('changeId')}>Change id (optional)</label>
          <input
            id={id('changeId')}
            value={fields.changeId}
            placeholder="CR053 or DIN-0179"
            onChange={(e) => set('changeId', e.target.value)}
            onBlur={blur('changeId')}
            {...describe('changeId')}
          />
          {problem('changeId')}
        </div>
        {fields.status === 'duplicate' && (
          <div className="field">
            <label htmlFor={id('duplicateOf')}>Duplicate of</label>
            <input
              id={id('duplicateOf')}
              value={fields.duplicateOf}
              placeholder="C-000012"
              onChange={(e) => set('duplicateOf', e.target.value)}
              onBlur={blur('duplicateOf')}
              {...describe('duplicateOf')}
            />
            {problem('duplicateOf')}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={id('response')}>
          Response
          {fields.status !== '' && RESPONSE_REQUIRED.includes(fields.status)
            ? ' (required)'
            : ' (optional)'}
        </label>
        <textarea
          id={id('response')}
          rows={3}
          maxLength={MAX_COMMENT_LENGTH}
          value={fields.response}
          onChange={(e) => set('response', e.target.value)}
          onBlur={blur('response')}
          {...describe('response')}
        />
        {problem('response')}
      </div>
      <div className="field">
        <label htmlFor={id('action')}>Action (optional)</label>
        <input
          id={id('action')}
          value={fields.action}
          maxLength={2000}
          onChange={(e) => set('action', e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy || conflict}>
        {busy ? 'Saving…' : 'Save decision'}
      </button>
    </form>
  );
}
