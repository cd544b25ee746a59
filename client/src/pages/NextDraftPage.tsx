import { useDeferredValue, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { parseClauses } from '../../../server/domain/parseClauses';
import { getArtefact, query, type Artefact } from '../api';
import { splitChangeIds } from '../artefact/publishDraft';
import { publishVersion } from '../artefact/versionsApi';
import { useAuth } from '../auth';
import { getNextDraft, type DraftChoices, type PreparedDraft } from '../nextDraft/nextDraftApi';
import { ProposalChoices } from '../nextDraft/ProposalChoices';
import { WordDownload } from '../nextDraft/WordDownload';
import { useApi } from '../useApi';

/**
 * From accepted comments to the next version: every agreed proposal applied to the current text,
 * each one switchable, conflicts chosen side by side, then edited here and published.
 */
export function NextDraftPage() {
  const { idOrSlug = '' } = useParams();
  const artefact = useApi((signal) => getArtefact(idOrSlug, signal), [idOrSlug]);
  if (artefact.error) return <p role="alert">{artefact.error.message}</p>;
  if (!artefact.data) return <p role="status">Loading…</p>;
  return <NextDraftView key={artefact.data.id} artefact={artefact.data} />;
}

function NextDraftView({ artefact }: { artefact: Artefact }) {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const allowed =
    user?.role === 'admin' || (user?.role === 'code_body' && user.code === artefact.code);
  const [choices, setChoices] = useState<DraftChoices>({ skip: [], choose: [] });
  const draft = useApi(allowed ? (signal) => getNextDraft(artefact.id, choices, signal) : null, [
    artefact.id,
    allowed,
    choices.skip.join(),
    choices.choose.join(),
  ]);
  const [body, setBody] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  const prepared = draft.data?.body;
  useEffect(() => {
    if (prepared !== undefined && !edited) setBody(prepared);
  }, [prepared, edited]);

  const back = (
    <p>
      <Link to={`/artefacts/${encodeURIComponent(artefact.slug)}`} className="back-link">
        ← Back to {artefact.reference}
      </Link>
    </p>
  );
  const title = <title>{`Next draft of ${artefact.reference} · M6 Review`}</title>;
  if (!allowed) {
    return (
      <>
        {title}
        {back}
        <h1>Prepare the next draft of {artefact.reference}</h1>
        <p role="alert">Only the {artefact.code} code body prepares drafts of this artefact.</p>
      </>
    );
  }
  if (draft.error) {
    return (
      <>
        {title}
        {back}
        <h1>Prepare the next draft of {artefact.reference}</h1>
        <p role="alert" className="error">
          {draft.error.message}
        </p>
      </>
    );
  }
  if (!draft.data || body === null) return <p role="status">Preparing the draft…</p>;
  return (
    <>
      {title}
      {back}
      <h1>Prepare the next draft of {artefact.reference}</h1>
      <p>
        Starting from {draft.data.version.label}, with the proposed text of every accepted and
        partially accepted comment applied. Switch any of them off, choose between proposals that
        conflict, edit the text, then publish it.
      </p>
      <ProposalChoices
        draft={draft.data}
        choices={choices}
        locked={edited}
        onChange={setChoices}
        onUnlock={() => {
          setEdited(false);
          setBody(draft.data?.body ?? null);
        }}
      />
      <DraftEditor
        artefact={artefact}
        draft={draft.data}
        choices={choices}
        body={body}
        onEdit={(text) => {
          setEdited(true);
          setBody(text);
        }}
      />
    </>
  );
}

function DraftEditor(props: {
  artefact: Artefact;
  draft: PreparedDraft;
  choices: DraftChoices;
  body: string;
  onEdit(body: string): void;
}) {
  const { artefact, draft, body, choices } = props;
  const id = useId();
  const navigate = useNavigate();
  const deferred = useDeferredValue(body);
  const structure = useMemo(() => parseClauses(deferred).clauses, [deferred]);
  const [label, setLabel] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [incorporates, setIncorporates] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resolves = draft.applied.map((a) => a.commentRef);

  async function publish(event: FormEvent) {
    event.preventDefault();
    if (!label.trim()) {
      setError('Give the new version a label, such as v2.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await publishVersion(artefact.id, {
        source: 'markdown',
        label: label.trim(),
        changeNote: changeNote.trim(),
        incorporates: splitChangeIds(incorporates),
        resolves,
        body,
      });
      navigate(
        `/artefacts/${encodeURIComponent(artefact.slug)}?version=${encodeURIComponent(version.id)}`,
      );
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-editor`} className="next-draft-editor">
      <h2 id={`${id}-editor`}>Edit and publish</h2>
      <div className="next-draft-columns">
        <div className="field field-grow">
          <label htmlFor={`${id}-body`}>Text of the next draft (Markdown)</label>
          <textarea
            id={`${id}-body`}
            className="markdown-input"
            rows={24}
            value={body}
            onChange={(e) => props.onEdit(e.target.value)}
          />
        </div>
        <nav aria-labelledby={`${id}-structure`} className="outline draft-structure">
          <h3 id={`${id}-structure`}>Clause structure</h3>
          {structure.length ? (
            <ol>
              {structure.map((c) => (
                <li key={c.anchor} style={{ marginInlineStart: `${(c.level - 1) * 0.75}rem` }}>
                  <span className="clause-ref">{c.ref}</span>{' '}
                  {c.heading ?? (c.text.length > 50 ? `${c.text.slice(0, 47)}…` : c.text)}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">No numbered clauses.</p>
          )}
        </nav>
      </div>
      <form onSubmit={(e) => void publish(e)} aria-busy={busy} noValidate>
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
              value={label}
              maxLength={100}
              onChange={(e) => setLabel(e.target.value)}
            />
          </div>
          <div className="field field-grow">
            <label htmlFor={`${id}-incorporates`}>Incorporates (optional)</label>
            <input
              id={`${id}-incorporates`}
              value={incorporates}
              aria-describedby={`${id}-incorporates-hint`}
              onChange={(e) => setIncorporates(e.target.value)}
            />
            <p id={`${id}-incorporates-hint`} className="hint">
              Change ids separated by commas, such as CR053.
            </p>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Change note (optional)</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={changeNote}
            onChange={(e) => setChangeNote(e.target.value)}
          />
        </div>
        <p className="hint">
          {resolves.length
            ? `Publishing records that this version resolves ${resolves.join(', ')}.`
            : 'No proposal is applied; the version will resolve no comment.'}
        </p>
        <p className="no-print">
          <button type="submit" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish the next draft'}
          </button>{' '}
          <WordDownload
            path={`/api/artefacts/${encodeURIComponent(artefact.id)}/next-draft.docx${query({
              skip: choices.skip.join(',') || undefined,
              choose: choices.choose.join(',') || undefined,
            })}`}
            fallbackName={`${artefact.reference}-next-draft.docx`}
          >
            Download as Word with tracked changes
          </WordDownload>
        </p>
        <p className="hint">
          The Word file has the prepared draft (without edits made here), each proposal a tracked
          change in its comment&apos;s name: finish it in Word and publish it as a Word upload.
        </p>
      </form>
    </section>
  );
}
