import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth';
import { formatDateTime } from '../format';
import { VerdictBanner } from '../readiness/VerdictBanner';
import { BaselineView } from '../recommendations/BaselineView';
import { DecisionForm } from '../recommendations/DecisionForm';
import { DecisionList } from '../recommendations/DecisionList';
import { PaperDownloads } from '../recommendations/PaperDownloads';
import { PaperPreview } from '../recommendations/PaperPreview';
import {
  getBaseline,
  getPaper,
  personName,
  type Paper,
} from '../recommendations/recommendationsApi';
import { useApi } from '../useApi';

/** One paper: its frozen verdict, downloads, decisions so far and the forms to record more. */
export function PaperPage() {
  const { id = '' } = useParams();
  // A fresh view per paper, so no form state or message carries over to a newly generated one.
  return <PaperView key={id} id={id} />;
}

function PaperView({ id }: { id: string }) {
  const { state } = useAuth();
  const role = state.status === 'signed-in' ? state.user.role : null;
  const [revision, setRevision] = useState(0);
  const loaded = useApi((signal) => getPaper(id, signal), [id]);
  const baseline = useApi((signal) => getBaseline(signal), [id, revision]);
  const [paper, setPaper] = useState<Paper | undefined>();
  useEffect(() => setPaper(loaded.data), [loaded.data]);

  if (loaded.error)
    return (
      <div className="page-message">
        <title>Paper · M6 Review</title>
        <h1>{loaded.error.status === 404 ? 'Paper not found' : 'Could not load the paper'}</h1>
        <p role="alert">{loaded.error.message}</p>
        <p>
          <Link to="/recommendations">← All papers</Link>
        </p>
      </div>
    );
  if (!paper) return <p role="status">Loading…</p>;

  const baselined = baseline.data != null;
  // A body decides a paper once: its form closes when the decision is recorded.
  const open = (body: 'CCAG' | 'SRO') =>
    !baselined && !paper.decisions.some((d) => d.body === body);
  const recorded = (updated: Paper) => {
    setPaper(updated);
    setRevision((n) => n + 1);
  };
  return (
    <>
      <title>{`Paper of ${formatDateTime(paper.createdAt)} · M6 Review`}</title>
      <p>
        <Link to="/recommendations">← All papers</Link>
      </p>
      <h1>CDWG recommendation paper</h1>
      <p className="muted">
        Generated {formatDateTime(paper.createdAt)} by {personName(paper.createdBy)}, from the
        readiness of that moment.
      </p>
      <VerdictBanner readiness={paper.readiness} />
      {paper.baselineId && (
        <p className="notice" role="status">
          The SRO approved this paper: M6 is baselined.
        </p>
      )}
      <PaperDownloads paper={paper} />
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        <DecisionList decisions={paper.decisions} />
        {baselined && !paper.baselineId && (
          <p className="notice">M6 was baselined on another paper; no more decisions are taken.</p>
        )}
        {open('CCAG') && role === 'programme' && (
          <DecisionForm paper={paper} body="CCAG" canGenerate onRecorded={recorded} />
        )}
        {open('SRO') && role === 'sro' && (
          <DecisionForm paper={paper} body="SRO" canGenerate={false} onRecorded={recorded} />
        )}
      </section>
      {paper.baselineId && baseline.data && <BaselineView baseline={baseline.data} />}
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">The paper</h2>
        <PaperPreview htmlPath={paper.formats.html} />
      </section>
    </>
  );
}
