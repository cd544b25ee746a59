import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { useFocusHeadingOnNavigate } from './focus';
import { roleLabel } from './format';
import { NotificationBell } from './notifications/NotificationBell';
import { HeaderSearch } from './search/HeaderSearch';

// Roles that work the triage queue: code bodies decide, the programme and admins follow along.
const TRIAGE_ROLES = ['code_body', 'programme', 'admin'];

export function Layout() {
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  useFocusHeadingOnNavigate();

  function handleSignOut() {
    void signOut().then(() => navigate('/login', { replace: true }));
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
          <nav className="site-nav" aria-label="Main">
            <NavLink to="/" end>
              Registry
            </NavLink>
            <NavLink to="/readiness">Readiness</NavLink>
            <NavLink to="/consultations">Consultations</NavLink>
            <NavLink to="/my-comments">My comments</NavLink>
            {TRIAGE_ROLES.includes(state.user.role) && <NavLink to="/triage">Triage</NavLink>}
            <NavLink to="/changes">Changes</NavLink>
            <NavLink to="/work-off">Work-off</NavLink>
            <NavLink to="/requirements">Requirements</NavLink>
            <NavLink to="/glossary">Glossary</NavLink>
            <NavLink to="/due-process">Due process</NavLink>
            <NavLink to="/recommendations">Recommendation</NavLink>
            {state.user.role === 'admin' && <NavLink to="/admin/email">Email deliveries</NavLink>}
          </nav>
        )}
        {state.status === 'signed-in' && <HeaderSearch />}
        {state.status === 'signed-in' && (
          <div className="signed-in-user">
            <NotificationBell />
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
