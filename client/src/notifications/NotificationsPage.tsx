import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryParams } from '../useQueryParams';
import { ApiError } from '../api';
import { formatDateTime } from '../format';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import {
  CATEGORY_LABELS,
  listNotifications,
  markRead,
  NOTIFICATION_CATEGORIES,
  type Notification,
} from './notificationsApi';

interface State {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
  loading: boolean;
  error: string | null;
}

const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/** The inbox: newest first, filtered by category and unread (in the URL), marked read here. */
export function NotificationsPage() {
  const [params, updateParams] = useQueryParams();
  const category = params.get('category') ?? '';
  const unreadOnly = params.get('unread') === 'true';
  const [state, setState] = useState<State>({
    items: [],
    nextCursor: null,
    unread: 0,
    loading: true,
    error: null,
  });
  // A page that arrives for filters no longer chosen is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    listNotifications(
      { category: category || undefined, unread: unreadOnly },
      controller.signal,
    ).then(
      (page) =>
        setState({
          items: page.data,
          nextCursor: page.nextCursor,
          unread: page.unreadCount,
          loading: false,
          error: null,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted && mine === generation.current)
          setState((s) => ({ ...s, items: [], loading: false, error: message(error) }));
      },
    );
    return () => controller.abort();
  }, [category, unreadOnly]);

  async function loadMore() {
    if (!state.nextCursor) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await listNotifications({
        category: category || undefined,
        unread: unreadOnly,
        cursor: state.nextCursor,
      });
      if (mine !== generation.current) return;
      setState((s) => ({
        items: [...s.items, ...page.data],
        nextCursor: page.nextCursor,
        unread: page.unreadCount,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (mine === generation.current)
        setState((s) => ({ ...s, loading: false, error: message(error) }));
    }
  }

  // Marked items stay in the list (even under "unread only") so the reader keeps their place.
  const mark = useCallback(async (target: { ids: number[] } | { all: true }) => {
    try {
      const unread = await markRead(target);
      const now = new Date().toISOString();
      setState((s) => ({
        ...s,
        unread,
        items: s.items.map((n) =>
          n.readAt === null && ('all' in target || target.ids.includes(n.id))
            ? { ...n, readAt: now }
            : n,
        ),
      }));
    } catch (error) {
      setState((s) => ({ ...s, error: message(error) }));
    }
  }, []);

  const setFilter = (key: 'category' | 'unread', value: string) => updateParams({ [key]: value });

  return (
    <>
      <title>Notifications · M6 Review</title>
      <h1>Notifications</h1>
      <div className="filters notification-filters">
        <div className="field">
          <label htmlFor="notification-category">Category</label>
          <select
            id="notification-category"
            value={category}
            onChange={(e) => setFilter('category', e.target.value)}
          >
            <option value="">All categories</option>
            {NOTIFICATION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setFilter('unread', e.target.checked ? 'true' : '')}
          />{' '}
          Unread only
        </label>
        <button
          type="button"
          className="secondary"
          disabled={state.unread === 0}
          onClick={() => void mark({ all: true })}
        >
          Mark all read
        </button>
      </div>
      <p role="status" className="result-count">
        {state.loading ? 'Loading…' : `${state.unread} unread`}
      </p>
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      <ol className="notification-list" aria-busy={state.loading}>
        {state.items.map((n) => (
          <li key={n.id}>
            <NotificationItem notification={n} onMarkRead={(id) => void mark({ ids: [id] })} />
          </li>
        ))}
      </ol>
      {!state.loading && !state.error && state.items.length === 0 && (
        <p className="empty">
          {unreadOnly || category
            ? 'No notifications match these filters.'
            : 'No notifications yet.'}
        </p>
      )}
      {state.nextCursor && (
        <button
          type="button"
          className="secondary"
          disabled={state.loading}
          onClick={() => void loadMore()}
        >
          Load more
        </button>
      )}
      <NotificationSettingsForm />
    </>
  );
}

function NotificationItem({
  notification: n,
  onMarkRead,
}: {
  notification: Notification;
  onMarkRead(id: number): void;
}) {
  const unread = n.readAt === null;
  return (
    <article
      className={unread ? 'notification unread' : 'notification'}
      aria-labelledby={`notification-${n.id}`}
    >
      <h2 id={`notification-${n.id}`} className="notification-title">
        {/* Opening an item reads it; the mark is sent as the app moves on. */}
        <Link to={n.link} onClick={() => unread && onMarkRead(n.id)}>
          {n.title}
        </Link>
        {unread && <span className="tag tag-unread">Unread</span>}
      </h2>
      {n.body && <p className="plain-text notification-body">{n.body}</p>}
      <p className="muted notification-meta">
        {CATEGORY_LABELS[n.category]} · {formatDateTime(n.createdAt)}
        {n.count > 1 && ` · ${n.count} events`}
      </p>
      {unread && (
        <button type="button" className="secondary" onClick={() => onMarkRead(n.id)}>
          Mark read<span className="visually-hidden"> {n.title}</span>
        </button>
      )}
    </article>
  );
}
