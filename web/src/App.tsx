import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session.ts';
import { Layout } from './components/Layout.tsx';
import { RequireRole } from './components/RequireRole.tsx';
import { ErrorMessage, Loading } from './components/Status.tsx';
import * as pages from './lazy-pages.ts';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';

/** Routes that need a signed-in user send everybody else to the sign-in page and back. */
function RequireSession({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Checking your session" />;
  if (session.isError) return <ErrorMessage error={session.error} />;
  if (!session.data) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

export function App() {
  return (
    <Suspense fallback={<Loading label="Loading the page" />}>
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/public" element={<pages.PublicIndexPage />} />
        <Route path="/public/:slug" element={<pages.PublicLayout />}>
          <Route index element={<pages.PublicCharterPage />} />
          <Route path="members" element={<pages.PublicMembersPage />} />
          <Route path="candidates" element={<pages.PublicCandidatePage />} />
          <Route path="slate" element={<pages.PublicSlatePage />} />
        </Route>
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="members" element={<pages.MembersPage />} />
          <Route
            path="members/apply"
            element={
              <RequireRole staff>
                <pages.ApplicationPage />
              </RequireRole>
            }
          />
          <Route path="members/:id" element={<pages.MemberPage />} />
          <Route path="decisions" element={<pages.DecisionsPage />} />
          <Route
            path="decisions/new"
            element={
              <RequireRole staff>
                <pages.NewDecisionPage />
              </RequireRole>
            }
          />
          <Route path="decisions/:id" element={<pages.DecisionPage />} />
          <Route path="map" element={<pages.MapPage />} />
          <Route path="map/france" element={<pages.FrancePage />} />
          <Route path="pacts" element={<pages.PactsPage />} />
          <Route
            path="pacts/new"
            element={
              <RequireRole staff>
                <pages.NewPactPage />
              </RequireRole>
            }
          />
          <Route path="pacts/:id" element={<pages.PactPage />} />
          <Route path="petitions" element={<pages.PetitionsPage />} />
          <Route path="petitions/drives/:id" element={<pages.DrivePage />} />
          <Route path="candidates" element={<pages.CandidatesPage />} />
          <Route path="candidates/new" element={<pages.TicketBuilderPage />} />
          <Route path="candidates/results" element={<pages.ResultsPage />} />
          <Route path="candidates/:id" element={<pages.CandidatePage />} />
          <Route path="people" element={<pages.PeoplePage />} />
          <Route path="people/import" element={<pages.ImportPeoplePage />} />
          <Route path="people/duplicates" element={<pages.DuplicatesPage />} />
          <Route path="people/overlaps" element={<pages.OverlapsPage />} />
          <Route path="people/pipeline" element={<pages.PipelinePage />} />
          <Route path="people/segments" element={<pages.SegmentsPage />} />
          <Route path="people/:id" element={<pages.PersonPage />} />
          <Route path="charter" element={<pages.CharterPage />} />
          <Route path="audit" element={<pages.AuditPage />} />
          <Route path="settings/branding" element={<pages.BrandingPage />} />
          <Route path="count" element={<pages.CountPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
