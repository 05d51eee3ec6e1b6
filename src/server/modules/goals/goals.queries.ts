import { groupBy } from '../../../core/values/group-by.ts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { goal, treeQuery } from '../../../contracts/goals.ts';
import { decompositionCoverage } from '../../../core/goals/coverage.ts';
import { checkGoal } from '../../../core/goals/smart.ts';
import { currentPeriodTarget } from '../../../core/goals/recurring-status.ts';
import { elapsedFraction } from '../../../core/goals/status.ts';
import type { GoalIndicator } from '../../../core/goals/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import { goals, indicators, orgUnits, people, plans } from '../../db/schema/index.ts';
import { periodTargetsByGoal } from './goal-periods.queries.ts';
import { canCheckInGoal, canManageGoal } from '../../access.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import { today } from './goal-status.ts';

export type GoalDto = z.infer<typeof goal>;
export type TreeQuery = z.infer<typeof treeQuery>;

/** The columns every goal read needs: the goal, its indicator, its owner's name and unit, its plan's range. */
const goalColumns = {
  g: goals,
  indicator: {
    id: indicators.id,
    key: indicators.key,
    name: indicators.name,
    nameEn: indicators.nameEn,
    unit: indicators.unit,
    direction: indicators.direction,
    perspective: indicators.perspective,
    rollUp: indicators.rollUp,
    terms: indicators.terms,
  },
  unitName: orgUnits.name,
  personName: people.name,
  personUnitId: people.unitId,
  planStartsOn: plans.startsOn,
  planEndsOn: plans.endsOn,
};

export type GoalRow = Awaited<ReturnType<typeof selectGoals>>[number];

async function selectGoals(db: Db | Tx, where: SQL | undefined) {
  return db
    .select(goalColumns)
    .from(goals)
    .innerJoin(indicators, eq(indicators.id, goals.indicatorId))
    .innerJoin(plans, eq(plans.id, goals.planId))
    .leftJoin(orgUnits, eq(orgUnits.id, goals.ownerUnitId))
    .leftJoin(people, eq(people.id, goals.ownerPersonId))
    .where(where)
    .orderBy(sql`case ${goals.ownerKind} when 'company' then 0 when 'unit' then 1 else 2 end`, orgUnits.sortOrder, orgUnits.name, people.name, goals.createdAt);
}

/** Who owns the goal, for access checks (a person's unit places them in a manager's scope). */
export function ownerRef(row: GoalRow) {
  return { kind: row.g.ownerKind, unitId: row.g.ownerKind === 'unit' ? row.g.ownerUnitId : row.personUnitId, personId: row.g.ownerPersonId };
}

export function goalIndicatorOf(row: GoalRow): GoalIndicator {
  const i = row.indicator;
  return { key: i.key, name: i.name, nameEn: i.nameEn, unit: i.unit, direction: i.direction, perspective: i.perspective, rollUp: i.rollUp, definitions: i.terms.map((t) => t.definition) };
}

type Child = { parentId: string | null; indicatorId: string; target: number };

/** Goals as the API shows them, with child counts, decomposition coverage, the SMART letters that need no history, and what the viewer may do. */
export async function toGoalDtos(db: Db | Tx, viewer: Viewer, rows: GoalRow[]): Promise<GoalDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.g.id);
  const children: Child[] = await db.select({ parentId: goals.parentId, indicatorId: goals.indicatorId, target: goals.target }).from(goals).where(inArray(goals.parentId, ids));
  const recurringIds = rows.filter((r) => r.g.recurrence !== null).map((r) => r.g.id);
  const targetsOf = await periodTargetsByGoal(db, recurringIds);
  const childrenOf = groupBy(children, (c) => c.parentId);
  return rows.map((row) =>
    toGoalDto(
      viewer,
      row,
      childrenOf.get(row.g.id) ?? [],
      Object.entries(targetsOf.get(row.g.id) ?? {}).map(([period, target]) => ({ period, target })),
    ),
  );
}

