import { plural } from '../format';
import type { DueProcessSummary } from './dueProcessApi';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * How many participant organisations responded and which have not, the share of responders
 * confirming each statement, and lessons learnt.
 */
export function DueProcessSummaryView({ summary }: { summary: DueProcessSummary }) {
  return (
    <>
      <p data-testid="due-process-responses">
        Responded: {summary.responses} of {plural(summary.participants, 'participant organisation')}
        .
      </p>
      {summary.nonResponders.length > 0 && (
        <p data-testid="due-process-non-responders">
          Not yet responded: {summary.nonResponders.map((o) => o.name).join(', ')}. Due process
          (SC4, KD3) is not met until every participant organisation has responded.
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">
            Share of responding organisations confirming each statement
          </caption>
          <thead>
            <tr>
              <th scope="col">Confirmation</th>
              <th scope="col" className="numeric">
                Confirmed
              </th>
              <th scope="col">Share confirming</th>
            </tr>
          </thead>
          <tbody>
            {summary.confirmations.map((c) => (
              <tr key={c.key}>
                <td>{c.text}</td>
                <td className="numeric">
                  {c.confirmed} of {summary.responses}
                </td>
                <td>
                  <span className="share">
                    <svg width="120" height="12" aria-hidden="true" focusable="false">
                      <rect width="120" height="12" className="share-track" />
                      <rect width={120 * c.share} height="12" className="share-fill" />
                    </svg>{' '}
                    {percent(c.share)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Lessons learnt</h3>
      {summary.lessonsLearnt.length === 0 ? (
        <p className="empty">None recorded yet.</p>
      ) : (
        <ul className="lessons">
          {summary.lessonsLearnt.map((lesson, i) => (
            <li key={i} className="plain-text">
              {lesson}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
