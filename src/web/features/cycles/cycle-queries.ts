import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Cycle, ParticipantDetail } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';
import { cyclesApi, type ParticipantsQuery } from './cycles-api.ts';

/** Everything about cycles lives under ['ws', slug, 'cycles', …]. */
export const cyclesKey = (ws: string) => [...wsKey(ws), 'cycles'] as const;
export const cycleKey = (ws: string, id: string) => [...cyclesKey(ws), id] as const;
export const participantKey = (ws: string, id: string, pid: string) => [...cycleKey(ws, id), 'participant', pid] as const;

export function useCycles(ws: string) {
  return useQuery({ queryKey: [...cyclesKey(ws), 'list'], queryFn: () => cyclesApi.list(ws) });
}

/** While its actuals are being taken from changed data, the cycle is asked again every second or so. */
export function useCycle(ws: string, id: string) {
  return useQuery({ queryKey: [...cycleKey(ws, id), 'cycle'], queryFn: () => cyclesApi.get(ws, id), refetchInterval: (query) => (query.state.data?.actualsRefreshing ? REFRESHING_POLL_MS : false) });
}

const REFRESHING_POLL_MS = 1_000;

/** Under the cycle's key, so that refreshing a cycle refreshes its diff too. */
export function useMetricDiff(ws: string, id: string, enabled: boolean) {
  return useQuery({ queryKey: [...cycleKey(ws, id), 'metric-diff'], queryFn: () => cyclesApi.metricDiff(ws, id), enabled });
}

export function useCyclePreview(ws: string, id: string) {
  return useQuery({ queryKey: [...cycleKey(ws, id), 'preview'], queryFn: () => cyclesApi.preview(ws, id), staleTime: 0 });
}

export function useParticipants(ws: string, id: string, query: ParticipantsQuery, enabled = true) {
  return useQuery({
    queryKey: [...cycleKey(ws, id), 'participants', query],
    queryFn: () => cyclesApi.participants(ws, id, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useParticipant(ws: string, id: string, pid: string) {
  return useQuery({ queryKey: participantKey(ws, id, pid), queryFn: () => cyclesApi.participant(ws, id, pid) });
}

export function useRanking(ws: string, id: string, unitId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...cycleKey(ws, id), 'ranking', unitId ?? null],
    queryFn: () => cyclesApi.ranking(ws, id, unitId),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAppeals(ws: string, id: string) {
  return useQuery({ queryKey: [...cycleKey(ws, id), 'appeals'], queryFn: () => cyclesApi.appeals(ws, id) });
}

/** After a write in a cycle: its participants, ranking, appeals, counts and the list all may change. */
export function useRefreshCycle(ws: string, id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: cycleKey(ws, id) }),
      queryClient.invalidateQueries({ queryKey: [...cyclesKey(ws), 'list'] }),
    ]);
}

/**
 * When the cycle's actuals have been taken from changed data (actualsRefreshing turned false),
 * everything shown of it is asked again: participants, ranking and the data diff moved.
 */
export function useRefreshAfterDataChange(ws: string, cycle: Cycle) {
  const refresh = useRefreshCycle(ws, cycle.id);
  const wasRefreshing = useRef(cycle.actualsRefreshing);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the flag only (refresh is new at every render)
  useEffect(() => {
    if (wasRefreshing.current && !cycle.actualsRefreshing) void refresh();
    wasRefreshing.current = cycle.actualsRefreshing;
  }, [cycle.actualsRefreshing]);
}

/** A write that answered with the participant's new detail: show it at once, refresh the rest. */
export function useAdoptParticipant(ws: string, id: string) {
  const queryClient = useQueryClient();
  return (detail: ParticipantDetail) => {
    queryClient.setQueryData(participantKey(ws, id, detail.id), detail);
    void queryClient.invalidateQueries({
      queryKey: cycleKey(ws, id),
      predicate: (q) => !(q.queryKey[4] === 'participant' && q.queryKey[5] === detail.id),
    });
    void queryClient.invalidateQueries({ queryKey: [...cyclesKey(ws), 'list'] });
  };
}
