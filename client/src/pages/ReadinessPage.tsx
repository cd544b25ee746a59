import { useMemo, useState } from 'react';
import { useAuth } from '../auth';
import { formatDateTime } from '../format';
import { ArtefactBragTables } from '../readiness/ArtefactBragTables';
import type { BlockerContext } from '../readiness/BlockerLink';
import { BragLegend } from '../BragLegend';
import { BragChart } from '../readiness/BragChart';
import { CodeReadinessTable } from '../readiness/CodeReadinessTable';
import { CriteriaChecklist } from '../readiness/CriteriaChecklist';
import { OutstandingOverTime } from '../readiness/OutstandingOverTime';
import { getReadiness } from '../readiness/readinessApi';
import { VerdictBanner } from '../readiness/VerdictBanner';
import { useApi } from '../useApi';

const TRIAGE_ROLES = ['code_body', 'programme', 'admin'];

/** The M6 readiness dashboard: verdict, criteria, per-code BRAG, comments over time, artefacts. */
export function ReadinessPage() {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const [refresh, setRefresh] = useState(0);
  const readiness = useApi((signal) => getReadiness(signal), [refresh]);
  const r = readiness.data;
  const context = useMemo<BlockerContext>(
    () => ({
      slugs: new Map((r?.artefacts ?? []).map((a) => [a.id, a.slug])),
      canTriage: user !== null && TRIAGE_ROLES.includes(user.role),
    }),
    [r, user],
  );

  return (
    <>
      <title>Readiness · M6 Review</title>
      <h1>M6 readiness</h1>
      <div className="actions">
        {r && <span className="muted">Evaluated {formatDateTime(r.evaluatedAt)}</span>}
        <button
          type="button"
          className="secondary"
          onClick={() => setRefresh((n) => n + 1)}
          disabled={readiness.loading}
        >
          Refresh
        </button>
      </div>
      {readiness.error && (
        <p className="error" role="alert">
          {readiness.error.message}
        </p>
      )}
      {!r && readiness.loading && <p role="status">Loading…</p>}
      {r && (
        <>
          <VerdictBanner readiness={r} baseline={r.baseline} />
          <section aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">Success criteria and key dependencies</h2>
            <CriteriaChecklist criteria={r.criteria} context={context} />
          </section>
          <section aria-labelledby="codes-heading">
            <h2 id="codes-heading">By code</h2>
            <BragLegend />
            <div className="chart-row">
              <BragChart codes={r.byCode} />
              <CodeReadinessTable codes={r.byCode} />
            </div>
          </section>
          <section aria-labelledby="over-time-heading">
            <h2 id="over-time-heading">Outstanding comments over time</h2>
            <OutstandingOverTime refresh={refresh} />
          </section>
          <section aria-labelledby="artefacts-heading">
            <h2 id="artefacts-heading">Artefacts</h2>
            <ArtefactBragTables
              artefacts={r.artefacts}
              user={user}
              context={context}
              onChanged={() => setRefresh((n) => n + 1)}
            />
          </section>
        </>
      )}
    </>
  );
}
