import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { getUnreadCount, UNREAD_EVENT } from './notificationsApi';

const POLL_MS = 30_000;

/**
 * The header's bell: a link to the notifications page named with the unread count. The count is
 * fetched on every navigation and every 30 seconds, and follows at once whatever this tab marks.
 */
export function NotificationBell() {
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  // Screen readers hear of new notifications as they arrive, not of the count on every page.
  const [announcement, setAnnouncement] = useState('');
  const known = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const refresh = () => {
      getUnreadCount(controller.signal).then(setUnread, () => {
        // A missed count is shown at the next poll; the bell never gets in the way.
      });
    };
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [location.key]);

  useEffect(() => {
    const listener = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_EVENT, listener);
    return () => window.removeEventListener(UNREAD_EVENT, listener);
  }, []);

  useEffect(() => {
    if (known.current !== null && unread > known.current)
      setAnnouncement(`${unread} unread ${unread === 1 ? 'notification' : 'notifications'}`);
    known.current = unread;
  }, [unread]);

  const name = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <>
      <Link to="/notifications" className="notification-bell" aria-label={name}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
          />
        </svg>
        {unread > 0 && (
          <span className="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </>
  );
}
