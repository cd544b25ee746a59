import { humanise } from '../format';
import type { CommentPage } from './commentsApi';
import { STATUSES } from './vocabulary';

interface Props {
  counts: CommentPage['counts'];
  /** The status filter in force: `outstanding`, one status, or '' for all. */
  selected: string;
  onSelect(status: string): void;
}

/** How many comments are in each status (ignoring the status filter); each one filters by it. */
export function StatusCounts({ counts, selected, onSelect }: Props) {
  const total = STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const outstanding = (counts.open ?? 0) + (counts.triaged ?? 0);
  const options: [string, string, number][] = [
    ['', 'All', total],
    ['outstanding', 'Outstanding', outstanding],
    ...STATUSES.map((s): [string, string, number] => [s, humanise(s), counts[s] ?? 0]),
  ];
  return (
    <ul className="status-counts" aria-label="Comments by status">
      {options.map(([value, label, count]) => (
        <li key={value || 'all'}>
          <button
            type="button"
            className="chip"
            aria-pressed={selected === value}
            data-testid={`count-${value || 'all'}`}
            onClick={() => onSelect(value)}
          >
            {label} <span className="chip-count">{count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
