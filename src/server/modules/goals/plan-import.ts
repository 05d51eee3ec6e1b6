import { planFileToDraft, readPlanFile, type PlanFile, type PlanFileIndicator } from '../../../contracts/plan-file.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { insertIndicator } from '../indicators/index.ts';
import { insertBuiltinCopy } from '../indicators/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { splitUnitPath, unitsByPath } from '../org/index.ts';
import type { RollUp } from '../../../core/indicators/types.ts';
import { statusColumns, today } from './goal-status.ts';
import { savePeriodTargets } from './goal-periods.queries.ts';
import { insertGoal } from './goal-writes.queries.ts';
import { findIndicatorTraits, selectActivePeople, selectLibraryIndicators, selectUnitTree } from './plan-file.queries.ts';
import { findPlanIdByName, insertPhaseReturningId, insertPlan } from './plans.queries.ts';
import { getPlan, type PlanDto } from './plans.service.ts';

/** "goals[1].owner.name" → ['body', 'goals', 1, 'owner', 'name']: where the web app shows the problem. */
function bodyPath(path: string): (string | number)[] {
  return ['body', ...(path.match(/[^.[\]]+/g) ?? []).map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
}
const problem = (path: string, zh: string, en: string): ErrorDetail => ({ path: bodyPath(path), code: 'plan.file_problem', params: { zh, en } });

/**
 * Creates a plan from a `kedu.plan/v1` file: its phases, and its goals with owners found by
 * unit path or name and by person email or name, indicators from the workspace library by key
 * (a built-in key not yet in the library is copied in). All or nothing: every problem is
 * reported with its place in the file, and nothing is written.
 */
export async function importPlan(db: Db, actor: WorkspaceActor, body: unknown, locale: Locale): Promise<PlanDto> {
  const read = readPlanFile(JSON.stringify(body));
  if (!read.ok) throw new AppError('validation_failed', { count: read.problems.length }, read.problems.map((p) => problem(p.path, p.message['zh-CN'], p.message.en)));
  const file = read.file;
  const draft = planFileToDraft(file);
  const planId = await db.transaction(async (tx) => {
    const refs = await resolveReferences(tx, actor.workspaceId, file);
    const details = [...refs.problems];
    draft.goals.forEach((g, i) => {
      if (g.target === null || g.target === undefined) details.push(problem(`goals[${i}].target`, '目标缺少目标值（target）：没有目标值的目标无法保存。', 'The goal has no target: a goal without one cannot be saved.'));
      if (!g.deadline) details.push(problem(`goals[${i}].deadline`, '目标缺少截止日期（deadline），也不属于任何阶段：请写明截止日期。', 'The goal has no deadline and no phase: give it a deadline.'));
      else if (g.startsOn && g.deadline <= g.startsOn) details.push(problem(`goals[${i}].deadline`, '截止日期必须晚于开始日期。', 'The deadline must come after the start.'));
      if (!g.source) details.push(problem(`goals[${i}].source`, '目标没有出处（source）：没有出处的目标无法保存。请写明上级目标、战略、年度计划、预算、岗位职责或业务流程。', 'The goal has no source: a goal without one cannot be saved. Name its parent, the strategy, the annual plan, the budget, the job duties or a business process.'));
      if (!g.indicator) details.push(problem(`goals[${i}].indicator`, '目标没有绑定指标：请填写 indicator。', 'The goal is bound to no indicator: fill in "indicator".'));
    });
    if (details.length > 0) throw new AppError('validation_failed', { count: details.length }, details);
    if (await findPlanIdByName(tx, actor.workspaceId, file.plan.name)) {
      throw new AppError('name_taken', { name: file.plan.name }, [{ path: ['body', 'plan', 'name'], code: 'plan.name_taken', params: { name: file.plan.name } }]);
    }
    const plan = await insertPlan(tx, { workspaceId: actor.workspaceId, name: file.plan.name, description: file.plan.description ?? '', startsOn: file.plan.startsOn, endsOn: file.plan.endsOn, reviewCadence: file.plan.reviewCadence ?? null });
    const phaseIds = new Map<string, string>();
    for (const [i, p] of (file.plan.phases ?? []).entries()) {
      phaseIds.set(p.key, await insertPhaseReturningId(tx, { planId: plan.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, sortOrder: i }));
    }
    const indicatorIds = new Map<string, { id: string; direction: 'higher' | 'lower'; rollUp: RollUp }>();
    for (const key of new Set(file.goals.flatMap((g) => (g.indicator ? [g.indicator] : [])))) {
      const own = file.indicators?.find((i) => i.key === key);
      const id = refs.indicators.get(key)?.id ?? (own ? await insertFileIndicator(tx, actor, own, file.plan.name) : await insertBuiltinCopy(tx, actor, key, { key }, locale));
      indicatorIds.set(key, await findIndicatorTraits(tx, id));
    }
    const goalIds = new Map<string, string>();
    // parents first: the schema refused cycles, so each round places at least one goal
    const pending = draft.goals.map((g, i) => ({ g, f: file.goals[i], i }));
    while (pending.length > 0) {
      const ready = pending.filter((p) => !p.f.parent || goalIds.has(p.f.parent));
      for (const { g, f, i } of ready) {
        const indicator = indicatorIds.get(f.indicator!)!;
        const values = { baseline: g.baseline ?? null, target: g.target!, startsOn: g.startsOn!, deadline: g.deadline! };
        const targets = g.periodTargets ?? {};
        const recurring = g.recurrence ? { recurrence: g.recurrence, rollUp: indicator.rollUp, checkIns: [], periodTargets: targets } : null;
        const goalId = await insertGoal(tx, { workspaceId: actor.workspaceId, planId: plan.id, phaseId: f.phase ? phaseIds.get(f.phase)! : null, parentId: f.parent ? goalIds.get(f.parent)! : null, ...refs.owners[i], statement: g.statement, indicatorId: indicator.id, ...values, source: g.source!, recurrence: g.recurrence ?? null, ...statusColumns({ ...values, direction: indicator.direction, current: null }, today(), recurring) });
        await savePeriodTargets(tx, goalId, targets);
        goalIds.set(f.key, goalId);
        pending.splice(pending.findIndex((p) => p.i === i), 1);
      }
    }
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'plan.import', entityType: 'plan', entityId: plan.id, after: { name: plan.name, goals: file.goals.length } });
    return plan.id;
  });
  return getPlan(db, actor.workspaceId, planId);
}

