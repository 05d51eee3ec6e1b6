import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Cycle, ParticipantDetail } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';
import { type CycleSettings, cyclesApi, type ParticipantsQuery, type Transition, type WhatIfChange } from './cycles-api.ts';

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

/** Several participants' details at once (the actuals grid), each under its own key as useParticipant has it. */
export function useParticipantDetails(ws: string, id: string, pids: string[]) {
  return useQueries({ queries: pids.map((pid) => ({ queryKey: participantKey(ws, id, pid), queryFn: () => cyclesApi.participant(ws, id, pid) })) });
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

// ---- the cycle's life: each write refreshes the cycle (its participants, counts) and the list ----

/** A step forward or back (calibrate, back to open); refreshed whatever the answer, as a refused step may mean the cycle moved meanwhile. */
export function useCycleStep(ws: string, id: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: (step: Transition) => cyclesApi.transition(ws, id, step), onSettled: () => void refresh() });
}

/** Draft → open, from the preview of who takes part. */
export function useOpenCycle(ws: string, id: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: () => cyclesApi.transition(ws, id, 'open'), onSuccess: () => void refresh() });
}

/** Adds the people who joined since the cycle opened; refreshed whatever the answer. */
export function useSyncParticipants(ws: string, id: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: () => cyclesApi.sync(ws, id), onSettled: () => void refresh() });
}

/** Deletes a draft cycle. */
export function useDeleteCycle(ws: string, id: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: () => cyclesApi.remove(ws, id), onSuccess: () => void refresh() });
}

/** Calibrating → closed; `allowIncomplete` closes with results still incomplete. */
export function useCloseCycle(ws: string, id: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: (allowIncomplete: boolean) => cyclesApi.close(ws, id, allowIncomplete), onSuccess: () => void refresh() });
}

/** Closed → open again, with the reason. */
export function useReopenCycle(ws: string, id: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: (reason: string) => cyclesApi.reopen(ws, id, reason), onSuccess: () => void refresh() });
}

/** Reads a cycle afresh (after a stale save of its settings: the form shows the latest ones), and the rest of cycles. */
export function useReloadCycle(ws: string) {
  const queryClient = useQueryClient();
  return (id: string) => {
    void queryClient.invalidateQueries({ queryKey: cyclesKey(ws) });
    return queryClient.fetchQuery({ queryKey: [...cycleKey(ws, id), 'cycle'], queryFn: () => cyclesApi.get(ws, id), staleTime: 0 });
  };
}

/** Creates a cycle for `periodLabel`, or (with `cycleId`) saves that cycle's settings (based on `settings.version`); every cycle query is asked again. */
export function useSaveCycle(ws: string, cycleId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ periodLabel, settings }: { periodLabel?: string; settings: CycleSettings }) =>
      cycleId ? cyclesApi.update(ws, cycleId, settings) : cyclesApi.create(ws, { periodLabel: periodLabel!, ...settings }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cyclesKey(ws) }),
  });
}

/** Takes the metric-bound actuals of an open cycle from the data again. */
export function useRefreshFromData(ws: string, id: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: () => cyclesApi.refreshFromData(ws, id), onSuccess: () => void refresh() });
}

// ---- files: downloads change nothing; an upload refreshes the cycle ----

/** Downloads the results (of one unit, or all) as a workbook. */
export function useExportResults(ws: string, id: string) {
  return useMutation({ mutationFn: (unitId: string | undefined) => cyclesApi.exportResults(ws, id, unitId) });
}

/** Downloads the actuals template to fill in. */
export function useActualsTemplate(ws: string, id: string) {
  return useMutation({ mutationFn: () => cyclesApi.actualsTemplate(ws, id) });
}

/** Uploads a filled actuals file (all or nothing), telling `onProgress` how far the upload is (0–1). */
export function useImportActuals(ws: string, id: string, onProgress: (fraction: number) => void) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({ mutationFn: (file: File) => cyclesApi.importActuals(ws, id, file, onProgress), onSuccess: () => void refresh() });
}

// ---- one participant ----

/** Saves a participant's actuals (and not-applicable list); the answer is their new detail, shown at once. */
export function usePutActuals(ws: string, id: string, pid: string) {
  const adopt = useAdoptParticipant(ws, id);
  return useMutation({
    mutationFn: (body: Parameters<typeof cyclesApi.putActuals>[3]) => cyclesApi.putActuals(ws, id, pid, body),
    onSuccess: (detail) => adopt(detail),
  });
}

export type RatingChange = { indicatorKey: string; who: 'self' | 'manager'; rating: number; comment?: string };

/** Saves a self- or manager rating, then reads the participant again (the rating answers no detail). */
export function useSaveRating(ws: string, id: string, pid: string) {
  const adopt = useAdoptParticipant(ws, id);
  return useMutation({
    mutationFn: async ({ indicatorKey, who, rating, comment }: RatingChange) => {
      await cyclesApi.rate(ws, id, pid, indicatorKey, who, { rating, comment });
      return cyclesApi.participant(ws, id, pid);
    },
    onSuccess: (detail) => adopt(detail),
  });
}

/** What the total would be with one value changed: nothing is saved, nothing refreshed. */
export function useWhatIf(ws: string, id: string, pid: string) {
  return useMutation({ mutationFn: (change: WhatIfChange) => cyclesApi.whatIf(ws, id, pid, change) });
}

export type AdjustmentChange = { remove: false; total: number; reason: string } | { remove: true; reason: string };

/** Sets the total that counts instead of the computed one, or removes it, with the written reason. */
export function useAdjustment(ws: string, id: string, pid: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCycle(ws, id);
  return useMutation({
    mutationFn: (change: AdjustmentChange) =>
      change.remove ? cyclesApi.removeAdjustment(ws, id, pid, change.reason) : cyclesApi.adjust(ws, id, pid, { total: change.total, reason: change.reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: participantKey(ws, id, pid) });
      void refresh();
    },
  });
}

// ---- appeals ----

/** Files an appeal about one indicator (`indicatorKey`) or the whole result (null). */
export function useFileAppeal(ws: string, id: string, pid: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({
    mutationFn: (body: { indicatorKey: string | null; reason: string }) => cyclesApi.createAppeal(ws, id, pid, body),
    onSuccess: () => void refresh(),
  });
}

export type AppealResolution = { accept: true; corrections: Record<string, number>; resolution: string } | { accept: false; resolution: string };

/** Accepts an appeal with corrected values, or rejects it with a written resolution. */
export function useResolveAppeal(ws: string, id: string, appealId: string) {
  const refresh = useRefreshCycle(ws, id);
  return useMutation({
    mutationFn: (r: AppealResolution) =>
      r.accept ? cyclesApi.acceptAppeal(ws, id, appealId, { corrections: r.corrections, resolution: r.resolution }) : cyclesApi.rejectAppeal(ws, id, appealId, r.resolution),
    onSuccess: () => void refresh(),
  });
}
