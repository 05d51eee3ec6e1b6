/** The goal form's values and their conversion to the API's goal input, update input and live SMART check. */
import dayjs, { type Dayjs } from 'dayjs';
import { type GoalPeriod, goalPeriods, type Recurrence } from '../../../core/goals/recurrence.ts';
import { defaultPeriodTarget } from '../../../core/goals/recurring-status.ts';
import type { Ambition, GoalSource } from '../../../core/goals/types.ts';
import type { Goal, GoalBody, GoalOwnerBody, GoalUpdateBody, OwnerKind, Plan, SmartCheckBody } from './goals-api.ts';

/** The form's choice of recurrence: a radio cannot hold null, so a one-off goal is 'none'. */
export type RecurrenceChoice = Recurrence | 'none';
type PeriodTarget = { period: string; target: number };

export type GoalValues = {
  ownerKind: OwnerKind;
  unitId?: string | null;
  personId?: string | null;
  statement?: string;
  indicatorId?: string | null;
  baseline?: number | null;
  target?: number | null;
  startsOn?: Dayjs | null;
  deadline?: Dayjs | null;
  phaseId?: string | null;
  source?: GoalSource | null;
  parentId?: string | null;
  sourceNote?: string;
  recurrence?: RecurrenceChoice;
  /** Every period's target as shown in the editor (prefilled with the goal's target); only those that differ are sent. */
  periodTargets?: Record<string, number | null | undefined>;
  changeReason?: string;
};

/** What "add a child goal" or "new goal" starts from. */
export type GoalPrefill = Partial<GoalValues> & { parentStatement?: string };

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** The periods of the span being typed (none for a one-off goal or while a date is missing). */
export function periodsOf(v: GoalValues | undefined): GoalPeriod[] {
  if (!v?.recurrence || v.recurrence === 'none' || !v.startsOn || !v.deadline) return [];
  return goalPeriods(day(v.startsOn), day(v.deadline), v.recurrence);
}

/**
 * The target a period takes when it has none of its own, as the server reckons it: the goal's;
 * for an additive count in a period the span cuts short (a goal starting on 15 March), the share
 * of the goal's target its days are — rounded to cents for the editor.
 *
 * @example defaultTargetOf({ label: '2027-03', startsOn: '2027-03-15', endsOn: '2027-03-31' }, 31, 'month', true) // → 17
 */
export function defaultTargetOf(p: GoalPeriod, target: number | null | undefined, recurrence: Recurrence, additive: boolean): number | null {
  if (target === null || target === undefined) return null;
  const exact = defaultPeriodTarget(target, p, recurrence, additive);
  return exact === target ? target : Math.round(exact * 100) / 100;
}

/** Each period of the span with the target it takes by default. */
export function periodDefaults(v: GoalValues | undefined, additive: boolean): { period: GoalPeriod; target: number | null }[] {
  const recurrence = v?.recurrence;
  if (!recurrence || recurrence === 'none') return [];
  return periodsOf(v).map((period) => ({ period, target: defaultTargetOf(period, v?.target, recurrence, additive) }));
}

/**
 * The periods' own targets to send: those of the span whose value differs from its default.
 *
 * @example periodTargetsOf({ …, recurrence: 'month', target: 3, periodTargets: { '2027-01': 3, '2027-02': 5 } }, true) // → [{ period: '2027-02', target: 5 }]
 */
export function periodTargetsOf(v: GoalValues | undefined, additive: boolean): PeriodTarget[] {
  return periodDefaults(v, additive).flatMap(({ period, target }) => {
    const value = v?.periodTargets?.[period.label];
    return value === null || value === undefined || value === target ? [] : [{ period: period.label, target: value }];
  });
}

/** What the periods' defaults were computed from, to tell which periods still show theirs. */
export type DefaultsBasis = { target: number | null | undefined; additive: boolean; recurrence?: RecurrenceChoice };

/**
 * The editor's values after the target, the indicator, the recurrence or the span changed: a
 * period that is empty or still showed its previous default takes its new one; one set apart
 * keeps its own.
 */
export function followTarget(v: GoalValues, previous: DefaultsBasis, additive: boolean): Record<string, number | null> {
  const next: Record<string, number | null> = {};
  for (const { period, target } of periodDefaults(v, additive)) {
    const value = v.periodTargets?.[period.label];
    const before = previous.recurrence && previous.recurrence !== 'none' ? defaultTargetOf(period, previous.target, previous.recurrence, previous.additive) : null;
    next[period.label] = value === null || value === undefined || value === before ? target : value;
  }
  return next;
}

export function goalValuesOf(goal: Goal): GoalValues {
  const own = new Map(goal.periodTargets.map((t) => [t.period, t.target]));
  const { recurrence } = goal;
  const periods = recurrence ? goalPeriods(goal.startsOn, goal.deadline, recurrence).map((p) => [p.label, own.get(p.label) ?? defaultTargetOf(p, goal.target, recurrence, goal.indicator.rollUp === 'sum')]) : [];
  return {
    ownerKind: goal.owner.kind,
    unitId: goal.owner.kind === 'unit' ? goal.owner.id : null,
    personId: goal.owner.kind === 'person' ? goal.owner.id : null,
    statement: goal.statement,
    indicatorId: goal.indicator.id,
    baseline: goal.baseline,
    target: goal.target,
    startsOn: dayjs(goal.startsOn),
    deadline: dayjs(goal.deadline),
    phaseId: goal.phaseId,
    source: goal.source,
    parentId: goal.parentId,
    sourceNote: goal.sourceNote,
    recurrence: goal.recurrence ?? 'none',
    periodTargets: Object.fromEntries(periods),
    changeReason: '',
  };
}

