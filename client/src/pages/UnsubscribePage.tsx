import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { request } from '../api';

const CATEGORY_LABELS: Record<string, string> = {
  consultations: 'consultations opening and closing',
  my_comments: 'decisions and replies on your comments',
  versions: 'new versions of artefacts you follow',
  new_comments: "new comments on your code's artefacts",
  programme: 'readiness, papers and decisions',
  work_off: 'work-off items assigned to your code',
};

type State =
  | { status: 'working' }
  | { status: 'done'; category: string; email: string }
  | { status: 'error'; message: string };

/** Where an email's unsubscribe link lands: no sign-in, the link's token is the authority. */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<State>({ status: 'working' });

  useEffect(() => {
    if (!token) {
      setState({ status: 'error', message: 'This link has no unsubscribe token.' });
      return;
    }
    let current = true;
    request<{ data: { category: string; email: string } }>('/api/notifications/unsubscribe', {
      method: 'POST',
      body: { token },
      authenticated: false,
    }).then(
      ({ data }) => current && setState({ status: 'done', ...data }),
      (error: Error) => current && setState({ status: 'error', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <div className="login">
      <title>Unsubscribe · M6 Review</title>
      <h1>Unsubscribe</h1>
      {state.status === 'working' && <p role="status">Unsubscribing…</p>}
      {state.status === 'done' && (
        <p role="status">
          {state.email} will no longer get emails about{' '}
          {CATEGORY_LABELS[state.category] ?? state.category}. You will still see these
          notifications in the app.
        </p>
      )}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      <p>
        <Link to="/notifications">Sign in to change your notification settings</Link>
      </p>
    </div>
  );
}
