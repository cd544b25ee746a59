import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { roleLabel } from './format';

export function Layout() {
  const { state, signOut } = useAuth();
  const navigate = useNavigate();

  function handleSignOut() {
    signOut();
    navigate('/login', { replace: true });
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="site-name">
          M6 Review
        </Link>
        {state.status === 'signed-in' && (
          <div className="signed-in-user">
            <span>
              <span className="user-name">{state.user.name}</span>{' '}
              <span className="user-role">{roleLabel(state.user.role, state.user.code)}</span>
            </span>
            <button type="button" onClick={handleSignOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
