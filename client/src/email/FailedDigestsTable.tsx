import { formatDate, formatDateTime } from '../format';
import {
  listDigestDeliveries,
  retryDigestDelivery,
  type DigestDelivery,
} from './emailDeliveriesApi';
import { DeliveryListEnd, DeliveryListStatus } from './DeliveryListParts';
import { useDeliveryPages } from './useDeliveryPages';
import { useRetry } from './useRetry';

/** Daily digests that could not be sent, newest day first, each with a Retry button. */
export function FailedDigestsTable() {
  const pages = useDeliveryPages(
    (cursor, signal) => listDigestDeliveries('failed', cursor, signal),
    [],
  );
  const key = (d: DigestDelivery) => `${d.userId}\n${d.digestDate}`;
  const retrying = useRetry(pages.items, key, (k) =>
    pages.update((items) => items.filter((d) => key(d) !== k)),
  );
  const error = pages.error ?? retrying.error;

  return (
    <section aria-labelledby="failed-digests-heading">
      <h2 id="failed-digests-heading" ref={retrying.heading} tabIndex={-1}>
        Failed daily digests
      </h2>
      <DeliveryListStatus pages={pages} message={retrying.message} error={error} noun="digest" />
      {pages.items.length > 0 && (
        <div className="table-wrap">
          <table aria-busy={pages.loading}>
            <caption className="visually-hidden">Failed daily digests</caption>
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">Day</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Due (UK time)</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((d) => {
                const day = formatDate(d.digestDate);
                return (
                  <tr key={key(d)}>
                    <td>{d.recipientEmail}</td>
                    <td className="nowrap">{day}</td>
                    <td className="numeric">{d.attempts}</td>
                    <td className="plain-text">{d.error ?? '—'}</td>
                    <td className="nowrap">{formatDateTime(d.dueAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        ref={retrying.buttonRef(key(d))}
                        disabled={retrying.busy !== null}
                        onClick={() =>
                          void retrying.retry(
                            d,
                            () => retryDigestDelivery(d),
                            `The digest of ${day} to ${d.recipientEmail} will be sent again.`,
                          )
                        }
                      >
                        Retry
                        <span className="visually-hidden">
                          {' '}
                          digest of {day} to {d.recipientEmail}
                        </span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <DeliveryListEnd pages={pages} empty={'No failed digests.'} noun="digest" />
    </section>
  );
}
