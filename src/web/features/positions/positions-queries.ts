import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Position } from '../../api.ts';
import { useRefreshWorkspace, wsKey } from '../org/org-queries.ts';
import { type CreatePositionBody, positionsApi, type UpdatePositionBody } from './positions-api.ts';

/** The workspace's positions, under the same key as org's `usePositions`, so that one refresh serves both. */
export function usePositionList(ws: string) {
  return useQuery({ queryKey: [...wsKey(ws), 'positions'], queryFn: () => positionsApi.list(ws) });
}

/** Reads a position afresh from the list (after a stale save: the form shows the latest one). */
export function useReloadPosition(ws: string) {
  const queryClient = useQueryClient();
  return async (id: string) => {
    const list = await queryClient.fetchQuery({ queryKey: [...wsKey(ws), 'positions'], queryFn: () => positionsApi.list(ws), staleTime: 0 });
    return list.find((p) => p.id === id) ?? null;
  };
}

/**
 * Creates a position (no `id`) or updates one. A null input (the form did not parse) resolves to
 * null without a request. Units and people show position names and headcounts: the workspace is refreshed.
 */
export function useSavePosition(ws: string, id: string | null, version?: number) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({
    mutationFn: async (input: CreatePositionBody | UpdatePositionBody | null): Promise<Position | null> => {
      if (!input) return null;
      return id ? positionsApi.update(ws, id, { version, ...(input as UpdatePositionBody) }) : positionsApi.create(ws, input as CreatePositionBody);
    },
    onSuccess: (p) => {
      if (p) void refresh();
    },
  });
}

/** Deletes a position; the workspace is refreshed however it ends (the caller shows the outcome). */
export function useDeletePosition(ws: string) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({ mutationFn: (p: Position) => positionsApi.remove(ws, p.id), onSettled: () => void refresh() });
}
