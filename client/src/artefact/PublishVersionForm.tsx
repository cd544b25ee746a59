import { useId, useState, type FormEvent } from 'react';
import { getVersion, type Version } from '../api';
import {
  emptyPublishDraft,
  publishProblems,
  toNewVersion,
  WORD_ACCEPT,
  type PublishDraft,
} from './publishDraft';
import { publishVersion, type PublishedVersion } from './versionsApi';

interface Props {
  artefactId: string;
  reference: string;
  /** The version whose Markdown may be taken as a starting point. */
  current: Version | undefined;
  onPublished(version: PublishedVersion): void;
  onCancel(): void;
}

/** Publishes a version from Markdown (sent as JSON) or from a Word document (sent as multipart). */
export function PublishVersionForm({
  artefactId,
  reference,
  current,
  onPublished,
  onCancel,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<PublishDraft>(emptyPublishDraft);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = attempted ? publishProblems(draft) : {};
  const update = (change: Partial<PublishDraft>) => setDraft((d) => ({ ...d, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(publishProblems(draft)).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      onPublished(await publishVersion(artefactId, toNewVersion(draft)));
    } catch (caught) {
      // 400 names the field or says the file is not a Word document; 403, 409 and 413 say why.
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  async function startFromCurrent() {
    if (!current) return;
    setError(null);
    try {
      update({ body: (await getVersion(artefactId, current.id)).body });
    } catch (caught) {
      setError(`Could not load ${current.label}: ${(caught as Error).message}`);
    }
  }

  const field = (name: keyof typeof problems) => ({
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `${id}-${name}-error` : `${id}-${name}-hint`,
  });
  const fieldError = (name: keyof typeof problems) =>
    problems[name] && (
      <p id={`${id}-${name}-error`} className="field-error">
        {problems[name]}
      </p>
    );

  return (
    <form
      className="publish-form"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id={`${id}-title`}>Publish a new version of {reference}</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <input
            id={`${id}-label`}
            value={draft.label}
            maxLength={100}
            onChange={(e) => update({ label: e.target.value })}
            {...field('label')}
          />
          <p id={`${id}-label-hint`} className="hint">
            Such as v2 or 0.3 draft; each label is used once.
          </p>
          {fieldError('label')}
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-incorporates`}>Incorporates (optional)</label>
          <input
            id={`${id}-incorporates`}
            value={draft.incorporates}
            aria-describedby={`${id}-incorporates-hint`}
            onChange={(e) => update({ incorporates: e.target.value })}
          />
          <p id={`${id}-incorporates-hint`} className="hint">
            Change ids separated by commas, such as CR053, DIN-0179.
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Change note (optional)</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={draft.changeNote}
          onChange={(e) => update({ changeNote: e.target.value })}
        />
      </div>
      <fieldset className="source-choice">
        <legend>Text of the version</legend>
        {(['markdown', 'word'] as const).map((source) => (
          <label key={source} className="checkbox">
            <input
              type="radio"
              name={`${id}-source`}
              checked={draft.source === source}
              onChange={() => update({ source, file: null })}
            />
            {source === 'markdown' ? 'Markdown text' : 'Word document (.docx)'}
          </label>
        ))}
      </fieldset>
      {draft.source === 'markdown' ? (
        <div className="field">
          <label htmlFor={`${id}-body`}>Markdown</label>
          <textarea
            id={`${id}-body`}
            rows={14}
            value={draft.body}
            onChange={(e) => update({ body: e.target.value })}
            {...field('body')}
          />
          <p id={`${id}-body-hint`} className="hint">
            Start each clause&apos;s paragraph with its number (1.1, 1.1.1 …); up to 5 MB.
          </p>
          {fieldError('body')}
          {current && !draft.body.trim() && (
            <button type="button" className="link-button" onClick={() => void startFromCurrent()}>
              Start from the text of {current.label}
            </button>
          )}
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-file`}>Word document</label>
          <input
            id={`${id}-file`}
            type="file"
            accept={WORD_ACCEPT}
            onChange={(e) => update({ file: e.target.files?.[0] ?? null })}
            {...field('file')}
          />
          <p id={`${id}-file-hint`} className="hint">
            A Word document (.docx) of up to 20 MB.
          </p>
          {fieldError('file')}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Publishing…' : 'Publish version'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
