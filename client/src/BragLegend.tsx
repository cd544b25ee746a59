import { useId } from 'react';
import type { Brag } from './api';
import { BRAG_MEANING, BragBadge } from './BragBadge';

const ORDER: readonly Brag[] = ['blue', 'green', 'amber', 'red'];

/** Every rating with what it means (DESIGN section 3), shown beside any table or chart of them. */
export function BragLegend() {
  const id = useId();
  return (
    <div className="brag-legend" role="group" aria-labelledby={id}>
      <p id={id} className="brag-legend-title">
        What the BRAG ratings mean
      </p>
      <dl>
        {ORDER.map((brag) => (
          <div key={brag}>
            <dt>
              <BragBadge brag={brag} />
            </dt>
            <dd>{BRAG_MEANING[brag]}.</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
