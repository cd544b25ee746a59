import { formatDateTime, humanise } from '../format';
import type { PaperDecision } from './recommendationsApi';

export function DecisionList({ decisions }: { decisions: PaperDecision[] }) {
  if (decisions.length === 0) return <p className="empty">No decisions have been recorded.</p>;
  return (
    <ol className="paper-decisions" data-testid="paper-decisions">
      {decisions.map((d) => (
        <li key={d.id}>
          <strong>
            {d.body}: {humanise(d.outcome)}
          </strong>{' '}
          <span className="muted">
            {d.decidedBy ? `${d.decidedBy.name}, ` : ''}
            {formatDateTime(d.decidedAt)}
          </span>
          {d.notes && <p className="plain-text">{d.notes}</p>}
        </li>
      ))}
    </ol>
  );
}
