import type { GoalInput, GoalUpdateInput } from '../../../contracts/goals.ts';
import { canManageGoal, type GoalOwnerRef } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type ErrorDetail, ifNotFound } from '../../errors.ts';
import type { RequestContext, } from '../../http/request-context.ts';
import { recordAudit } from '../audit/index.ts';
import { loadRecurrenceInput, periodTargetsByGoal, savePeriodTargets } from './goal-periods.queries.ts';
import { findGoalIdInPlan, findGoalIndicator, findPersonWithUnit, findPhaseId, findUnitId, isSelfOrBelow } from './goal-references.queries.ts';
import { checkVersion } from '../../http/versions.ts';
import { countChildGoals, deleteGoalRow, insertGoal, insertTargetChanges, lockPlanCascade, updateGoalEdit } from './goal-writes.queries.ts';
import { statusColumns, today } from './goal-status.ts';
import { goalPeriods } from '../../../core/goals/recurrence.ts';
import { defaultPeriodTarget } from '../../../core/goals/recurring-status.ts';
import { changedPeriodTargets, keepFinishedPeriodTargets, periodTargetMap, periodTargetProblems } from './period-targets.ts';
import { type GoalDto, getGoal, loadGoalRow, ownerRef } from './goals.queries.ts';
import { loadPlan } from './plans.service.ts';

type GoalFields = Omit<GoalInput, 'planId'>;
const invalid = (details: ErrorDetail[]) => new AppError('validation_failed', { count: details.length }, details);

/** The owner's columns and access reference, once the unit or person is known in the workspace. */
async function resolveOwner(tx: Tx, workspaceId: string, owner: GoalInput['owner']): Promise<{ columns: { ownerKind: GoalOwnerRef['kind']; ownerUnitId: string | null; ownerPersonId: string | null }; ref: GoalOwnerRef }> {
  if (owner.kind === 'company') return { columns: { ownerKind: 'company', ownerUnitId: null, ownerPersonId: null }, ref: { kind: 'company', unitId: null, personId: null } };
  if (owner.kind === 'unit') {
    const unitId = await findUnitId(tx, workspaceId, owner.unitId);
    if (!unitId) throw invalid([{ path: ['body', 'owner', 'unitId'], code: 'goal.owner_unknown' }]);
    return { columns: { ownerKind: 'unit', ownerUnitId: unitId, ownerPersonId: null }, ref: { kind: 'unit', unitId, personId: null } };
  }
  const person = await findPersonWithUnit(tx, workspaceId, owner.personId);
  if (!person) throw invalid([{ path: ['body', 'owner', 'personId'], code: 'goal.owner_unknown' }]);
  return { columns: { ownerKind: 'person', ownerUnitId: null, ownerPersonId: person.id }, ref: { kind: 'person', unitId: person.unitId, personId: person.id } };
}

/** Everything a goal refers to exists in its plan and workspace, its source is complete, and its parent is no descendant of its own. */
async function checkReferences(tx: Tx, workspaceId: string, planId: string, input: GoalFields, selfId: string | null, currentIndicatorId: string | null = null) {
  const details: ErrorDetail[] = [];
  const indicator = await findGoalIndicator(tx, workspaceId, input.indicatorId);
  if (!indicator) details.push({ path: ['body', 'indicatorId'], code: 'goal.indicator_unknown' });
  // a goal keeps an indicator archived after it was set; none is newly bound to one
  else if (indicator.status !== 'active' && input.indicatorId !== currentIndicatorId) details.push({ path: ['body', 'indicatorId'], code: 'goal.indicator_archived' });
  if (input.phaseId) {
    const phaseId = await findPhaseId(tx, planId, input.phaseId);
    if (!phaseId) details.push({ path: ['body', 'phaseId'], code: 'goal.phase_unknown' });
  }
  if (input.source === 'parent' && !input.parentId) details.push({ path: ['body', 'parentId'], code: 'goal.parent_required' });
  if (input.source !== 'parent' && input.parentId) details.push({ path: ['body', 'source'], code: 'goal.parent_needs_parent_source' });
  if (input.parentId) {
    const parentId = await findGoalIdInPlan(tx, planId, input.parentId);
    if (!parentId) details.push({ path: ['body', 'parentId'], code: 'goal.parent_unknown' });
    else if (selfId && (await isSelfOrBelow(tx, selfId, input.parentId))) details.push({ path: ['body', 'parentId'], code: 'goal.parent_cycle' });
  }
  if (input.deadline <= input.startsOn) details.push({ path: ['body', 'deadline'], code: 'goal.deadline_before_start', params: { startsOn: input.startsOn } });
  else details.push(...periodTargetProblems(input));
  if (details.length > 0) throw invalid(details);
  return indicator!;
}

export async function createGoal(db: Db, ctx: RequestContext, input: GoalInput): Promise<GoalDto> {
  const { viewer, actor } = ctx;
  const id = await db.transaction(async (tx) => {
    await loadPlan(tx, actor.workspaceId, input.planId).catch(ifNotFound(() => invalid([{ path: ['body', 'planId'], code: 'goal.plan_unknown' }])));
    const owner = await resolveOwner(tx, actor.workspaceId, input.owner);
    if (!canManageGoal(viewer, owner.ref)) throw new AppError('forbidden');
    const indicator = await checkReferences(tx, actor.workspaceId, input.planId, input, null);
    const targets = periodTargetMap(input);
    const recurring = input.recurrence ? { recurrence: input.recurrence, rollUp: indicator.rollUp, checkIns: [], periodTargets: targets } : null;
    const status = statusColumns({ ...input, direction: indicator.direction, current: null }, today(), recurring);
    const goalId = await insertGoal(tx, { workspaceId: actor.workspaceId, planId: input.planId, phaseId: input.phaseId, parentId: input.parentId, ...owner.columns, statement: input.statement, indicatorId: input.indicatorId, baseline: input.baseline, target: input.target, startsOn: input.startsOn, deadline: input.deadline, source: input.source, sourceNote: input.sourceNote, recurrence: input.recurrence, ...status });
    await savePeriodTargets(tx, goalId, targets);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'goal.create', entityType: 'goal', entityId: goalId, after: input });
    return goalId;
  });
  return getGoal(db, viewer, id);
}

