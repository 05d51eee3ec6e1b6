import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../contracts/common.ts';
import type { Member } from '../../api.ts';
import { useRefreshWorkspace, wsKey } from '../org/org-queries.ts';
import { type AddMemberBody, membersApi, type UpdateMemberBody } from './members-api.ts';

const membersKey = (ws: string) => [...wsKey(ws), 'members'] as const;

export function useMembers(ws: string, enabled: boolean) {
  return useQuery({ queryKey: membersKey(ws), queryFn: () => membersApi.list(ws), enabled });
}

/** Asks the members list again, whether or not it changed (a failed write may have raced another). */
function useRefetchMembers(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.refetchQueries({ queryKey: membersKey(ws), exact: true });
}

/** Changes one member's role, based on `version` (the list's, unless a conflict named a newer one); the list is asked again however it ends. */
export function useChangeMemberRole(ws: string) {
  const refetch = useRefetchMembers(ws);
  return useMutation({
    mutationFn: ({ m, role, version = m.version }: { m: Member; role: Role; version?: number }) => membersApi.update(ws, m.userId, { role, version }),
    onSettled: () => refetch(),
  });
}

/** Removes a member; the list is asked again however it ends. */
export function useRemoveMember(ws: string) {
  const refetch = useRefetchMembers(ws);
  return useMutation({ mutationFn: (m: Member) => membersApi.remove(ws, m.userId), onSettled: () => void refetch() });
}

/** Reads a member afresh from the list (members have no GET of one): after a stale save, the form shows the latest role and person. */
export function useReloadMember(ws: string) {
  const queryClient = useQueryClient();
  return async (userId: string) => {
    const list = await queryClient.fetchQuery({ queryKey: membersKey(ws), queryFn: () => membersApi.list(ws), staleTime: 0 });
    return list.find((m) => m.userId === userId) ?? null;
  };
}

/**
 * Adds a member (no `userId`) or updates one. A null input (the form did not parse) resolves to
 * null without a request. A member's name and person show elsewhere: the workspace is refreshed.
 */
export function useSaveMember(ws: string, userId: string | null, version?: number) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({
    mutationFn: async (input: AddMemberBody | UpdateMemberBody | null): Promise<Member | null> => {
      if (!input) return null;
      return userId ? membersApi.update(ws, userId, { version, ...(input as UpdateMemberBody) }) : membersApi.add(ws, input as AddMemberBody);
    },
    onSuccess: (m) => {
      if (m) void refresh();
    },
  });
}
