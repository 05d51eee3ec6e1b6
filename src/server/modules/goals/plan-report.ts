import { groupBy } from '../../../core/values/group-by.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { planReport } from '../../../contracts/goals.ts';
import { checkPlan } from '../../../core/goals/smart.ts';
import type { Db } from '../../db/client.ts';
import { goalPeriodTargets, goals, goalTargetChanges } from '../../db/schema/index.ts';
import { countTargetChanges } from './goal-detail.ts';
import { historyReader, monthlyHistory } from './goal-history.ts';
import { goalIndicatorOf, goalRowsWhere, ownerRef } from './goals.queries.ts';
import { loadPlan } from './plans.service.ts';

type PlanReportDto = z.infer<typeof planReport>;

/**
 * The plan-level SMART report: every goal's failed letters (Attainable against its owner's
 * history) and the common pitfalls over the whole plan, a target changed back and forth among
 * them. Goals are keyed by id.
 */
export async function getPlanReport(db: Db, workspaceId: string, planId: string): Promise<PlanReportDto> {
  const plan = await loadPlan(db, workspaceId, planId);
  const rows = await goalRowsWhere(db, and(eq(goals.workspaceId, workspaceId), eq(goals.planId, planId)));
  const reader = historyReader(db, workspaceId);
  const ids = rows.map((r) => r.g.id);
  const [changes, periodTargets] = ids.length === 0 ? [[], []] : await Promise.all([
    db.select({ goalId: goalTargetChanges.goalId, fromTarget: goalTargetChanges.fromTarget, toTarget: goalTargetChanges.toTarget, fromRecurrence: goalTargetChanges.fromRecurrence, toRecurrence: goalTargetChanges.toRecurrence, changedAt: goalTargetChanges.changedAt }).from(goalTargetChanges).where(inArray(goalTargetChanges.goalId, ids)),
    db.select().from(goalPeriodTargets).where(inArray(goalPeriodTargets.goalId, ids)),
  ]);
  const [changesOf, targetsOf] = [groupBy(changes, (c) => c.goalId), groupBy(periodTargets, (t) => t.goalId)];
  const drafts = [];
  for (const row of rows) {
    const history = monthlyHistory(await reader.actualsFor(ownerRef(row), row.g.indicatorId));
    const own = Object.fromEntries((targetsOf.get(row.g.id) ?? []).map((t) => [t.period, t.target]));
    const targetChangeCount = countTargetChanges(changesOf.get(row.g.id) ?? []);
    drafts.push({ key: row.g.id, statement: row.g.statement, indicator: goalIndicatorOf(row), baseline: row.g.baseline, target: row.g.target, startsOn: row.g.startsOn, deadline: row.g.deadline, source: row.g.source, parent: row.g.parentId, history, recurrence: row.g.recurrence, periodTargets: own, targetChangeCount });
  }
  const report = checkPlan({ name: plan.name, startsOn: plan.startsOn, endsOn: plan.endsOn, reviewCadence: plan.reviewCadence, goals: drafts });
  const statements = new Map(rows.map((r) => [r.g.id, r.g.statement]));
  return { ok: report.ok, goals: report.goals.map((g) => ({ id: g.key, key: g.key, statement: statements.get(g.key) ?? '', messages: g.messages })), pitfalls: report.pitfalls };
}
