import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type PeopleQuery } from '../../api.ts';

/** Everything of one workspace lives under ['ws', slug, …] so a write can refresh it at once. */
export const wsKey = (ws: string) => ['ws', ws] as const;

export function useUnits(ws: string) {
  return useQuery({ queryKey: [...wsKey(ws), 'units'], queryFn: () => api.units.list(ws) });
}

export function usePositions(ws: string) {
  return useQuery({ queryKey: [...wsKey(ws), 'positions'], queryFn: () => api.positions.list(ws) });
}

export function usePeople(ws: string, query: PeopleQuery) {
  return useQuery({
    queryKey: [...wsKey(ws), 'people', query],
    queryFn: () => api.people.list(ws, query),
    placeholderData: keepPreviousData,
  });
}

/**
 * After a write in the organisation: units (headcounts, leads), people and positions
 * (headcounts) all depend on each other, so refresh the workspace's queries.
 */
export function useRefreshWorkspace(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: wsKey(ws) });
}
