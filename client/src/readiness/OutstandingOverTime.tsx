import { useApi } from '../useApi';
import { OutstandingChart, OutstandingTable } from './OutstandingChart';
import { getOutstandingHistory } from './outstandingSeries';

/** The "outstanding comments over time" section: the server's daily series from the audit log. */
export function OutstandingOverTime({ refresh }: { refresh: number }) {
  const history = useApi((signal) => getOutstandingHistory(signal), [refresh]);

  if (history.error)
    return (
      <p className="error" role="alert">
        Could not load the history: {history.error.message}
      </p>
    );
  if (!history.data) return <p role="status">Loading the history…</p>;
  const { days, capped } = history.data.data;
  return (
    <>
      <p className="hint">
        From the audit log: comments open or triaged (not yet decided or withdrawn) at the end of
        each UK day, and the most at any one time that day. Every comment is counted, including
        confidential ones you cannot read.
      </p>
      {capped && (
        <p className="notice">
          Only the last year is shown; comments outstanding from before it are counted from its
          first day.
        </p>
      )}
      {days.length === 0 ? (
        <p className="empty">No comments have been made yet.</p>
      ) : (
        <>
          <OutstandingChart series={days} />
          <OutstandingTable series={days} />
        </>
      )}
    </>
  );
}
