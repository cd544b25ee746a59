import type { Brag } from './api';
import { humanise } from './format';

/** What each rating means (README, "Readiness"), shown wherever a rating is. */
export const BRAG_MEANING: Record<Brag, string> = {
  blue: 'Complete: a consultation covering it has closed, nothing is outstanding, every approved change is incorporated and no plain-English finding is open',
  green: 'In progress, nothing wrong yet (a drafted but unreviewed artefact is Green at best)',
  amber: 'Comments still outstanding after its consultation closed',
  red: 'No version, an approved change missing after its consultation closed, or a high-severity comment overdue',
};

/** Always shows the word as well as the colour, so the status never relies on colour alone. */
export function BragBadge({ brag }: { brag: Brag }) {
  return (
    <span className={`brag brag-${brag}`} title={BRAG_MEANING[brag]}>
      {humanise(brag)}
    </span>
  );
}