/**
 * Changes a goal. Once its plan has begun, a new target or deadline needs a reason and is kept
 * in the goal's history of target changes (动态调整); while the plan is still being drafted,
 * targets move freely.
 */
export async function updateGoal(db: Db, ctx: RequestContext, id: string, update: GoalUpdateInput, expected?: number): Promise<GoalDto> {
  const { viewer, actor } = ctx;
  await db.transaction(async (tx) => {
    const before = await loadGoalRow(tx, actor.workspaceId, id);
    if (!canManageGoal(viewer, ownerRef(before))) throw new AppError('forbidden');
    // a stale version is refused before anything is written; the row stays locked until the change commits
    await checkVersion(tx, 'goal', id, expected);
    const owner = await resolveOwner(tx, actor.workspaceId, update.owner);
    if (!canManageGoal(viewer, owner.ref)) throw new AppError('forbidden');
    // one re-parenting at a time per plan: two crossed moves (A under B, B under A) cannot both pass the loop check
    await lockPlanCascade(tx, before.g.planId);
    const targetsBefore = (await periodTargetsByGoal(tx, [id])).get(id) ?? {};
    // a client that does not know recurrence (an older script) leaves it and the period targets as they are
    const input: GoalFields = {
      ...update,
      recurrence: update.recurrence === undefined ? before.g.recurrence : update.recurrence,
      periodTargets: update.periodTargets ?? Object.entries(targetsBefore).map(([period, target]) => ({ period, target })),
    };
    const indicator = await checkReferences(tx, actor.workspaceId, before.g.planId, input, id, before.g.indicatorId);
    const recurrenceChanged = input.recurrence !== before.g.recurrence;
    const goalChanged = input.target !== before.g.target || input.deadline !== before.g.deadline || recurrenceChanged;
    const additive = indicator.rollUp === 'sum';
    const periods = input.recurrence ? goalPeriods(input.startsOn, input.deadline, input.recurrence) : [];
    const defaultOf = (goalTarget: number, label: string) => {
      const p = periods.find((q) => q.label === label);
      return p && input.recurrence ? defaultPeriodTarget(goalTarget, p, input.recurrence, additive) : goalTarget;
    };
    const started = today() >= before.planStartsOn;
    const targets =
      started && input.recurrence && !recurrenceChanged && input.target !== before.g.target
        ? keepFinishedPeriodTargets(periods, periodTargetMap(input), (p) => defaultOf(before.g.target, p.label), today())
        : periodTargetMap(input);
    const periodsChanged = changedPeriodTargets({ target: before.g.target, targets: targetsBefore }, { target: input.target, targets }, defaultOf);
    const changed = goalChanged || periodsChanged.length > 0;
    const reason = update.changeReason?.trim() ?? '';
    if (changed && started) {
      if (!reason) throw invalid([{ path: ['body', 'changeReason'], code: 'goal.change_reason_required' }]);
      const by = { reason, changedBy: actor.userId, changedByName: viewer.name, fromDeadline: before.g.deadline, toDeadline: input.deadline, fromRecurrence: before.g.recurrence, toRecurrence: input.recurrence };
      // one edit is one moment: its rows share changedAt, so the history counts it once however many periods it moved
      const at = new Date();
      await insertTargetChanges(tx, [
        ...(goalChanged ? [{ goalId: id, period: null, fromTarget: before.g.target, toTarget: input.target, changedAt: at, ...by }] : []),
        ...periodsChanged.map((c) => ({ goalId: id, period: c.period, fromTarget: c.from, toTarget: c.to, changedAt: at, ...by })),
      ]);
    }
    await savePeriodTargets(tx, id, targets);
    const recurring = await loadRecurrenceInput(tx, { id, recurrence: input.recurrence, rollUp: indicator.rollUp });
    const status = statusColumns({ ...input, direction: indicator.direction, current: before.g.current }, today(), recurring);
    await updateGoalEdit(tx, id, { phaseId: input.phaseId, parentId: input.parentId, ...owner.columns, statement: input.statement, indicatorId: input.indicatorId, baseline: input.baseline, target: input.target, startsOn: input.startsOn, deadline: input.deadline, source: input.source, sourceNote: input.sourceNote, recurrence: input.recurrence, ...status, updatedAt: new Date() });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: changed ? 'goal.change_target' : 'goal.update', entityType: 'goal', entityId: id, before: before.g, after: input });
  });
  return getGoal(db, viewer, id);
}

/** Deletes a goal with its check-ins; a goal others were cascaded from is refused (their source would dangle). */
export async function deleteGoal(db: Db, ctx: RequestContext, id: string, expected?: number): Promise<void> {
  const { viewer, actor } = ctx;
  await db.transaction(async (tx) => {
    const before = await loadGoalRow(tx, actor.workspaceId, id);
    if (!canManageGoal(viewer, ownerRef(before))) throw new AppError('forbidden');
    await checkVersion(tx, 'goal', id, expected);
    const n = await countChildGoals(tx, id);
    if (n > 0) throw new AppError('has_dependents', { reason: 'goal.has_children', goals: n }, [{ code: 'goal.has_children', params: { goals: n } }]);
    await deleteGoalRow(tx, id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'goal.delete', entityType: 'goal', entityId: id, before: before.g });
  });
}
