import { GATING, type Readiness } from './readinessApi';

/** "Ready to recommend", or "Not ready" naming the failing criteria and any Red artefacts. */
export function VerdictBanner({ readiness }: { readiness: Readiness }) {
  const failing = readiness.criteria.filter((c) => GATING.includes(c.id) && !c.met);
  const red = readiness.artefacts.filter((a) => a.brag === 'red').length;
  return (
    <section
      className={`verdict ${readiness.ready ? 'verdict-ready' : 'verdict-not-ready'}`}
      aria-labelledby="verdict-heading"
      data-testid="verdict"
    >
      <h2 id="verdict-heading">{readiness.ready ? 'Ready to recommend' : 'Not ready'}</h2>
      {readiness.ready ? (
        <p>
          Every M6 success criterion CDWG recommends on (SC1–SC4) and every key dependency (KD1–KD3)
          is met, and no artefact is rated Red. SC5 follows from CCAG&apos;s recommendation and the
          SRO&apos;s approval.
        </p>
      ) : (
        <ul>
          {failing.map((c) => (
            <li key={c.id}>
              {c.id} not met: {c.text} ({c.blockerCount} blocker{c.blockerCount === 1 ? '' : 's'})
            </li>
          ))}
          {red > 0 && (
            <li>
              {red} artefact{red === 1 ? ' is' : 's are'} rated Red
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
