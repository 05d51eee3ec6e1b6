/**
 * The signed-in user (GET /auth/me) and the session's writes: setup, demo, sign-in and out,
 * a new workspace. A signed-out visitor is `null`, not an error.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError, type Me, setCsrfToken } from '../../api.ts';
import { setLanguage, storedLanguage } from '../../i18n/index.ts';
import { authApi, type CreateWorkspaceBody, type LoginBody, type SetupBody } from './auth-api.ts';

export const meKey = ['me'] as const;
export const setupStatusKey = ['setup-status'] as const;

/** Applies what a Me response carries: the CSRF token and, if the browser has no choice yet, the language. */
function adoptSession(me: Me): void {
  setCsrfToken(me.csrfToken);
  if (me.user.locale && !storedLanguage()) void setLanguage(me.user.locale, false);
}

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await authApi.me();
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

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Reads the signed-in user as loaded so far, without asking the server (nor re-rendering when it changes). */
export function useReadMe(): () => Me | null | undefined {
  const queryClient = useQueryClient();
  return () => queryClient.getQueryData<Me | null>(meKey);
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
  return useQuery({ queryKey: setupStatusKey, queryFn: authApi.setup.status, staleTime: 60_000 });
}

/** First run: creates the workspace and its administrator, and signs in as them. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: SetupBody) => authApi.setup.run(body), onSuccess: (me) => signedIn(queryClient, me) });
}

/** POST /demo/open signs in as the demo company's admin. */
export function useOpenDemo() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => authApi.setup.openDemo(), onSuccess: (me) => signedIn(queryClient, me) });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: LoginBody) => authApi.login(body), onSuccess: (me) => signedIn(queryClient, me) });
}

/** Signs out; even if the server call failed, this browser forgets the session. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => authApi.logout(), onSettled: () => signedOut(queryClient) });
}

/** Creates a workspace; done once the user (and so their workspace list) has been asked again. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkspaceBody) => authApi.workspaces.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
