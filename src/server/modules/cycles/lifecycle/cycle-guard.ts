import type { CycleState } from '../../../db/schema/index.ts';
import { AppError } from '../../../errors.ts';

/** What can be done in which state (domain.md §3: closed is locked). */
export const ALLOWED_STATES = {
  edit: ['draft', 'open', 'calibrating'],
  delete: ['draft'],
  open: ['draft'],
  calibrate: ['open'],
  back_to_open: ['calibrating'],
  close: ['calibrating'],
  reopen: ['closed'],
  sync: ['open'],
  recompute: ['open', 'calibrating'],
  enter_actuals: ['open'],
  set_not_applicable: ['open'],
  self_rate: ['open'],
  rate: ['open', 'calibrating'],
  adjust: ['open', 'calibrating'],
  appeal: ['calibrating'],
  resolve_appeal: ['calibrating'],
  metric_refresh: ['open'],
} as const satisfies Record<string, readonly CycleState[]>;

export type CycleAction = keyof typeof ALLOWED_STATES;

/** Why an action is refused in a state, as a message key (rendered through `reason`). */
const WHY: Record<CycleState, string> = {
  draft: 'cycle_why.not_open_yet',
  open: 'cycle_why.still_open',
  calibrating: 'cycle_why.calibrating',
  closed: 'cycle_why.closed',
};

/** Where the state's general reason would mislead: the reason for one action in one state. */
const WHY_ACTION: Partial<Record<CycleAction, Partial<Record<CycleState, string>>>> = {
  delete: { open: 'cycle_why.only_draft_deleted', calibrating: 'cycle_why.only_draft_deleted' },
  open: { open: 'cycle_why.already_open', calibrating: 'cycle_why.already_open' },
  calibrate: { calibrating: 'cycle_why.already_calibrating' },
  back_to_open: { open: 'cycle_why.already_open' },
  reopen: { draft: 'cycle_why.not_closed', open: 'cycle_why.not_closed', calibrating: 'cycle_why.not_closed' },
  sync: { calibrating: 'cycle_why.sync_only_open' },
  metric_refresh: { calibrating: 'cycle_why.sync_only_open' },
};

/** Does the cycle's state allow the action? (For `canEdit` flags; writes use assertCycleAllows.) */
export function cycleAllows(state: CycleState, action: CycleAction): boolean {
  return (ALLOWED_STATES[action] as readonly CycleState[]).includes(state);
}

/**
 * Refuses an action the cycle's state does not allow: `cycle_locked` for any write to a
 * closed cycle but reopening, `invalid_state` otherwise — both 409, with the cycle's name.
 */
export function assertCycleAllows(cycle: { name: string; state: CycleState }, action: CycleAction): void {
  if (cycleAllows(cycle.state, action)) return;
  if (cycle.state === 'closed') throw new AppError('cycle_locked', { cycle: cycle.name, action });
  throw new AppError('invalid_state', { cycle: cycle.name, state: cycle.state, action, reason: WHY_ACTION[action]?.[cycle.state] ?? WHY[cycle.state] });
}