function toGoalDto(viewer: Viewer, row: GoalRow, children: Child[], periodTargets: { period: string; target: number }[]): GoalDto {
  const { g, indicator } = row;
  const owner = g.ownerKind === 'company' ? { kind: g.ownerKind, id: null, name: '' } : g.ownerKind === 'unit' ? { kind: g.ownerKind, id: g.ownerUnitId, name: row.unitName ?? '' } : { kind: g.ownerKind, id: g.ownerPersonId, name: row.personName ?? '' };
  const coverage = decompositionCoverage(
    { target: g.target, indicatorKey: indicator.id, rollUp: indicator.rollUp, direction: indicator.direction },
    children.map((c) => ({ target: c.target, indicatorKey: c.indicatorId })),
  );
  const smart = checkGoal(
    { statement: g.statement, indicator: goalIndicatorOf(row), baseline: g.baseline, target: g.target, startsOn: g.startsOn, deadline: g.deadline, source: g.source, parent: g.parentId, recurrence: g.recurrence },
    { planRange: { startsOn: row.planStartsOn, endsOn: row.planEndsOn } },
  );
  return {
    id: g.id,
    planId: g.planId,
    phaseId: g.phaseId,
    parentId: g.parentId,
    owner,
    statement: g.statement,
    indicator: { id: indicator.id, key: indicator.key, name: indicator.name, nameEn: indicator.nameEn, unit: indicator.unit, direction: indicator.direction, perspective: indicator.perspective, rollUp: indicator.rollUp },
    baseline: g.baseline,
    target: g.target,
    startsOn: g.startsOn,
    deadline: g.deadline,
    source: g.source,
    sourceNote: g.sourceNote,
    recurrence: g.recurrence,
    periodTargets,
    periodTarget: g.recurrence
      ? currentPeriodTarget({ recurrence: g.recurrence, startsOn: g.startsOn, deadline: g.deadline, target: g.target, periodTargets: Object.fromEntries(periodTargets.map((t) => [t.period, t.target])), additive: indicator.rollUp === 'sum' }, today())
      : null,
    current: g.current,
    lastCheckInAt: g.lastCheckInAt?.toISOString() ?? null,
    status: g.status,
    progress: g.progress,
    elapsed: elapsedFraction(g.startsOn, g.deadline, today()),
    childCount: children.length,
    coverage,
    smart,
    canEdit: canManageGoal(viewer, ownerRef(row)),
    canCheckIn: canCheckInGoal(viewer, ownerRef(row)),
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export async function loadGoalRow(db: Db | Tx, workspaceId: string, id: string): Promise<GoalRow> {
  const [row] = await selectGoals(db, and(eq(goals.workspaceId, workspaceId), eq(goals.id, id)));
  if (!row) throw new AppError('not_found', { entity: 'entity.goal' });
  return row;
}

export async function getGoal(db: Db | Tx, viewer: Viewer, id: string): Promise<GoalDto> {
  const [dto] = await toGoalDtos(db, viewer, [await loadGoalRow(db, viewer.workspaceId, id)]);
  return dto;
}

/** Every goal of a plan. */
export async function planGoalRows(db: Db | Tx, workspaceId: string, planId: string): Promise<GoalRow[]> {
  return selectGoals(db, and(eq(goals.workspaceId, workspaceId), eq(goals.planId, planId)));
}

/** The goals whose parent is `parentId`. */
export async function childGoalRows(db: Db | Tx, workspaceId: string, parentId: string): Promise<GoalRow[]> {
  return selectGoals(db, and(eq(goals.workspaceId, workspaceId), eq(goals.parentId, parentId)));
}

/**
 * One level of a plan's cascade tree: its top goals, or the children of `parentId`. With
 * filters, a goal is shown when it matches or when a goal below it does, so the path to every
 * match stays expandable.
 */
export async function listTreeLevel(db: Db | Tx, viewer: Viewer, planId: string, query: TreeQuery): Promise<GoalDto[]> {
  const { workspaceId } = viewer;
  const level = and(eq(goals.workspaceId, workspaceId), eq(goals.planId, planId), query.parentId ? eq(goals.parentId, query.parentId) : sql`${goals.parentId} is null`);
  const filters = [
    query.phaseId ? sql`m.phase_id = ${query.phaseId}` : null,
    query.ownerKind ? sql`m.owner_kind = ${query.ownerKind}` : null,
    query.status ? sql`m.status = ${query.status}` : null,
    query.q
      ? sql`(m.statement ilike ${`%${escapeLike(query.q)}%`} or exists (select 1 from people p where p.id = m.owner_person_id and p.name ilike ${`%${escapeLike(query.q)}%`}) or exists (select 1 from org_units u where u.id = m.owner_unit_id and u.name ilike ${`%${escapeLike(query.q)}%`}))`
      : null,
  ].filter((f): f is SQL => f !== null);
  if (filters.length === 0) return toGoalDtos(db, viewer, await selectGoals(db, level));
  // the matches and every goal above them
  const shown = sql`(with recursive up(id, parent_id) as (
      select m.id, m.parent_id from goals m where m.plan_id = ${planId} and ${sql.join(filters, sql` and `)}
      union select g.id, g.parent_id from goals g join up on up.parent_id = g.id)
    select id from up)`;
  return toGoalDtos(db, viewer, await selectGoals(db, and(level, sql`${goals.id} in ${shown}`)));
}
