import { BlockerLink, type BlockerContext } from './BlockerLink';
import type { Criterion } from './readinessApi';

const PROPER: Record<string, string> = { ccag: 'CCAG', sro: 'SRO', english: 'English' };

/** "approvedChanges" → "Approved changes", "ccagRecommended" → "CCAG recommended". */
export function evidenceLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((w) => PROPER[w] ?? w)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const evidenceValue = (value: number | string | string[]) =>
  Array.isArray(value) ? value.join(', ') || 'none' : String(value);

/** Lists shorter than this are shown open; longer ones behind a "show" toggle. */
const OPEN_BLOCKERS = 5;

export function MetBadge({
  met,
  yes = 'Met',
  no = 'Not met',
}: {
  met: boolean;
  yes?: string;
  no?: string;
}) {
  return (
    <span className={`met ${met ? 'met-yes' : 'met-no'}`}>
      <span aria-hidden="true">{met ? '✓ ' : '✗ '}</span>
      {met ? yes : no}
    </span>
  );
}

function CriterionItem({
  criterion: c,
  context,
}: {
  criterion: Criterion;
  context: BlockerContext;
}) {
  // A blocker with a count stands for confidential comments the viewer may not see.
  const listed = c.blockers.reduce((n, b) => n + (b.count ?? 1), 0);
  const more = c.blockerCount - listed;
  const blockers = (
    <ul className="blockers">
      {c.blockers.map((b, i) => (
        <li key={`${b.kind}-${b.id}-${b.artefactId ?? ''}-${i}`}>
          <BlockerLink blocker={b} context={context} />
        </li>
      ))}
    </ul>
  );
  return (
    <li className="criterion" data-criterion={c.id}>
      <h3 id={`criterion-${c.id}`}>
        <span className="criterion-id">{c.id}</span> {c.text} <MetBadge met={c.met} />
      </h3>
      <dl className="evidence">
        {Object.entries(c.evidence).map(([key, value]) => (
          <div key={key}>
            <dt>{evidenceLabel(key)}</dt>
            <dd>{evidenceValue(value)}</dd>
          </div>
        ))}
      </dl>
      {c.blockerCount > 0 &&
        (c.blockerCount <= OPEN_BLOCKERS ? (
          <>
            <p className="label">Blockers</p>
            {blockers}
          </>
        ) : (
          <details>
            <summary>{c.blockerCount} blockers</summary>
            {blockers}
            {more > 0 && (
              <p className="muted">
                Showing the first {listed} of {c.blockerCount} blockers.
              </p>
            )}
          </details>
        ))}
    </li>
  );
}

/** The M6 success criteria and key dependencies, each met or not, with evidence and blockers. */
export function CriteriaChecklist({
  criteria,
  context,
}: {
  criteria: Criterion[];
  context: BlockerContext;
}) {
  return (
    <ul className="criteria">
      {criteria.map((c) => (
        <CriterionItem key={c.id} criterion={c} context={context} />
      ))}
    </ul>
  );
}
