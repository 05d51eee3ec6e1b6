import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken } from '../../api.ts';
import { type Lang, setLanguage } from '../../i18n/index.ts';
import { signedIn } from '../auth/auth-queries.ts';
import { accountApi, type ChangePasswordBody, type CreateTokenBody, type UpdateProfileBody } from './account-api.ts';

/** The user's own tokens: not a workspace's, so not under the workspace key. */
export const tokensKey = ['tokens'] as const;

/**
 * Saves the user's name and language; the session takes the answer, and the UI the account's
 * language (done once it is in place).
 */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => accountApi.updateProfile(body),
    onSuccess: async (me) => {
      signedIn(queryClient, me);
      if (me.user.locale) await setLanguage(me.user.locale);
    },
  });
}

/** Saves a language chosen on the switch as the account's (the switch itself already happened). */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Lang) => accountApi.updateProfile({ locale }),
    onSuccess: (me) => signedIn(queryClient, me),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordBody) => accountApi.changePassword(body) });
}

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => accountApi.tokens.list() });
}

/** Asks the token list again (a write may have raced another). */
function useRefetchTokens() {
  const queryClient = useQueryClient();
  return () => void queryClient.refetchQueries({ queryKey: tokensKey });
}

/** Creates a token; the list is asked again (the secret is only in this answer). */
export function useCreateToken() {
  const refetch = useRefetchTokens();
  return useMutation({ mutationFn: (body: CreateTokenBody) => accountApi.tokens.create(body), onSuccess: () => refetch() });
}

/** Revokes a token; the list is asked again however it ends. */
export function useRevokeToken() {
  const refetch = useRefetchTokens();
  return useMutation({ mutationFn: (tk: ApiToken) => accountApi.tokens.revoke(tk.id), onSettled: () => refetch() });
}
