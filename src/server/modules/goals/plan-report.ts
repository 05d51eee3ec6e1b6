import type { z } from 'zod';
import type { planReport } from '../../../contracts/goals.ts';
import { checkPlan } from '../../../core/goals/smart.ts';
import type { Db } from '../../db/client.ts';
import { periodTargetsByGoal, targetChangesByGoal } from './goal-periods.queries.ts';
import { countTargetChanges } from './period-targets.ts';
import { historyReader, monthlyHistory } from './goal-history.ts';
import { goalIndicatorOf, ownerRef, planGoalRows } from './goals.queries.ts';
import { loadPlan } from './plans.service.ts';

type PlanReportDto = z.infer<typeof planReport>;

/**
 * The plan-level SMART report: every goal's failed letters (Attainable against its owner's
 * history) and the common pitfalls over the whole plan, a target changed back and forth among
 * them. Goals are keyed by id.
 */
export async function getPlanReport(db: Db, workspaceId: string, planId: string): Promise<PlanReportDto> {
  const plan = await loadPlan(db, workspaceId, planId);
  const rows = await planGoalRows(db, workspaceId, planId);
  const reader = historyReader(db, workspaceId);
  const ids = rows.map((r) => r.g.id);
  const [changesOf, targetsOf] = [await targetChangesByGoal(db, ids), await periodTargetsByGoal(db, ids)];
  const drafts = [];
  for (const row of rows) {
    const history = monthlyHistory(await reader.actualsFor(ownerRef(row), row.g.indicatorId));
    const own = targetsOf.get(row.g.id) ?? {};
    const targetChangeCount = countTargetChanges(changesOf.get(row.g.id) ?? []);
    drafts.push({ key: row.g.id, statement: row.g.statement, indicator: goalIndicatorOf(row), baseline: row.g.baseline, target: row.g.target, startsOn: row.g.startsOn, deadline: row.g.deadline, source: row.g.source, parent: row.g.parentId, history, recurrence: row.g.recurrence, periodTargets: own, targetChangeCount });
  }
  const report = checkPlan({ name: plan.name, startsOn: plan.startsOn, endsOn: plan.endsOn, reviewCadence: plan.reviewCadence, goals: drafts });
  const statements = new Map(rows.map((r) => [r.g.id, r.g.statement]));
  return { ok: report.ok, goals: report.goals.map((g) => ({ id: g.key, key: g.key, statement: statements.get(g.key) ?? '', messages: g.messages })), pitfalls: report.pitfalls };
}