/** A new goal: the plan's whole range unless a phase or the parent says otherwise. */
export function newGoalValues(plan: Plan, prefill: GoalPrefill = {}): GoalValues {
  const { parentStatement: _unused, ...rest } = prefill;
  return { ownerKind: 'company', statement: '', startsOn: dayjs(plan.startsOn), deadline: dayjs(plan.endsOn), source: null, sourceNote: '', recurrence: 'none', periodTargets: {}, ...rest };
}

function ownerOf(v: GoalValues): GoalOwnerBody | null {
  if (v.ownerKind === 'company') return { kind: 'company' };
  if (v.ownerKind === 'unit') return v.unitId ? { kind: 'unit', unitId: v.unitId } : null;
  return v.personId ? { kind: 'person', personId: v.personId } : null;
}

/**
 * The fields shared by create and update. Missing parts are sent as they are, so the server
 * locates them. `additive`: the indicator is counted up (roll-up sum), so a period the span cuts
 * short takes a share of the target by default.
 */
function fieldsOf(v: GoalValues, additive: boolean) {
  return {
    owner: ownerOf(v) ?? ({ kind: v.ownerKind } as GoalOwnerBody),
    statement: v.statement ?? '',
    indicatorId: v.indicatorId ?? '',
    baseline: v.baseline ?? null,
    target: v.target as number,
    startsOn: day(v.startsOn),
    deadline: day(v.deadline),
    phaseId: v.phaseId ?? null,
    source: v.source as GoalSource,
    parentId: v.source === 'parent' ? (v.parentId ?? null) : null,
    sourceNote: v.sourceNote ?? '',
    recurrence: recurrenceOf(v),
    periodTargets: periodTargetsOf(v, additive),
  };
}

const recurrenceOf = (v: GoalValues | undefined): Recurrence | null => (v?.recurrence && v.recurrence !== 'none' ? v.recurrence : null);

export const createBodyOf = (planId: string, v: GoalValues, additive: boolean): GoalBody => ({ planId, ...fieldsOf(v, additive) });

export function updateBodyOf(v: GoalValues, needsReason: boolean, additive: boolean): GoalUpdateBody {
  return { ...fieldsOf(v, additive), ...(needsReason ? { changeReason: v.changeReason ?? '' } : {}) };
}

/**
 * Did the edit change what the history of target changes records: the target, the deadline, the
 * recurrence, or a period's own target (the server's rule: a period set apart on either side
 * whose target moved)?
 */
export function changesTarget(goal: Goal | null, v: GoalValues | undefined, additive: boolean): boolean {
  if (!goal || !v) return false;
  const target = v.target ?? goal.target;
  if (target !== goal.target || (!!v.deadline && day(v.deadline) !== goal.deadline) || (v.recurrence !== undefined && recurrenceOf(v) !== goal.recurrence)) return true;
  const before = new Map(goal.periodTargets.map((t) => [t.period, t.target]));
  const after = new Map(periodTargetsOf(v, additive).map((t) => [t.period, t.target]));
  return [...new Set([...before.keys(), ...after.keys()])].some((period) => (before.get(period) ?? goal.target) !== (after.get(period) ?? target));
}

/** The half-typed form as the SMART check takes it: everything optional. */
export function smartBodyOf(planId: string, goalId: string | undefined, v: GoalValues | undefined, ambition: Ambition, additive: boolean): SmartCheckBody {
  return {
    planId,
    goalId,
    ambition,
    statement: v?.statement ?? '',
    owner: v ? (ownerOf(v) ?? undefined) : undefined,
    parentId: v?.source === 'parent' ? (v.parentId ?? null) : null,
    indicatorId: v?.indicatorId ?? null,
    baseline: v?.baseline ?? null,
    target: v?.target ?? null,
    startsOn: v?.startsOn ? day(v.startsOn) : null,
    deadline: v?.deadline ? day(v.deadline) : null,
    source: v?.source ?? null,
    recurrence: recurrenceOf(v),
    periodTargets: periodTargetsOf(v, additive),
  };
}

/**
 * Server paths → the form's field names (the owner is edited as a kind and a unit or person; a
 * period's own target, sent as the i-th of `sent`, is edited under its label).
 */
export function goalFormPath(path: (string | number)[], sent: readonly PeriodTarget[] = []): (string | number)[] {
  if (path[0] === 'periodTargets') {
    if (path.length === 1) return ['recurrence'];
    const label = sent[Number(path[1])]?.period;
    return label ? ['periodTargets', label] : ['recurrence'];
  }
  if (path[0] !== 'owner') return path;
  if (path[1] === 'unitId') return ['unitId'];
  if (path[1] === 'personId') return ['personId'];
  return ['ownerKind'];
}
