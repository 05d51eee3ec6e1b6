import { useMutation, useQuery } from '@tanstack/react-query';
import type { Position } from '../../api.ts';
import { useRefreshWorkspace, wsKey } from '../org/org-queries.ts';
import { type CreatePositionBody, positionsApi, type UpdatePositionBody } from './positions-api.ts';

/** The workspace's positions, under the same key as org's `usePositions`, so that one refresh serves both. */
export function usePositionList(ws: string) {
  return useQuery({ queryKey: [...wsKey(ws), 'positions'], queryFn: () => positionsApi.list(ws) });
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
      return id ? positionsApi.update(ws, id, { ...(input as UpdatePositionBody), version }) : positionsApi.create(ws, input as CreatePositionBody);
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
