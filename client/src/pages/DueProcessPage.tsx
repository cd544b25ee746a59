import { useState } from 'react';
import { useAuth } from '../auth';
import { DueProcessForm } from '../dueProcess/DueProcessForm';
import {
  getDueProcessSummary,
  listDueProcessResponses,
  type DueProcessResponse,
} from '../dueProcess/dueProcessApi';
import { DueProcessRefusals } from '../dueProcess/DueProcessRefusals';
import { DueProcessSummaryView } from '../dueProcess/DueProcessSummaryView';
import { useApi } from '../useApi';

/** Participants confirm due process for their organisation; everyone sees the summary. */
export function DueProcessPage() {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const canRespond = user?.role === 'participant' && user.organisationId !== null;
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState<DueProcessResponse | null>(null);
  const summary = useApi((signal) => getDueProcessSummary(signal), [refresh]);
  const own = useApi(canRespond ? (signal) => listDueProcessResponses(signal) : null, [canRespond]);
  const previous =
    saved ?? own.data?.find((r) => r.organisation.id === user?.organisationId) ?? undefined;

  return (
    <>
      <title>Due process · M6 Review</title>
      <h1>Due process</h1>
      <p className="muted">
        Each participant organisation confirms whether due process was followed for the M6 code
        changes (success criterion SC4 and key dependency KD3). A later response from the same
        organisation replaces its earlier one.
      </p>
      {summary.error && (
        <p className="error" role="alert">
          {summary.error.message}
        </p>
      )}
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        {summary.data ? (
          <DueProcessSummaryView summary={summary.data} />
        ) : (
          summary.loading && <p role="status">Loading…</p>
        )}
      </section>
      {summary.data && (
        <section aria-labelledby="refusals-heading">
          <h2 id="refusals-heading">Refusals</h2>
          <DueProcessRefusals
            refusals={summary.data.refusals}
            canRespond={user?.role === 'programme' || user?.role === 'admin'}
            onResponded={() => setRefresh((n) => n + 1)}
          />
        </section>
      )}
      <div role="status">
        {saved && <p className="notice">Your organisation’s response has been recorded.</p>}
      </div>
      {canRespond && summary.data && (own.data || own.error) && (
        <DueProcessForm
          key={previous?.id ?? 'new'}
          confirmations={summary.data.confirmations}
          previous={previous}
          onSaved={(response) => {
            setSaved(response);
            setRefresh((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
