import type { z } from 'zod';
import type { checkIn, checkInInput } from '../../../contracts/goals.ts';
import { canCheckInGoal } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { RequestContext, } from '../../http/request-context.ts';
import { recordAudit } from '../audit/index.ts';
import { dayAfter } from '../../../core/values/periods.ts';
import { type CheckInRow, findLatestCheckIn, insertCheckIn, selectCheckIns } from './check-ins.queries.ts';
import { loadRecurrenceInput } from './goal-periods.queries.ts';
import { lockGoalRow, updateGoalRow } from './goal-writes.queries.ts';
import { statusColumns, today } from './goal-status.ts';
import { loadGoalRow, ownerRef } from './goals.queries.ts';

export type CheckInDto = z.infer<typeof checkIn>;
type CheckInInput = z.output<typeof checkInInput>;

const toDto = (r: CheckInRow): CheckInDto => ({ id: r.id, value: r.value, comment: r.comment, on: r.on, source: r.source, by: r.createdByName, createdAt: r.createdAt.toISOString() });

/** A goal's check-ins, newest first. */
export async function listCheckIns(db: Db | Tx, goalId: string): Promise<CheckInDto[]> {
  const rows = await selectCheckIns(db, goalId);
  return rows.map(toDto);
}

/**
 * Records a check-in (进展更新) and brings the goal's current value and status up to date: the
 * current value is the latest day's, so a late entry for an earlier day does not overwrite a
 * newer one. A day in the future or before the goal starts is refused.
 */
export async function addCheckIn(db: Db, ctx: RequestContext, goalId: string, input: CheckInInput): Promise<CheckInDto> {
  const { viewer, actor } = ctx;
  return db.transaction(async (tx) => {
    await lockGoalRow(tx, goalId);
    const goal = await loadGoalRow(tx, actor.workspaceId, goalId);
    if (!canCheckInGoal(viewer, ownerRef(goal))) throw new AppError('forbidden');
    const on = input.on ?? today();
    // the server's day may lag the user's by a time zone (UTC against UTC+8): tomorrow is let through
    if (on > dayAfter(today())) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'on'], code: 'goal.check_in_future', params: { latest: dayAfter(today()) } }]);
    if (on < goal.g.startsOn) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'on'], code: 'goal.check_in_before_start', params: { startsOn: goal.g.startsOn } }]);
    const row = await insertCheckIn(tx, { goalId, value: input.value, comment: input.comment, on, source: input.source, createdBy: actor.userId, createdByName: viewer.name });
    const latest = await findLatestCheckIn(tx, goalId);
    const recurring = await loadRecurrenceInput(tx, { id: goalId, recurrence: goal.g.recurrence, rollUp: goal.indicator.rollUp });
    const status = statusColumns({ ...goal.g, direction: goal.indicator.direction, current: latest.value }, today(), recurring);
    await updateGoalRow(tx, goalId, { current: latest.value, lastCheckInAt: row.createdAt, ...status });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'goal.check_in', entityType: 'goal', entityId: goalId, after: { value: input.value, on, comment: input.comment } });
    return toDto(row);
  });
}
