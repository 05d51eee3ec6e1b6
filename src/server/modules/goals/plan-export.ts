import { PLAN_FORMAT, type PlanFile, type PlanFileGoal, type PlanFileIndicator } from '../../../contracts/plan-file.ts';
import type { Db } from '../../db/client.ts';
import { periodTargetsByGoal } from './goal-periods.queries.ts';
import { unitPathsById } from '../org/index.ts';
import { historyReader, monthlyHistory } from './goal-history.ts';
import { type GoalRow, ownerRef, planGoalRows } from './goals.queries.ts';
import { selectPeopleEmails, selectUnitTree } from './plan-file.queries.ts';
import { getPlan } from './plans.service.ts';

/** Months of history a goal carries in the file: enough for the median, the trend and Attainable. */
const HISTORY_MONTHS = 12;

/**
 * A plan as a `kedu.plan/v1` file (docs/kedu.plan.v1.md): phases, the indicators its goals use,
 * and its goals parents first, each with the last months of its indicator's history, so that
 * `kedu lint` checks Attainable offline exactly as the app does.
 */
export async function exportPlan(db: Db, workspaceId: string, planId: string): Promise<{ filename: string; file: PlanFile }> {
  const plan = await getPlan(db, workspaceId, planId);
  const rows = parentsFirst(await planGoalRows(db, workspaceId, planId));
  const phaseKey = new Map(plan.phases.map((p, i) => [p.id, `phase${i + 1}`]));
  const goalKey = new Map(rows.map((r, i) => [r.g.id, `g${i + 1}`]));
  const emails = new Map((await selectPeopleEmails(db, workspaceId)).map((p) => [p.id, p.email]));
  // a unit by its path from the top ("销售部/华东区"): two units may share a name under different parents
  const unitPaths = unitPathsById(await selectUnitTree(db, workspaceId));
  const reader = historyReader(db, workspaceId);
  const ids = rows.map((r) => r.g.id);
  const targetsOf = await periodTargetsByGoal(db, ids);
  const indicators = new Map<string, PlanFileIndicator>();
  const fileGoals: PlanFileGoal[] = [];
  for (const row of rows) {
    const i = row.indicator;
    indicators.set(i.key, { key: i.key, name: i.name, ...(i.nameEn ? { nameEn: i.nameEn } : {}), unit: i.unit, direction: i.direction, perspective: i.perspective, rollUp: i.rollUp, definition: i.terms.map((t) => t.definition).join('\n') });
    const history = monthlyHistory(await reader.actualsFor(ownerRef(row), row.g.indicatorId)).slice(-HISTORY_MONTHS);
    const email = row.g.ownerPersonId ? emails.get(row.g.ownerPersonId) : null;
    const own = Object.entries(targetsOf.get(row.g.id) ?? {}).map(([period, target]) => ({ period, target }));
    fileGoals.push({
      key: goalKey.get(row.g.id)!,
      statement: row.g.statement,
      owner: row.g.ownerKind === 'company' ? { kind: 'company' } : row.g.ownerKind === 'unit' ? { kind: 'unit', name: unitPaths.get(row.g.ownerUnitId!)?.join('/') ?? row.unitName ?? '' } : { kind: 'person', name: row.personName ?? undefined, ...(email ? { email } : {}) },
      indicator: i.key,
      ...(row.g.baseline === null ? {} : { baseline: row.g.baseline }),
      target: row.g.target,
      startsOn: row.g.startsOn,
      deadline: row.g.deadline,
      ...(row.g.phaseId && phaseKey.has(row.g.phaseId) ? { phase: phaseKey.get(row.g.phaseId) } : {}),
      source: row.g.source,
      ...(row.g.parentId && goalKey.has(row.g.parentId) ? { parent: goalKey.get(row.g.parentId) } : {}),
      ...(history.length ? { history } : {}),
      ...(row.g.recurrence ? { recurrence: row.g.recurrence } : {}),
      ...(own.length ? { periodTargets: own.map((t) => ({ period: t.period, target: t.target })) } : {}),
    });
  }
  const file: PlanFile = {
    format: PLAN_FORMAT,
    plan: {
      name: plan.name,
      ...(plan.description ? { description: plan.description } : {}),
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      ...(plan.reviewCadence ? { reviewCadence: plan.reviewCadence } : {}),
      phases: plan.phases.map((p) => ({ key: phaseKey.get(p.id)!, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })),
    },
    indicators: [...indicators.values()],
    goals: fileGoals,
  };
  return { filename: `${plan.name}.plan.json`, file };
}

/** Goals ordered so that every parent comes before its children (the file is read top-down). */
function parentsFirst(rows: GoalRow[]): GoalRow[] {
  const ordered: GoalRow[] = [];
  const placed = new Set<string>();
  let level = rows.filter((r) => r.g.parentId === null);
  while (level.length > 0) {
    for (const r of level) (ordered.push(r), placed.add(r.g.id));
    level = rows.filter((r) => !placed.has(r.g.id) && r.g.parentId !== null && placed.has(r.g.parentId));
  }
  return ordered;
}
