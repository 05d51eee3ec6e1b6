import type { z } from 'zod';
import type { goalDetail } from '../../../contracts/goals.ts';
import { checkGoal } from '../../../core/goals/smart.ts';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../http/request-context.ts';
import { listCheckIns } from './check-ins.service.ts';
import { historyReader, monthlyHistory } from './goal-history.ts';
import { recurringStatusOf, today } from './goal-status.ts';
import { countTargetChanges } from './period-targets.ts';
import { findGoalRef, findPhaseRow, findPlanRef, selectTargetChanges } from './goal-detail.queries.ts';
import { childGoalRows, goalIndicatorOf, loadGoalRow, ownerRef, toGoalDtos } from './goals.queries.ts';

type GoalDetailDto = z.infer<typeof goalDetail>;

/**
 * A goal's page: the goal with its full SMART check (Attainable needs the history, read here
 * and not in tree listings), its plan and phase, parent and children, check-ins, target
 * changes, and the indicator's actuals per period.
 */
export async function getGoalDetail(db: Db, viewer: Viewer, id: string): Promise<GoalDetailDto> {
  const row = await loadGoalRow(db, viewer.workspaceId, id);
  const [dto] = await toGoalDtos(db, viewer, [row]);
  const owner = ownerRef(row);
  const asOf = today();
  const actuals = await historyReader(db, viewer.workspaceId, asOf).actualsFor(owner, row.g.indicatorId);
  const periodTargets = Object.fromEntries(dto.periodTargets.map((t) => [t.period, t.target]));
  const smart = checkGoal(
    { statement: row.g.statement, indicator: goalIndicatorOf(row), baseline: row.g.baseline, target: row.g.target, startsOn: row.g.startsOn, deadline: row.g.deadline, source: row.g.source, parent: row.g.parentId, history: monthlyHistory(actuals), recurrence: row.g.recurrence, periodTargets },
    { planRange: { startsOn: row.planStartsOn, endsOn: row.planEndsOn } },
  );
  const checkIns = await listCheckIns(db, id);
  const recurring = row.g.recurrence
    ? recurringStatusOf({ ...row.g, direction: row.indicator.direction }, { recurrence: row.g.recurrence, rollUp: row.indicator.rollUp, checkIns: [...checkIns].reverse(), periodTargets }, asOf)
    : null;
  const plan = (await findPlanRef(db, row.g.planId))!;
  const phase = row.g.phaseId ? await findPhaseRow(db, row.g.phaseId) : undefined;
  const parent = row.g.parentId ? await findGoalRef(db, row.g.parentId) : undefined;
  const children = await toGoalDtos(db, viewer, await childGoalRows(db, viewer.workspaceId, id));
  const changes = await selectTargetChanges(db, id);
  return {
    ...dto,
    smart,
    plan,
    phase: phase ? { id: phase.id, name: phase.name, startsOn: phase.startsOn, endsOn: phase.endsOn } : null,
    parent: parent ?? null,
    children,
    checkIns,
    targetChangeCount: countTargetChanges(changes),
    periods: recurring?.periods ?? null,
    record: recurring?.record ?? null,
    targetChanges: changes.map((c) => ({ id: c.id, period: c.period, fromRecurrence: c.fromRecurrence, toRecurrence: c.toRecurrence, fromTarget: c.fromTarget, toTarget: c.toTarget, fromDeadline: c.fromDeadline, toDeadline: c.toDeadline, reason: c.reason, by: c.changedByName, at: c.changedAt.toISOString() })),
    actuals,
  };
}

