import type { z } from 'zod';
import type { plan, PlanInput } from '../../../contracts/goals.ts';
import { GOAL_STATUSES, type GoalStatus } from '../../../core/goals/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import {
  countGoalsByPlanAndStatus,
  countGoalsInPlan,
  deletePhases,
  deletePlanRow,
  findPlanIdByName,
  findPlanRow,
  insertPhase,
  insertPlan,
  type PhaseRow,
  type PlanRow,
  selectPhaseIds,
  selectPhasesOfPlans,
  selectPlans,
  updatePhase,
  updatePlanRow,
} from './plans.queries.ts';

export type PlanDto = z.infer<typeof plan>;

/** Plans (计划) with their phases and how many goals stand in each status. */
export async function listPlans(db: Db | Tx, workspaceId: string, onlyId?: string): Promise<PlanDto[]> {
  const rows = await selectPlans(db, workspaceId, onlyId);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const phases = await selectPhasesOfPlans(db, ids);
  const counts = await countGoalsByPlanAndStatus(db, workspaceId, ids);
  return rows.map((r) => toDto(r, phases.filter((p) => p.planId === r.id), counts.filter((c) => c.planId === r.id)));
}

function toDto(r: PlanRow, phases: PhaseRow[], counts: { status: GoalStatus; n: number }[]): PlanDto {
  const statusCounts = Object.fromEntries(GOAL_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?.n ?? 0])) as Record<GoalStatus, number>;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    reviewCadence: r.reviewCadence,
    status: r.status,
    phases: phases.map((p) => ({ id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })),
    goalCount: counts.reduce((a, c) => a + c.n, 0),
    statusCounts,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function getPlan(db: Db | Tx, workspaceId: string, id: string): Promise<PlanDto> {
  const [found] = await listPlans(db, workspaceId, id);
  if (!found) throw new AppError('not_found', { entity: 'entity.plan' });
  return found;
}

export async function loadPlan(db: Db | Tx, workspaceId: string, id: string): Promise<PlanRow> {
  const row = await findPlanRow(db, workspaceId, id);
  if (!row) throw new AppError('not_found', { entity: 'entity.plan' });
  return row;
}

/** The plan's range is a range; each phase lies inside it, has a unique name, and phases do not overlap. */
function checkPlanInput(input: PlanInput): void {
  const details: ErrorDetail[] = [];
  if (input.endsOn < input.startsOn) details.push({ path: ['body', 'endsOn'], code: 'plan.ends_before_start', params: { startsOn: input.startsOn, endsOn: input.endsOn } });
  const names = new Set<string>();
  input.phases.forEach((p, i) => {
    if (names.has(p.name)) details.push({ path: ['body', 'phases', i, 'name'], code: 'plan.phase_name_twice', params: { name: p.name } });
    names.add(p.name);
    if (p.endsOn < p.startsOn) details.push({ path: ['body', 'phases', i, 'endsOn'], code: 'plan.phase_ends_before_start', params: { name: p.name } });
    else if (p.startsOn < input.startsOn || p.endsOn > input.endsOn) details.push({ path: ['body', 'phases', i, 'startsOn'], code: 'plan.phase_outside_plan', params: { name: p.name } });
  });
  const sorted = input.phases.map((p, i) => ({ ...p, i })).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  // against the latest end so far: a short phase inside a long one does not hide the next overlap
  let latest = sorted[0];
  for (const phase of sorted.slice(1)) {
    if (phase.startsOn <= latest.endsOn) details.push({ path: ['body', 'phases', phase.i, 'startsOn'], code: 'plan.phases_overlap', params: { name: phase.name, other: latest.name } });
    if (phase.endsOn > latest.endsOn) latest = phase;
  }
  if (details.length > 0) throw new AppError('validation_failed', { count: details.length }, details);
}

async function refuseTakenName(tx: Tx, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const taken = await findPlanIdByName(tx, workspaceId, name);
  if (taken && taken !== exceptId) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'plan.name_taken', params: { name } }]);
}

/** Phases given with an id are kept (their goals stay in them); the others are new; phases left out are removed. */
async function writePhases(tx: Tx, planId: string, phases: PlanInput['phases']): Promise<void> {
  const existing = await selectPhaseIds(tx, planId);
  const known = new Set(existing);
  const unknown = phases.findIndex((p) => p.id !== undefined && !known.has(p.id));
  if (unknown >= 0) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'phases', unknown, 'id'], code: 'plan.phase_unknown' }]);
  const kept = new Set(phases.flatMap((p) => (p.id ? [p.id] : [])));
  const removed = existing.filter((id) => !kept.has(id));
  if (removed.length > 0) await deletePhases(tx, removed);
  // names are unique per plan: park the kept ones under temporary names first, so two phases can swap names
  for (const p of phases) if (p.id) await updatePhase(tx, p.id, { name: `\u0000${p.id}` });
  for (const [i, p] of phases.entries()) {
    const values = { name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, sortOrder: i };
    if (p.id) await updatePhase(tx, p.id, values);
    else await insertPhase(tx, { planId, ...values });
  }
}

export async function createPlan(db: Db, actor: WorkspaceActor, input: PlanInput): Promise<PlanDto> {
  checkPlanInput(input);
  if (input.phases.some((p) => p.id)) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'phases', input.phases.findIndex((p) => p.id), 'id'], code: 'plan.phase_unknown' }]);
  const id = await db.transaction(async (tx) => {
    await refuseTakenName(tx, actor.workspaceId, input.name);
    const row = await insertPlan(tx, { workspaceId: actor.workspaceId, name: input.name, description: input.description, startsOn: input.startsOn, endsOn: input.endsOn, reviewCadence: input.reviewCadence });
    await writePhases(tx, row.id, input.phases);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'plan.create', entityType: 'plan', entityId: row.id, after: input });
    return row.id;
  });
  return getPlan(db, actor.workspaceId, id);
}

export async function updatePlan(db: Db, actor: WorkspaceActor, id: string, input: PlanInput, expected?: number): Promise<PlanDto> {
  checkPlanInput(input);
  await db.transaction(async (tx) => {
    const before = await loadPlan(tx, actor.workspaceId, id);
    await checkVersion(tx, 'plan', id, expected);
    await refuseTakenName(tx, actor.workspaceId, input.name, id);
    await updatePlanRow(tx, id, { name: input.name, description: input.description, startsOn: input.startsOn, endsOn: input.endsOn, reviewCadence: input.reviewCadence, updatedAt: new Date() });
    await writePhases(tx, id, input.phases);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'plan.update', entityType: 'plan', entityId: id, before, after: input });
  });
  return getPlan(db, actor.workspaceId, id);
}

/** Deletes an empty plan; a plan with goals is refused (delete its goals first), so no goal and check-in history is lost by one click. */
export async function deletePlan(db: Db, actor: WorkspaceActor, id: string, expected?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadPlan(tx, actor.workspaceId, id);
    await checkVersion(tx, 'plan', id, expected);
    const n = await countGoalsInPlan(tx, id);
    if (n > 0) throw new AppError('has_dependents', { reason: 'plan.has_goals', goals: n }, [{ code: 'plan.has_goals', params: { goals: n } }]);
    await deletePlanRow(tx, id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'plan.delete', entityType: 'plan', entityId: id, before });
  });
}