type OwnerColumns = { ownerKind: 'company' | 'unit' | 'person'; ownerUnitId: string | null; ownerPersonId: string | null };

/** The workspace's units, people and indicators the file names, with a located problem for each one not found. */
async function resolveReferences(tx: Tx, workspaceId: string, file: PlanFile) {
  const units = await selectUnitTree(tx, workspaceId);
  const byPath = unitsByPath(units);
  // people who left and archived indicators take no new goals, as in the app
  const staff = await selectActivePeople(tx, workspaceId);
  const library = await selectLibraryIndicators(tx, workspaceId);
  const problems: ErrorDetail[] = [];
  const owners: OwnerColumns[] = file.goals.map((g, i) => {
    const owner = g.owner;
    if (owner.kind === 'company') return { ownerKind: 'company', ownerUnitId: null, ownerPersonId: null };
    if (owner.kind === 'unit') {
      const path = splitUnitPath(owner.name)?.join('/');
      const named = units.filter((u) => u.name === owner.name);
      const unit = (path ? byPath.get(path) : undefined) ?? (named.length === 1 ? named[0] : undefined);
      if (!unit) problems.push(problem(`goals[${i}].owner.name`, `找不到部门“${owner.name}”${named.length > 1 ? '（有多个同名部门，请写完整路径，如“销售部/华东区”）' : ''}：请先在组织架构中建立它，或改正名称。`, `No department "${owner.name}"${named.length > 1 ? ' (several share the name: write its path, e.g. "Sales/East")' : ''}: create it in the organisation first, or correct the name.`));
      return { ownerKind: 'unit', ownerUnitId: unit?.id ?? null, ownerPersonId: null };
    }
    const byEmail = owner.email ? staff.filter((p) => p.email?.toLowerCase() === owner.email!.toLowerCase()) : [];
    const byName = owner.name ? staff.filter((p) => p.name === owner.name) : [];
    // an email that names nobody is a mistake to report, not a reason to guess by name
    const person = owner.email ? byEmail[0] : byName.length === 1 ? byName[0] : undefined;
    if (!person) problems.push(problem(`goals[${i}].owner`, `找不到负责人“${owner.email ?? owner.name}”${byName.length > 1 ? '（有多人同名，请写邮箱）' : ''}：请先在人员中添加，或改正。`, `No person "${owner.email ?? owner.name}"${byName.length > 1 ? ' (several share the name: give the email)' : ''}: add them to the people first, or correct it.`));
    return { ownerKind: 'person', ownerUnitId: null, ownerPersonId: person?.id ?? null };
  });
  const indicatorMap = new Map(library.map((i) => [i.key, i]));
  file.goals.forEach((g, i) => {
    if (g.indicator && indicatorMap.get(g.indicator)?.status === 'archived') problems.push(problem(`goals[${i}].indicator`, `指标“${g.indicator}”已在指标库中归档，不能用于新目标：请在指标库中恢复它，或换一个指标。`, `The indicator "${g.indicator}" is archived in the library and takes no new goals: restore it there, or choose another.`));
  });
  const used = new Set(file.goals.map((g) => g.indicator));
  // the file's own indicators that the library lacks are added to it: they must fit its rules
  (file.indicators ?? []).forEach((own, i) => {
    if (!used.has(own.key) || indicatorMap.has(own.key)) return;
    if (!/^[a-z][a-z0-9_-]{1,59}$/.test(own.key)) problems.push(problem(`indicators[${i}].key`, `指标标识“${own.key}”不符合指标库的规则：请只用小写字母、数字、_ 和 -，并以字母开头。`, `The indicator key "${own.key}" does not fit the library's rules: use lowercase letters, digits, _ and -, starting with a letter.`));
    if (own.definition.trim() === '') problems.push(problem(`indicators[${i}].definition`, `指标“${own.name}”没有口径：请写明统计什么、从哪里取数、按什么时间计入。`, `The indicator "${own.name}" has no data definition: say what is counted, from where, and by which date.`));
    if (library.some((l) => l.name === own.name)) problems.push(problem(`indicators[${i}].name`, `指标库中已有名为“${own.name}”的另一个指标：请在文件中使用它的标识，或给这个指标换个名称。`, `The library already has another indicator named "${own.name}": use its key in the file, or rename this one.`));
  });
  return { owners, indicators: indicatorMap, problems };
}


/** A plan file's own indicator, added to the library as a single-term indicator with its data definition. */
async function insertFileIndicator(tx: Tx, actor: WorkspaceActor, own: PlanFileIndicator, planName: string): Promise<string> {
  const termRollUp = own.rollUp === 'last' ? 'last' : own.rollUp === 'average' ? 'average' : 'sum';
  return insertIndicator(
    tx,
    actor,
    {
      key: own.key,
      name: own.name,
      nameEn: own.nameEn ?? null,
      purpose: own.purpose || `计划「${planName}」的目标所用的指标。`,
      perspective: own.perspective,
      kind: 'result',
      nature: own.perspective === 'finance' ? 'financial' : 'management',
      unit: own.unit ?? '',
      direction: own.direction,
      formula: null,
      terms: [{ name: own.name, definition: own.definition, rollUp: termRollUp }],
      period: 'month',
      rollUp: own.rollUp === 'recompute' ? 'sum' : own.rollUp,
      status: 'active',
      sourceBuiltinKey: null,
    },
    'indicator.import_plan',
  );
}
