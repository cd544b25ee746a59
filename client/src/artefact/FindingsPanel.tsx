import { useId, useState, type FormEvent } from 'react';
import { ApiError, type Clause } from '../api';
import { formatDate } from '../format';
import type { ApiState } from '../useApi';
import {
  defineFindingTerm,
  FINDING_KIND_LABELS,
  raiseFinding,
  waiveFinding,
  type DefinedTerm,
  type Finding,
  type FindingStatus,
} from './findingsApi';

interface Props {
  findings: ApiState<Finding[]>;
  clauses: Map<string, Clause>;
  /** Code-body users of the artefact's code, and the programme. */
  canWaive: boolean;
  /** Commenters while a consultation is open. */
  canRaise: boolean;
  /** After a waive, raise or definition: the list is fetched again. */
  onChanged(finding: Finding): void;
}

const STATUSES: FindingStatus[] = ['open', 'waived', 'raised'];

/** "3 open · 1 waived · 0 raised" */
export function describeFindingCounts(findings: Finding[]): string {
  return STATUSES.map((s) => `${findings.filter((f) => f.status === s).length} ${s}`).join(' · ');
}

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';

/** The plain-English checks' findings on the version shown, with waiving and raising. */
export function FindingsPanel({ findings, clauses, canWaive, canRaise, onChanged }: Props) {
  const list = findings.data ?? [];
  // The defined term's findings close and leave the list, so what happened is said here.
  const [notice, setNotice] = useState<string | null>(null);
  const handleDefined = (finding: Finding, defined: DefinedTerm) => {
    const closed = defined.rechecked.closed;
    setNotice(
      `"${defined.definition.term}" is now in the configured glossary; ${closed} finding${
        closed === 1 ? '' : 's'
      } closed.`,
    );
    onChanged(finding);
  };
  return (
    <section
      className="findings-panel"
      aria-labelledby="findings-heading"
      aria-busy={findings.loading}
    >
      <h2 id="findings-heading">Plain-English checks</h2>
      {findings.error ? (
        <p className="error" role="alert">
          Plain-English findings could not be loaded: {findings.error.message}
        </p>
      ) : !findings.data ? (
        <p role="status">Loading findings…</p>
      ) : (
        <>
          <p data-testid="findings-summary">{describeFindingCounts(list)}</p>
          <p role="status" className="finding-notice">
            {notice}
          </p>
          {list.length === 0 && <p className="muted">The checks found nothing in this version.</p>}
          <ol className="findings-list">
            {list.map((f) => (
              <li key={f.id}>
                <FindingItem
                  finding={f}
                  clause={clauses.get(f.clauseRef)}
                  canWaive={canWaive}
                  canRaise={canRaise}
                  onChanged={(changed) => {
                    setNotice(null);
                    onChanged(changed);
                  }}
                  onDefined={handleDefined}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

interface ItemProps {
  finding: Finding;
  clause: Clause | undefined;
  canWaive: boolean;
  canRaise: boolean;
  onChanged(finding: Finding): void;
  onDefined(finding: Finding, defined: DefinedTerm): void;
}

function FindingItem({ finding: f, clause, canWaive, canRaise, onChanged, onDefined }: ItemProps) {
  const id = useId();
  const [waiving, setWaiving] = useState(false);
  const [reason, setReason] = useState('');
  const [defining, setDefining] = useState(false);
  const [definition, setDefinition] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = FINDING_KIND_LABELS[f.kind] ?? f.kind;
  const headingId = `${id}-heading`;
  const href = clause
    ? `#${encodeURIComponent(clause.anchor)}`
    : `?clause=${encodeURIComponent(f.clauseRef)}`;

  async function act(action: () => Promise<Finding>) {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      setWaiving(false);
      setReason('');
      onChanged(updated);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  function handleWaive(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Give the reason for waiving the finding.');
      return;
    }
    void act(() => waiveFinding(f.id, reason.trim()));
  }

  async function handleDefine(event: FormEvent) {
    event.preventDefault();
    if (!definition.trim()) {
      setError('Give the definition of the term.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const defined = await defineFindingTerm(f.id, definition.trim());
      setDefining(false);
      setDefinition('');
      onDefined(f, defined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const canDefine = canWaive && f.kind === 'undefined-term';

  return (
    <article className={`finding finding-${f.status}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {kind}, <a href={href}>clause {f.clauseRef}</a>
      </h3>
      <p>
        <q className="finding-excerpt">{f.excerpt}</q>
      </p>
      <p>{f.message}</p>
      <p className="finding-status" data-testid="finding-status">
        {f.status === 'open' && 'Open'}
        {f.status === 'waived' &&
          `Waived${f.decidedByName ? ` by ${f.decidedByName}` : ''}${
            f.decidedAt ? ` on ${formatDate(f.decidedAt)}` : ''
          }: ${f.reason ?? ''}${f.carriedFrom ? ` (carried from ${f.carriedFrom})` : ''}`}
        {f.status === 'raised' && `Raised as comment ${f.commentRef ?? ''}`.trim()}
        {f.status === 'raised' && f.decidedByName && ` by ${f.decidedByName}`}
      </p>
      {f.status === 'open' && (canWaive || canRaise) && !waiving && !defining && (
        <div className="finding-actions">
          {canWaive && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setWaiving(true);
                setError(null);
              }}
            >
              Waive…
            </button>
          )}
          {canDefine && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDefining(true);
                setError(null);
              }}
            >
              Define this term…
            </button>
          )}
          {canRaise && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => raiseFinding(f.id))}
            >
              Raise as comment
            </button>
          )}
        </div>
      )}
      {waiving && f.status === 'open' && (
        <form
          className="finding-waive"
          aria-label={`Waive finding on clause ${f.clauseRef}`}
          onSubmit={handleWaive}
          noValidate
        >
          <label htmlFor={`${id}-reason`}>Reason for waiving</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={2}
            maxLength={2000}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="finding-actions">
            <button type="submit" disabled={busy}>
              Waive finding
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setWaiving(false);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {defining && f.status === 'open' && (
        <form
          className="finding-define"
          aria-label={`Define "${f.excerpt}"`}
          onSubmit={(e) => void handleDefine(e)}
          noValidate
        >
          <label htmlFor={`${id}-definition`}>
            Definition of &ldquo;{f.excerpt}&rdquo;, added to the configured glossary
          </label>
          <textarea
            id={`${id}-definition`}
            value={definition}
            rows={2}
            maxLength={2000}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setDefinition(e.target.value)}
          />
          <div className="finding-actions">
            <button type="submit" disabled={busy}>
              Add to glossary
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDefining(false);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
