import type { Ambition } from '../../../core/goals/types.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { type GoalValues, smartBodyOf } from './goal-form.ts';
import { useSmartCheckOf } from './goals-queries.ts';

/**
 * The SMART check of the goal being typed, asked 400 ms after the last keystroke; the previous
 * answer stays on screen meanwhile so the messages do not flicker.
 */
export function useSmartCheck(ws: string, planId: string, goalId: string | undefined, values: GoalValues | undefined, ambition: Ambition, additive: boolean) {
  const body = JSON.stringify(smartBodyOf(planId, goalId, values, ambition, additive));
  const debounced = useDebounced(body, 400);
  const query = useSmartCheckOf(ws, debounced);
  return { ...query, settling: body !== debounced || query.isFetching };
}
