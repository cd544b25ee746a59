import { humanise } from '../format';

/** The status in words as well as colour, so it never relies on colour alone. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{humanise(status)}</span>;
}
