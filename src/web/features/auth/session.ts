/**
 * The signed-in user (GET /auth/me) and the current workspace, shared by every page.
 * A signed-out visitor is `null`, not an error.
 */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import type { Action } from '../../../contracts/access.ts';
import { api, isApiError, type Me, setCsrfToken } from '../../api.ts';
import { setLanguage, storedLanguage } from '../../i18n/index.ts';

export const meKey = ['me'] as const;
export const setupStatusKey = ['setup-status'] as const;
const LAST_WORKSPACE_KEY = 'kedu.workspace';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.auth.me();
    adoptSession(me);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Applies what a Me response carries: the CSRF token and, if the browser has no choice yet, the language. */
function adoptSession(me: Me): void {
  setCsrfToken(me.csrfToken);
  if (me.user.locale && !storedLanguage()) void setLanguage(me.user.locale, false);
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** After sign-in, setup or demo: remember the session without another round trip. */
export function signedIn(queryClient: QueryClient, me: Me): void {
  adoptSession(me);
  queryClient.setQueryData(meKey, me);
}

export function signedOut(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  queryClient.setQueryData(meKey, null);
  void queryClient.invalidateQueries({ queryKey: setupStatusKey });
}

export function useSetupStatus() {
  return useQuery({ queryKey: setupStatusKey, queryFn: api.setup.status, staleTime: 60_000 });
}

export function rememberWorkspace(slug: string): void {
  try {
    localStorage.setItem(LAST_WORKSPACE_KEY, slug);
  } catch {
    // private mode
  }
}

/** The workspace to open by default: the last one used if still a member, else the first. */
export function defaultWorkspace(me: Me): string | null {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_WORKSPACE_KEY);
  } catch {
    last = null;
  }
  if (last && me.workspaces.some((w) => w.slug === last)) return last;
  return me.workspaces[0]?.slug ?? null;
}

/**
 * The workspace named by the URL (`/w/:ws/...`) with the user's role in it.
 * Pages below the layout may assume `me` is loaded. What a page shows goes by `useCan()`, not by
 * `role`: the role is for labels and for the scopes no action names (whose units, whose goals).
 */
export function useCurrentWorkspace() {
  const { ws } = useParams();
  const { data: me } = useMe();
  const summary = me?.workspaces.find((w) => w.slug === ws) ?? null;
  const role = summary?.role ?? null;
  return {
    slug: ws ?? '',
    summary,
    role,
    isAdmin: role === 'admin',
    personId: summary?.personId ?? null,
  };
}

/**
 * `can(action)`: may the viewer do `action` in the current workspace? From the abilities the
 * server sends with it (src/server/access.ts decides them), so buttons follow the server's rules
 * rather than a copy of them. Entity answers (a goal's `canEdit`, a participant's `canEdit`) stay
 * on the entity.
 */
export function useCan(): (action: Action) => boolean {
  const { summary } = useCurrentWorkspace();
  return useCallback((action: Action) => summary?.abilities.includes(action) ?? false, [summary]);
}
