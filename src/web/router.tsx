/**
 * Routes (React Router in declarative mode: the data-router runtime would add ~16 kB
 * gzip to the first load for features this app does not use). Every page is its own
 * chunk (React.lazy), and so is the signed-in layout.
 */
import { type ComponentType, lazy, type LazyExoticComponent, Suspense, useEffect } from 'react';
import { Navigate, type NavigateOptions, Route, Routes, useLocation, useNavigate } from 'react-router';
import ErrorBoundary from './components/ErrorBoundary.tsx';
import FullPageSpin from './components/FullPageSpin.tsx';
import { NotFound } from './components/RouteError.tsx';
import { HomeRedirect, RequireAuth } from './features/auth/guards.tsx';

const LandingPage = lazy(() => import('./features/auth/LandingPage.tsx'));
const AppLayout = lazy(() => import('./features/shell/AppLayout.tsx'));
const OrgPage = lazy(() => import('./features/org/OrgPage.tsx'));
const PositionsPage = lazy(() => import('./features/positions/PositionsPage.tsx'));
const IndicatorsPage = lazy(() => import('./features/indicators/IndicatorsPage.tsx'));
const ScorecardsPage = lazy(() => import('./features/scorecards/ScorecardsPage.tsx'));
const TemplatePage = lazy(() => import('./features/scorecards/TemplatePage.tsx'));
const CyclesPage = lazy(() => import('./features/cycles/CyclesPage.tsx'));
const CyclePage = lazy(() => import('./features/cycles/CyclePage.tsx'));
const ParticipantPage = lazy(() => import('./features/cycles/ParticipantPage.tsx'));
const DatasetsPage = lazy(() => import('./features/datasets/DatasetsPage.tsx'));
const DatasetPage = lazy(() => import('./pages/DatasetWithMetricsPage.tsx'));
const MetricsPage = lazy(() => import('./features/metrics/MetricsPage.tsx'));
const PlansPage = lazy(() => import('./features/goals/PlansPage.tsx'));
const PlanPage = lazy(() => import('./features/goals/PlanPage.tsx'));
const GoalPage = lazy(() => import('./features/goals/GoalPage.tsx'));
const HomePage = lazy(() => import('./features/dashboard/HomePage.tsx'));
const MembersPage = lazy(() => import('./features/members/MembersPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const AccountPage = lazy(() => import('./features/account/AccountPage.tsx'));

/** A page chunk with its loading state; a render error stays inside the page (the header remains). */
function Page({ component: Component, area = true }: { component: LazyExoticComponent<ComponentType>; area?: boolean }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname}>
      <Suspense fallback={<FullPageSpin area={area} />}>
        <Component />
      </Suspense>
    </ErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route path="/login" element={<Page component={LandingPage} area={false} />} />
      <Route
        element={
          <RequireAuth>
            <Page component={AppLayout} area={false} />
          </RequireAuth>
        }
      >
        <Route path="/w/:ws">
          <Route index element={<Navigate to="home" replace />} />
          <Route path="home" element={<Page component={HomePage} />} />
          <Route path="org" element={<Page component={OrgPage} />} />
          <Route path="positions" element={<Page component={PositionsPage} />} />
          <Route path="indicators" element={<Page component={IndicatorsPage} />} />
          <Route path="scorecards" element={<Page component={ScorecardsPage} />} />
          <Route path="scorecards/:id" element={<Page component={TemplatePage} />} />
          <Route path="cycles" element={<Page component={CyclesPage} />} />
          <Route path="cycles/:id" element={<Page component={CyclePage} />} />
          <Route path="cycles/:id/people/:pid" element={<Page component={ParticipantPage} />} />
          <Route path="datasets" element={<Page component={DatasetsPage} />} />
          <Route path="datasets/:id" element={<Page component={DatasetPage} />} />
          <Route path="metrics" element={<Page component={MetricsPage} />} />
          <Route path="plans" element={<Page component={PlansPage} />} />
          <Route path="plans/:id" element={<Page component={PlanPage} />} />
          <Route path="goals/:id" element={<Page component={GoalPage} />} />
          <Route path="members" element={<Page component={MembersPage} />} />
          <Route path="audit" element={<Page component={AuditPage} />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="/account" element={<Page component={AccountPage} />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

type Navigator = (to: string, options?: NavigateOptions) => void;
let navigator: Navigator | null = null;

/** Lets code outside React (the 401 handler of the query client) navigate. */
export function navigateTo(to: string, options?: NavigateOptions): void {
  if (navigator) navigator(to, options);
  else window.location.assign(to);
}

export function NavigationBridge() {
  const navigate = useNavigate();
  useEffect(() => {
    navigator = (to, options) => void navigate(to, options);
    return () => {
      navigator = null;
    };
  }, [navigate]);
  return null;
}
