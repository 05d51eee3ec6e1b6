/** The goal form's values and their conversion to the API's goal input, update input and live SMART check. */
import dayjs, { type Dayjs } from 'dayjs';
import type { Ambition, GoalSource } from '../../../core/goals/types.ts';
import type { Goal, GoalBody, GoalOwnerBody, GoalUpdateBody, OwnerKind, Plan, SmartCheckBody } from './goals-api.ts';

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
  changeReason?: string;
};

/** What "add a child goal" or "new goal" starts from. */
export type GoalPrefill = Partial<GoalValues> & { parentStatement?: string };

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

export function goalValuesOf(goal: Goal): GoalValues {
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
    changeReason: '',
  };
}

/** A new goal: the plan's whole range unless a phase or the parent says otherwise. */
export function newGoalValues(plan: Plan, prefill: GoalPrefill = {}): GoalValues {
  const { parentStatement: _unused, ...rest } = prefill;
  return { ownerKind: 'company', statement: '', startsOn: dayjs(plan.startsOn), deadline: dayjs(plan.endsOn), source: null, sourceNote: '', ...rest };
}

function ownerOf(v: GoalValues): GoalOwnerBody | null {
  if (v.ownerKind === 'company') return { kind: 'company' };
  if (v.ownerKind === 'unit') return v.unitId ? { kind: 'unit', unitId: v.unitId } : null;
  return v.personId ? { kind: 'person', personId: v.personId } : null;
}

/** The fields shared by create and update. Missing parts are sent as they are, so the server locates them. */
function fieldsOf(v: GoalValues) {
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
  };
}

export const createBodyOf = (planId: string, v: GoalValues): GoalBody => ({ planId, ...fieldsOf(v) });

export function updateBodyOf(v: GoalValues, needsReason: boolean): GoalUpdateBody {
  return { ...fieldsOf(v), ...(needsReason ? { changeReason: v.changeReason ?? '' } : {}) };
}

/** Did the edit change what the history of target changes records (target or deadline)? */
export function changesTarget(goal: Goal | null, v: GoalValues | undefined): boolean {
  if (!goal || !v) return false;
  return (v.target !== undefined && v.target !== null && v.target !== goal.target) || (!!v.deadline && day(v.deadline) !== goal.deadline);
}

/** The half-typed form as the SMART check takes it: everything optional. */
export function smartBodyOf(planId: string, goalId: string | undefined, v: GoalValues | undefined, ambition: Ambition): SmartCheckBody {
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
  };
}

/** Server paths → the form's field names (the owner is edited as a kind and a unit or person). */
export function goalFormPath(path: (string | number)[]): (string | number)[] {
  if (path[0] !== 'owner') return path;
  if (path[1] === 'unitId') return ['unitId'];
  if (path[1] === 'personId') return ['personId'];
  return ['ownerKind'];
}
