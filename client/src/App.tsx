import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { Layout } from './Layout';
import { ArtefactPage } from './pages/ArtefactPage';
import { NextDraftPage } from './pages/NextDraftPage';
import { ChangesPage } from './pages/ChangesPage';
import { WorkOffPage } from './pages/WorkOffPage';
import { ConsultationsPage } from './pages/ConsultationsPage';
import { DueProcessPage } from './pages/DueProcessPage';
import { EmailDeliveriesPage } from './pages/EmailDeliveriesPage';
import { GlossaryPage } from './pages/GlossaryPage';
import { LoginPage } from './pages/LoginPage';
import { MyCommentsPage } from './pages/MyCommentsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { PaperPage } from './pages/PaperPage';
import { ReadinessPage } from './pages/ReadinessPage';
import { RecommendationsPage } from './pages/RecommendationsPage';
import { RegistryPage } from './pages/RegistryPage';
import { RequirementsPage } from './pages/RequirementsPage';
import { SearchPage } from './pages/SearchPage';
import { TriagePage } from './pages/TriagePage';
import { UnsubscribePage } from './pages/UnsubscribePage';

export interface LoginRedirectState {
  from?: string;
  expired?: boolean;
}

function RequireAuth() {
  const { state, retry } = useAuth();
  const location = useLocation();

  if (state.status === 'checking') return <p role="status">Loading…</p>;
  if (state.status === 'error') {
    return (
      <div role="alert" className="page-message">
        <p>{state.message}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  if (state.status === 'signed-out') {
    const redirect: LoginRedirectState = {
      from: location.pathname + location.search + location.hash,
      expired: state.expired,
    };
    return <Navigate to="/login" replace state={redirect} />;
  }
  return <Outlet />;
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/unsubscribe" element={<UnsubscribePage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<RegistryPage />} />
              <Route path="/artefacts/:idOrSlug" element={<ArtefactPage />} />
              <Route path="/artefacts/:idOrSlug/next-draft" element={<NextDraftPage />} />
              <Route path="/consultations" element={<ConsultationsPage />} />
              <Route path="/my-comments" element={<MyCommentsPage />} />
              <Route path="/triage" element={<TriagePage />} />
              <Route path="/readiness" element={<ReadinessPage />} />
              <Route path="/changes" element={<ChangesPage />} />
              <Route path="/work-off" element={<WorkOffPage />} />
              <Route path="/requirements" element={<RequirementsPage />} />
              <Route path="/due-process" element={<DueProcessPage />} />
              <Route path="/recommendations" element={<RecommendationsPage />} />
              <Route path="/recommendations/:id" element={<PaperPage />} />
              <Route path="/search" element={<SearchPage />} />
              <Route path="/glossary" element={<GlossaryPage />} />
              <Route path="/notifications" element={<NotificationsPage />} />
              <Route path="/admin/email" element={<EmailDeliveriesPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
