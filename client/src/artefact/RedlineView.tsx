import { formatDate } from '../format';
import { WordDownload } from '../nextDraft/WordDownload';
import { useApi } from '../useApi';
import {
  CHANGE_LABELS,
  describeStats,
  getRedline,
  type Redline,
  type RedlineClause,
} from './versionsApi';

export type RedlineMode = 'changes' | 'document';

interface Props {
  artefactId: string;
  fromId: string;
  toId: string;
  mode: RedlineMode;
  onModeChange(mode: RedlineMode): void;
}

/** The clause-aware redline between two versions: changed clauses only, or the whole document. */
export function RedlineView({ artefactId, fromId, toId, mode, onModeChange }: Props) {
  const redline = useApi(
    (signal) => getRedline(artefactId, fromId, toId, signal),
    [artefactId, fromId, toId],
  );

  if (redline.error) {
    return (
      <p className="error" role="alert">
        The comparison could not be made: {redline.error.message}
      </p>
    );
  }
  if (!redline.data) return <p role="status">Comparing versions…</p>;
  const r = redline.data;

  return (
    <section className="redline" aria-labelledby="redline-heading" aria-busy={redline.loading}>
      <h2 id="redline-heading">
        Changes from {r.from.label} to {r.to.label}
      </h2>
      <p className="muted redline-dates">
        {r.from.label} published {formatDate(r.from.createdAt)}; {r.to.label} published{' '}
        {formatDate(r.to.createdAt)}.
      </p>
      <p className="redline-stats" data-testid="redline-stats">
        {describeStats(r.stats)}
      </p>
      <div className="redline-tools no-print">
        <div role="group" aria-label="Clauses shown" className="redline-modes">
          <ModeButton mode="changes" current={mode} onChange={onModeChange}>
            Changed clauses only
          </ModeButton>
          <ModeButton mode="document" current={mode} onChange={onModeChange}>
            Whole document
          </ModeButton>
        </div>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
        <WordDownload
          path={`/api/artefacts/${encodeURIComponent(artefactId)}/redline.docx?from=${encodeURIComponent(fromId)}&to=${encodeURIComponent(toId)}`}
          fallbackName={`redline-${r.from.label}-to-${r.to.label}.docx`}
        >
          Download Word redline
        </WordDownload>
      </div>
      <p className="hint redline-legend">
        <ins>Inserted text</ins> is underlined; <del>deleted text</del> is struck through.
      </p>
      {r.notes.map((note) => (
        <p key={note} className="notice redline-note">
          {note}
        </p>
      ))}
      {mode === 'document' ? (
        // Built by the server from escaped text, with only section, div, span, ins and del.
        <div className="redline-body" dangerouslySetInnerHTML={{ __html: r.documentHtml }} />
      ) : (
        <ChangedClauses redline={r} />
      )}
    </section>
  );
}

function ModeButton(props: {
  mode: RedlineMode;
  current: RedlineMode;
  onChange(mode: RedlineMode): void;
  children: string;
}) {
  return (
    <button
      type="button"
      className="chip"
      aria-pressed={props.mode === props.current}
      onClick={() => props.onChange(props.mode)}
    >
      {props.children}
    </button>
  );
}

function ChangedClauses({ redline }: { redline: Redline }) {
  if (redline.clauses.length === 0) {
    return (
      <p className="notice">
        No clause changed between {redline.from.label} and {redline.to.label}.
      </p>
    );
  }
  // Clauses whose number alone changed are listed together, so that an inserted Part does not
  // bury the real changes under a hundred identical entries.
  const renumbered = redline.clauses.filter((c) => c.change === 'renumbered');
  const changed = redline.clauses.filter((c) => c.change !== 'renumbered');
  return (
    <div className="redline-body">
      {changed.map((c) => (
        <ChangedClause key={`${c.change}:${c.fromRef ?? ''}>${c.ref}`} clause={c} />
      ))}
      {renumbered.length > 0 && (
        <details className="redline-renumbered" data-testid="redline-renumbered">
          <summary>
            {renumbered.length} clause{renumbered.length === 1 ? '' : 's'} renumbered, text
            unchanged
          </summary>
          <ul>
            {renumbered.map((c) => (
              <li key={c.ref}>
                {c.fromRef} is now {c.ref}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ChangedClause({ clause: c }: { clause: RedlineClause }) {
  const label =
    c.change === 'moved' && c.textChanged
      ? `${CHANGE_LABELS.moved}, text changed`
      : CHANGE_LABELS[c.change];
  const was = [
    c.fromRef && (c.change === 'moved' ? `moved from ${c.fromRef}` : `was ${c.fromRef}`),
    c.mergedInto && `merged into ${c.mergedInto}`,
    c.splitFrom && `split from ${c.splitFrom}`,
  ].filter(Boolean);
  return (
    <section className={`redline-clause redline-${c.change}`} data-ref={c.ref}>
      <div className="redline-ref">
        {c.ref}
        {was.length > 0 && <span className="redline-was"> ({was.join('; ')})</span>}
        <span className="tag redline-change">{label}</span>
      </div>
      {/* Built by the server from escaped text, with only ins, del, br and table markup. */}
      <div className="redline-text" dangerouslySetInnerHTML={{ __html: c.html }} />
    </section>
  );
}
