import type { Brag } from './api';
import { humanise } from './format';

/** Always shows the word as well as the colour, so the status never relies on colour alone. */
export function BragBadge({ brag }: { brag: Brag }) {
  return <span className={`brag brag-${brag}`}>{humanise(brag)}</span>;
}
