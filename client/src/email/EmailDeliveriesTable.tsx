import { formatDateTime, humanise } from '../format';
import {
  DELIVERY_STATUSES,
  listEmailDeliveries,
  retryEmailDelivery,
  type DeliveryStatus,
  type EmailDelivery,
} from './emailDeliveriesApi';
import { DeliveryListEnd, DeliveryListStatus } from './DeliveryListParts';
import { useDeliveryPages } from './useDeliveryPages';
import { useRetry } from './useRetry';

const EMPTY: Record<DeliveryStatus, string> = {
  failed: 'No failed emails.',
  pending: 'No emails waiting to be sent.',
  sending: 'No emails being sent.',
  sent: 'No emails sent yet.',
};

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

/** Notification emails in one delivery state, newest first, failed ones with a Retry button. */
export function EmailDeliveriesTable({
  status,
  onStatusChange,
}: {
  status: DeliveryStatus;
  onStatusChange(status: DeliveryStatus): void;
}) {
  const pages = useDeliveryPages(
    (cursor, signal) => listEmailDeliveries(status, cursor, signal),
    [status],
  );
  const key = (d: EmailDelivery) => String(d.id);
  const retrying = useRetry(pages.items, key, (id) =>
    pages.update((items) => items.filter((d) => key(d) !== id)),
  );
  const error = pages.error ?? retrying.error;

  return (
    <section aria-labelledby="email-deliveries-heading">
      <h2 id="email-deliveries-heading" ref={retrying.heading} tabIndex={-1}>
        Notification emails
      </h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="email-delivery-status">Status</label>
          <select
            id="email-delivery-status"
            value={status}
            onChange={(e) => onStatusChange(e.target.value as DeliveryStatus)}
          >
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <DeliveryListStatus pages={pages} message={retrying.message} error={error} noun="email" />
      {pages.items.length > 0 && (
        <div className="table-wrap">
          <table aria-busy={pages.loading}>
            <caption className="visually-hidden">Notification emails: {status}</caption>
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Due (UK time)</th>
                <th scope="col">Sent (UK time)</th>
                {status === 'failed' && (
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {pages.items.map((d) => (
                <tr key={d.id}>
                  <td>{d.recipientEmail}</td>
                  <td>{d.title}</td>
                  <td>{d.kind}</td>
                  <td className="numeric">{d.attempts}</td>
                  <td className="plain-text">{d.error ?? '—'}</td>
                  <td className="nowrap">{when(d.dueAt)}</td>
                  <td className="nowrap">{when(d.sentAt)}</td>
                  {status === 'failed' && (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        ref={retrying.buttonRef(key(d))}
                        disabled={retrying.busy !== null}
                        onClick={() =>
                          void retrying.retry(
                            d,
                            () => retryEmailDelivery(d.id),
                            `The email to ${d.recipientEmail} about ${d.title} will be sent again.`,
                          )
                        }
                      >
                        Retry
                        <span className="visually-hidden">
                          {' '}
                          email to {d.recipientEmail} about {d.title}
                        </span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DeliveryListEnd pages={pages} empty={EMPTY[status]} noun="email" />
    </section>
  );
}
