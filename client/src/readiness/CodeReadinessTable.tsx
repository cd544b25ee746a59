import { humanise } from '../format';
import { MetBadge } from './CriteriaChecklist';
import { BRAG_ORDER, GATING, type CodeReadiness } from './readinessApi';

/** Per code: ready or not, the BRAG counts and outstanding comments, and what holds it up. */
export function CodeReadinessTable({ codes }: { codes: CodeReadiness[] }) {
  return (
    // Focusable, so that keyboard users can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-label="Readiness per code" tabIndex={0}>
      <table className="code-readiness">
        <caption className="visually-hidden">Readiness and BRAG counts per code</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Ready</th>
            {BRAG_ORDER.map((b) => (
              <th key={b} scope="col" className="numeric">
                {humanise(b)}
              </th>
            ))}
            <th scope="col" className="numeric">
              Outstanding comments
            </th>
            <th scope="col">Criteria not met</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => {
            const failing = c.criteria.filter((k) => GATING.includes(k.id) && !k.met);
            return (
              <tr key={c.code} data-testid={`code-readiness-${c.code}`}>
                <th scope="row">{c.code}</th>
                <td>
                  <MetBadge met={c.ready} yes="Ready" no="Not ready" />
                </td>
                {BRAG_ORDER.map((b) => (
                  <td key={b} className="numeric">
                    {c.brag[b]}
                  </td>
                ))}
                <td className="numeric">{c.outstandingComments}</td>
                <td>
                  {failing.length === 0
                    ? c.brag.red > 0
                      ? `${c.brag.red} Red`
                      : 'None'
                    : failing.map((k) => `${k.id} (${k.blockerCount})`).join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
