/**
 * The current workspace and what the viewer may do in it, and the workspace opened by default,
 * shared by every page. The signed-in user itself and its loading live in auth-queries.ts.
 */
import { useCallback } from 'react';
import { useParams } from 'react-router';
import type { Action } from '../../../contracts/access.ts';
import type { Me } from '../../api.ts';
import { useMe } from './auth-queries.ts';

const LAST_WORKSPACE_KEY = 'kedu.workspace';

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
