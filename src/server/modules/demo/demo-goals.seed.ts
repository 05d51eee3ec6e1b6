import { dayNumber } from '../../../core/goals/dates.ts';
import { addDays, monthStart } from '../../../core/values/periods.ts';
import type { RollUp } from '../../../core/indicators/types.ts';
import type { Tx } from '../../db/client.ts';
import type { Locale } from '../../i18n/messages.ts';
import { statusColumns, today } from '../goals/index.ts';
import { insertBuiltinCopy } from '../indicators/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import type { CheckInMoods } from './demo-comments.ts';
import { demoCheckInComments, type DemoGoal } from './demo-goals.ts';
import { findIndicatorIdByKey, findIndicatorTraits, insertCheckInRows, insertGoalPeriodTargetRows, insertGoalRow, insertPhaseRow, insertPlanRow } from './demo-goals.queries.ts';

const dayBefore = (day: string) => addDays(day, -1);
const days = (from: string, to: string) => dayNumber(to)! - dayNumber(from)!;

/** A stable number in [0, 1) from a text: the demo looks the same every time it is made. */
function noise(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

export type DemoPlanSpec = {
  name: string;
  description: string;
  /** Months before today's month that the plan starts; it runs for 12 months. */
  monthsBefore: number;
  /** Lengths in months of 启动期, 成长期, 成熟期. */
  phaseMonths: [number, number, number];
  goals: DemoGoal[];
  owners: { units: ReadonlyMap<string, string>; people: ReadonlyMap<string, string> };
  /** Who checks in on a goal: its person, a unit's lead, the general manager. */
  checkInBy: (goal: DemoGoal) => string;
  /** What they write, by how the goal goes (demo-comments.ts); default: the sales team's words. */
  comments?: (goal: DemoGoal) => CheckInMoods;
};

/**
 * Seeds a plan with its phases, goals and monthly check-ins inside the caller's transaction. The
 * plan is placed around today (it started `monthsBefore` months ago), so statuses are live;
 * built-in indicators the goals name are copied into the library if it lacks them.
 */
export async function seedDemoPlan(tx: Tx, actor: WorkspaceActor, spec: DemoPlanSpec, locale: Locale = 'zh-CN'): Promise<string> {
  const now = today();
  const startsOn = monthStart(now, -spec.monthsBefore);
  const endsOn = dayBefore(monthStart(startsOn, 12));
  const planId = await insertPlanRow(tx, { workspaceId: actor.workspaceId, name: spec.name, description: spec.description, startsOn, endsOn, reviewCadence: 'monthly' });
  const phaseIds: string[] = [];
  let from = startsOn;
  for (const [i, name] of ['启动期', '成长期', '成熟期'].entries()) {
    const next = monthStart(from, spec.phaseMonths[i]);
    phaseIds.push(await insertPhaseRow(tx, { planId, name, startsOn: from, endsOn: dayBefore(next), sortOrder: i }));
    from = next;
  }
  const indicatorIds = await libraryIndicators(tx, actor, [...new Set(spec.goals.map((g) => g.indicator))], locale);
  const deadlineOf = (g: DemoGoal) => (g.phase === null ? endsOn : phaseEnd(startsOn, spec.phaseMonths, g.phase));
  const checkIns = checkInSeries(spec.goals, startsOn, deadlineOf, now, spec.comments ?? (() => demoCheckInComments));
  const goalIds = new Map<string, string>();
  for (const g of spec.goals) {
    const owner = g.owner.kind === 'company' ? { ownerKind: 'company' as const, ownerUnitId: null, ownerPersonId: null } : g.owner.kind === 'unit' ? { ownerKind: 'unit' as const, ownerUnitId: spec.owners.units.get(g.owner.unit)!, ownerPersonId: null } : { ownerKind: 'person' as const, ownerUnitId: null, ownerPersonId: spec.owners.people.get(g.owner.person)! };
    const series = g.fromData ? g.fromData.map((c) => ({ ...c, comment: '从导入的数据更新', source: 'data' as const })) : checkIns.get(g.key)!;
    const last = series.at(-1);
    const indicator = indicatorIds.get(g.indicator)!;
    const values = { baseline: g.baseline, target: g.target, startsOn, deadline: deadlineOf(g) };
    const periodTargets = Object.fromEntries(Object.entries(g.monthTargets ?? {}).map(([offset, target]) => [monthStart(startsOn, Number(offset)).slice(0, 7), target]));
    const recurring = g.recurrence ? { recurrence: g.recurrence, rollUp: indicator.rollUp, checkIns: series.map((c) => ({ on: c.on, value: c.value })), periodTargets } : null;
    const goalId = await insertGoalRow(tx, { workspaceId: actor.workspaceId, planId, phaseId: g.phase === null ? null : phaseIds[g.phase], parentId: g.parent ? goalIds.get(g.parent)! : null, ...owner, statement: g.statement, indicatorId: indicator.id, ...values, source: g.source, recurrence: g.recurrence ?? null, current: last?.value ?? null, lastCheckInAt: last ? new Date(`${last.on}T10:00:00Z`) : null, ...statusColumns({ ...values, direction: indicator.direction, current: last?.value ?? null }, now, recurring) });
    goalIds.set(g.key, goalId);
    const targetRows = Object.entries(periodTargets).map(([period, target]) => ({ goalId, period, target }));
    if (targetRows.length > 0) await insertGoalPeriodTargetRows(tx, targetRows);
    if (series.length > 0) await insertCheckInRows(tx, series.map((c) => ({ goalId, value: c.value, comment: c.comment, on: c.on, source: c.source, createdByName: spec.checkInBy(g), createdAt: new Date(`${c.on}T10:00:00Z`) })));
  }
  return planId;
}

const phaseEnd = (startsOn: string, months: [number, number, number], phase: 0 | 1 | 2) => dayBefore(monthStart(startsOn, months.slice(0, phase + 1).reduce((a, b) => a + b, 0)));

async function libraryIndicators(tx: Tx, actor: WorkspaceActor, keys: string[], locale: Locale) {
  const found = new Map<string, { id: string; direction: 'higher' | 'lower'; rollUp: RollUp }>();
  for (const key of keys) {
    const id = (await findIndicatorIdByKey(tx, actor.workspaceId, key)) ?? (await insertBuiltinCopy(tx, actor, key, { key }, locale));
    found.set(key, await findIndicatorTraits(tx, id));
  }
  return found;
}

type CheckIn = { on: string; value: number; comment: string; source: 'manual' | 'data' };

/**
 * Each goal's check-ins: one at the end of every month passed, and one a few days ago. A goal
 * whose children share its indicator and add up (sales) reports their sum, scaled to its own
 * target, so the cascade's numbers agree; the others follow their pace with a little noise.
 */
function checkInSeries(all: DemoGoal[], startsOn: string, deadlineOf: (g: DemoGoal) => string, now: string, commentsOf: (g: DemoGoal) => CheckInMoods): Map<string, CheckIn[]> {
  const dates: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const end = dayBefore(monthStart(startsOn, m));
    if (end >= now) break;
    dates.push(end);
  }
  const recent = dayBefore(dayBefore(now));
  if (recent > (dates.at(-1) ?? startsOn)) dates.push(recent);
  const series = new Map<string, CheckIn[]>();
  // a recurring goal reports each month's own value: the month's at its end, the month to date a few days ago
  const monthValueOf = (g: DemoGoal, on: string): number => {
    const monthEnd = dayBefore(monthStart(on, 1));
    const share = on === monthEnd ? 1 : (days(monthStart(on), on) + 1) / (days(monthStart(on), monthEnd) + 1);
    const offset = Math.round(days(startsOn, monthStart(on)) / 30.44);
    const target = g.monthTargets?.[offset] ?? g.target;
    const raw = target * Math.min(1.25, g.pace * (0.9 + 0.2 * noise(`${g.key}${on}`))) * share;
    return Number.isInteger(g.target) && Math.abs(g.target) >= 1 ? Math.round(raw) : Math.round(raw * 1000) / 1000;
  };
  const valueOn = (g: DemoGoal, on: string): number => {
    if (g.recurrence) return monthValueOf(g, on);
    const children = all.filter((c) => c.parent === g.key && c.indicator === g.indicator && g.shape === 'cumulative');
    if (children.length > 0) {
      const sum = children.reduce((a, c) => a + valueOn(c, on), 0);
      return Math.round((sum * g.target) / children.reduce((a, c) => a + c.target, 0));
    }
    // the goal's own time: a goal of the launch phase is due when the phase ends
    const elapsed = Math.min(1, days(startsOn, on) / days(startsOn, deadlineOf(g)));
    // a total to date never goes down: its wobble is the goal's own, not the month's
    const wobble = g.shape === 'cumulative' ? 0.97 + 0.06 * noise(g.key) : 0.94 + 0.12 * noise(`${g.key}${on}`);
    const progress = Math.min(1.08, g.pace * elapsed * wobble);
    const raw = g.baseline + progress * (g.target - g.baseline);
    return Number.isInteger(g.target) && Math.abs(g.target) >= 1 ? Math.round(raw) : Math.round(raw * 1000) / 1000;
  };
  for (const g of all) {
    const moods = commentsOf(g);
    const mood = g.pace >= 1.02 ? moods.ahead : g.pace >= 0.9 ? moods.onPace : moods.behind;
    series.set(
      g.key,
      dates.map((on, i) => ({ on, value: valueOn(g, on), comment: mood[i % mood.length], source: 'manual' as const })),
    );
  }
  return series;
}
