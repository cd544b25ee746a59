import { useQueryParams } from '../useQueryParams';
import { useAuth } from '../auth';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../email/emailDeliveriesApi';
import { EmailDeliveriesTable } from '../email/EmailDeliveriesTable';
import { FailedDigestsTable } from '../email/FailedDigestsTable';
import { getNotificationSettings } from '../notifications/notificationsApi';
import { useApi } from '../useApi';

const isStatus = (value: string | null): value is DeliveryStatus =>
  (DELIVERY_STATUSES as readonly (string | null)[]).includes(value);

/** Administrators see which emails failed (and the rest of the outbox) and send them again. */
export function EmailDeliveriesPage() {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const allowed = user?.role === 'admin';
  const [params, updateParams] = useQueryParams();
  const requested = params.get('status');
  const status: DeliveryStatus = isStatus(requested) ? requested : 'failed';
  const settings = useApi(allowed ? (signal) => getNotificationSettings(signal) : null, [allowed]);

  if (!user) return null;
  if (!allowed) {
    return (
      <div className="page-message">
        <title>Email deliveries · M6 Review</title>
        <h1>Email deliveries</h1>
        <p>Email deliveries are for administrators.</p>
      </div>
    );
  }

  function setStatus(next: DeliveryStatus) {
    updateParams({ status: next === 'failed' ? null : next });
  }

  return (
    <>
      <title>Email deliveries · M6 Review</title>
      <h1>Email deliveries</h1>
      {settings.data?.emailEnabled === false && (
        <p className="notice">
          Email is off on this server (no <code>SMTP_URL</code>): nothing is sent, and emails stay
          pending until it is configured.
        </p>
      )}
      {/* A fresh table per status, so a message about the last filter's retry does not linger. */}
      <EmailDeliveriesTable key={status} status={status} onStatusChange={setStatus} />
      <FailedDigestsTable />
    </>
  );
}
