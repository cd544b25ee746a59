import { useAuth } from '../auth';
import { plural } from '../format';
import { useApi } from '../useApi';
import { OutstandingChart, OutstandingTable } from './OutstandingChart';
import { MAX_COMMENTS, loadCommentHistory, outstandingByDay } from './outstandingSeries';

const SEE_ALL = ['programme', 'sro', 'admin'];

/** The "outstanding comments over time" section, derived from the comments themselves. */
export function OutstandingOverTime({ refresh }: { refresh: number }) {
  const { state } = useAuth();
  const seesAll = state.status === 'signed-in' && SEE_ALL.includes(state.user.role);
  const history = useApi((signal) => loadCommentHistory(signal), [refresh]);

  if (history.error)
    return (
      <p className="error" role="alert">
        Could not load the comments: {history.error.message}
      </p>
    );
  if (!history.data) return <p role="status">Loading comments…</p>;
  const { comments, capped } = history.data;
  const series = outstandingByDay(comments, new Date().toISOString());
  return (
    <>
      <p className="hint">
        Worked out from {plural(comments.length, 'comment')}: created and not yet decided or
        withdrawn at the end of each day.
        {!seesAll &&
          ' Only the comments you can see are counted (not other organisations’ confidential ones).'}
      </p>
      {capped && (
        <p className="notice">
          Only the oldest {MAX_COMMENTS.toLocaleString('en-GB')} comments were loaded, so recent
          days are undercounted.
        </p>
      )}
      {series.length === 0 ? (
        <p className="empty">No comments have been made yet.</p>
      ) : (
        <>
          <OutstandingChart series={series} />
          <OutstandingTable series={series} />
        </>
      )}
    </>
  );
}
