import { Link } from 'react-router-dom';
import { formatDateTime, plural } from '../format';
import type { Baseline } from './recommendationsApi';

/** The M6 baseline: each artefact's frozen version, and the items to work off after M6. */
export function BaselineView({ baseline }: { baseline: Baseline }) {
  return (
    <section aria-labelledby="baseline-heading" className="baseline" data-testid="baseline">
      <h2 id="baseline-heading">M6 baseline</h2>
      <p>
        Baselined {formatDateTime(baseline.createdAt)} on the SRO&apos;s approval of{' '}
        <Link to={`/recommendations/${encodeURIComponent(baseline.recommendationId)}`}>
          this paper
        </Link>
        : {plural(baseline.versions.length, 'artefact version')} frozen,{' '}
        {plural(baseline.workOff.length, 'post-M6 work-off item')}.
      </p>
      <details>
        <summary>Versions frozen per artefact</summary>
        <div className="table-wrap">
          <table className="compact">
            <caption className="visually-hidden">Artefact versions in the M6 baseline</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Document</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {baseline.versions.map((v) => (
                <tr key={v.artefactId}>
                  <td>{v.code}</td>
                  <td>
                    <Link
                      to={`/artefacts/${encodeURIComponent(v.slug)}?version=${encodeURIComponent(v.versionId)}`}
                    >
                      {v.reference} – {v.title}
                    </Link>
                  </td>
                  <td>{v.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <h3>Post-M6 work-off items</h3>
      <p>
        Deferred comments at the baseline. Owners, targets and progress, and post-M6 changes since,
        are in the <Link to="/work-off">work-off register</Link>.
      </p>
      {baseline.workOff.length === 0 ? (
        <p className="empty">None: no comment was deferred.</p>
      ) : (
        <div className="table-wrap">
          <table className="compact">
            <caption className="visually-hidden">Deferred comments to work off after M6</caption>
            <thead>
              <tr>
                <th scope="col">Comment</th>
                <th scope="col">Artefact</th>
                <th scope="col">Clause</th>
                <th scope="col">Code body response</th>
              </tr>
            </thead>
            <tbody>
              {baseline.workOff.map((w) => (
                <tr key={w.id}>
                  <td>{w.ref ?? 'A confidential comment'}</td>
                  <td>{w.reference}</td>
                  <td>{w.clauseRef ?? ''}</td>
                  <td className="plain-text">{w.response ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
