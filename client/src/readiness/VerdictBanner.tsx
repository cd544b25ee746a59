import { Link } from 'react-router-dom';
import { ukDateTime } from '../../../server/domain/ukDateTime';
import { GATING, type M6Baseline, type Readiness } from './readinessApi';

/**
 * "Ready to recommend", or "Not ready" naming the failing criteria and any Red artefacts; once the
 * SRO has approved the M6 baseline, that is the verdict ("M6 baselined on …"), with the paper it
 * approved: the evaluation goes on (post-M6 work shows in it), but it no longer decides M6.
 */
export function VerdictBanner({
  readiness,
  baseline = null,
}: {
  readiness: Readiness;
  baseline?: M6Baseline | null;
}) {
  if (baseline) return <Baselined baseline={baseline} />;
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

function Baselined({ baseline }: { baseline: M6Baseline }) {
  return (
    <section
      className="verdict verdict-baselined"
      aria-labelledby="verdict-heading"
      data-testid="verdict"
    >
      <h2 id="verdict-heading">M6 baselined on {ukDateTime(baseline.createdAt)}</h2>
      <p>
        The SRO approved{' '}
        <Link to={`/recommendations/${encodeURIComponent(baseline.recommendationId)}`}>
          the recommendation paper
        </Link>{' '}
        and every artefact&apos;s current version was baselined; consultations over them closed.
        Changes now go through post-M6 change requests on the <Link to="/changes">Changes</Link>{' '}
        page; the frozen versions and work-off items are on the{' '}
        <Link to="/recommendations">Recommendation</Link> page.
      </p>
    </section>
  );
}
