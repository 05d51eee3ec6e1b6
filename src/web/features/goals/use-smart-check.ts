import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Ambition } from '../../../core/goals/types.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { type GoalValues, smartBodyOf } from './goal-form.ts';
import { goalsApi, goalsKey, type SmartCheckBody } from './goals-api.ts';

/**
 * The SMART check of the goal being typed, asked 400 ms after the last keystroke; the previous
 * answer stays on screen meanwhile so the messages do not flicker.
 */
export function useSmartCheck(ws: string, planId: string, goalId: string | undefined, values: GoalValues | undefined, ambition: Ambition, additive: boolean) {
  const body = JSON.stringify(smartBodyOf(planId, goalId, values, ambition, additive));
  const debounced = useDebounced(body, 400);
  const query = useQuery({
    queryKey: [...goalsKey(ws), 'smart-check', debounced],
    queryFn: ({ signal }) => goalsApi.smartCheck(ws, JSON.parse(debounced) as SmartCheckBody, signal),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  return { ...query, settling: body !== debounced || query.isFetching };
}
