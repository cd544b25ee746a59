import { Link } from 'react-router-dom';
import { useAuth } from '../auth';
import { formatDateTime } from '../format';
import { BaselineView } from '../recommendations/BaselineView';
import {
  getBaseline,
  listPapers,
  outcomeLabel,
  personName,
} from '../recommendations/recommendationsApi';
import { useGeneratePaper } from '../recommendations/useGeneratePaper';
import { useApi } from '../useApi';

const verdictLabel = (verdict: string) =>
  verdict === 'ready' ? 'Ready to recommend' : 'Not ready';

/** CDWG's recommendation papers, generating a new one, and the M6 baseline once approved. */
export function RecommendationsPage() {
  const { state } = useAuth();
  const canGenerate = state.status === 'signed-in' && state.user.role === 'programme';
  const papers = useApi((signal) => listPapers(signal), []);
  const baseline = useApi((signal) => getBaseline(signal), []);
  const generator = useGeneratePaper();

  return (
    <>
      <title>Recommendation · M6 Review</title>
      <h1>CDWG recommendation</h1>
      <p className="muted">
        A paper freezes the readiness of the moment it is generated. CCAG recommends on it and the
        SRO approves it, which baselines M6.
      </p>
      {canGenerate && (
        <div className="actions">
          <button type="button" onClick={() => void generator.generate()} disabled={generator.busy}>
            {generator.busy ? 'Generating…' : 'Generate paper'}
          </button>
          {generator.error && (
            <p className="error" role="alert">
              {generator.error}
            </p>
          )}
        </div>
      )}
      {baseline.error && (
        <p className="error" role="alert">
          {baseline.error.message}
        </p>
      )}
      {baseline.data && <BaselineView baseline={baseline.data} />}
      <h2>Papers</h2>
      {papers.error && (
        <p className="error" role="alert">
          {papers.error.message}
        </p>
      )}
      {papers.loading && <p role="status">Loading…</p>}
      {papers.data?.length === 0 && <p className="empty">No paper has been generated yet.</p>}
      {papers.data && papers.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Recommendation papers, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Generated</th>
                <th scope="col">Verdict</th>
                <th scope="col">By</th>
                <th scope="col">CCAG</th>
                <th scope="col">SRO</th>
              </tr>
            </thead>
            <tbody>
              {papers.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/recommendations/${encodeURIComponent(p.id)}`}>
                      Paper of {formatDateTime(p.createdAt)}
                    </Link>
                    {baseline.data?.recommendationId === p.id && (
                      <span className="tag tag-baselined">Baselined</span>
                    )}
                  </td>
                  <td>
                    <span className={`verdict-tag verdict-tag-${p.verdict}`}>
                      {verdictLabel(p.verdict)}
                    </span>
                  </td>
                  <td>{personName(p.createdBy)}</td>
                  <td>{outcomeLabel('CCAG', p.ccag)}</td>
                  <td>{outcomeLabel('SRO', p.sro)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
