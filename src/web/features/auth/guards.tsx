import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import FullPageSpin from '../../components/FullPageSpin.tsx';
import { EntryError } from '../../components/RouteError.tsx';
import { useMe } from './auth-queries.ts';
import { defaultWorkspace } from './session.ts';

/** Renders its children for a signed-in user; sends anyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <EntryError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** `/`: the last workspace used, or the sign-in / first-run page. */
export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <EntryError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace />;
  const ws = defaultWorkspace(me.data);
  return <Navigate to={ws ? `/w/${ws}/home` : '/account'} replace />;
}
