import { GOAL_STATUSES, type GoalStatus } from '../../../core/goals/types.ts';
import type { Viewer } from '../../http/request-context.ts';

/**
 * Whose goals and results a team view reads: everyone for admins; for a manager the units they
 * lead (recursively, as `viewer.scopeUnitIds`) and the people placed in them, themselves
 * included — the same reach as canSeePerson, written as SQL (scope.queries.ts) so the database does the filtering.
 */
export type TeamScope = { kind: 'all' } | { kind: 'units'; unitIds: string[]; selfId: string | null };

export function teamScopeOf(viewer: Viewer): TeamScope {
  if (viewer.scopeUnitIds === 'all') return { kind: 'all' };
  return { kind: 'units', unitIds: [...viewer.scopeUnitIds], selfId: viewer.personId };
}

/** Every status with a count, zero for those not met (the contract's record names them all). */
export function countsOf(rows: readonly { status: string; n: number }[]): Record<GoalStatus, number> {
  const counts = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>;
  for (const r of rows) if (r.status in counts) counts[r.status as GoalStatus] += Number(r.n);
  return counts;
}
