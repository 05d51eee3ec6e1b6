import type { z } from 'zod';
import type { createCycleInput, Cycle, updateCycleInput } from '../../../../contracts/cycles.ts';
import { parsePeriod, type Period } from '../../../../core/values/periods.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { RequestContext } from '../../../http/request-context.ts';
import { checkVersion } from '../../../http/versions.ts';
import type { Locale } from '../../../i18n/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import type { WorkspaceActor } from '../../org/index.ts';
import { loadCycle } from './cycle-access.ts';
import { assertCycleAllows } from './cycle-guard.ts';
import { cycleView } from './cycles.queries.ts';
import { deleteCycleRow, findCycleByName, insertCycle, updateCycleRow } from './cycle-writes.queries.ts';

/** Creating, editing and deleting cycles. Reading: cycles.queries.ts; state transitions: cycle-transitions.service.ts. */

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026年10月考核" / "October 2026 appraisal"; quarter "2026年第4季度考核" / "Q4 2026 appraisal"; year "2026年度考核" / "2026 annual appraisal". */
export function defaultCycleName(period: Period, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (period.kind === 'month') {
    const month = Number(period.label.slice(5, 7));
    return zh ? `${period.year}年${month}月考核` : `${MONTHS_EN[month - 1]} ${period.year} appraisal`;
  }
  if (period.kind === 'quarter') {
    const q = period.label.slice(6);
    return zh ? `${period.year}年第${q}季度考核` : `Q${q} ${period.year} appraisal`;
  }
  return zh ? `${period.year}年度考核` : `${period.year} annual appraisal`;
}

async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null): Promise<void> {
  const row = await findCycleByName(tx, workspaceId, name);
  if (row && row.id !== selfId) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'cycle.name_taken', params: { name } }]);
}

/** Each limit names a grade once, and minShare ≤ maxShare. */
function checkDistribution(limits: readonly { grade: string; maxShare?: number; minShare?: number }[]): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  limits.forEach((l, i) => {
    if (seen.has(l.grade)) details.push({ path: ['body', 'forcedDistribution', i, 'grade'], code: 'cycle.distribution_grade_twice', params: { grade: l.grade } });
    seen.add(l.grade);
    if (l.maxShare === undefined && l.minShare === undefined) details.push({ path: ['body', 'forcedDistribution', i], code: 'cycle.distribution_empty', params: { grade: l.grade } });
    if (l.maxShare !== undefined && l.minShare !== undefined && l.minShare > l.maxShare) {
      details.push({ path: ['body', 'forcedDistribution', i, 'minShare'], code: 'cycle.distribution_min_above_max', params: { grade: l.grade } });
    }
  });
  if (details.length > 0) throw new AppError('validation_failed', { count: details.length }, details);
}

export async function createCycle(db: Db, ctx: RequestContext, input: z.output<typeof createCycleInput>): Promise<Cycle> {
  const { viewer, actor, locale } = ctx;
  const period = parsePeriod(input.periodLabel);
  if (!period) {
    // the contract already refuses it; kept so the service is safe on its own
    throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'periodLabel'], code: 'cycle.period_label_invalid', params: { value: input.periodLabel } }]);
  }
  checkDistribution(input.forcedDistribution);
  const created = await db.transaction(async (tx) => {
    const name = input.name ?? defaultCycleName(period, locale);
    await assertNameFree(tx, actor.workspaceId, name, null);
    const row = await insertCycle(tx, {
      workspaceId: actor.workspaceId,
      name,
      periodKind: period.kind,
      periodLabel: period.label,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      trial: input.trial,
      forcedDistribution: input.forcedDistribution,
    });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.create', entityType: 'cycle', entityId: row.id, after: row });
    return row;
  });
  return cycleView(db, viewer, created);
}

/** Changes a cycle's settings; `expected`: the version the change is based on (a stale one is a 409 and changes nothing). */
export async function updateCycle(db: Db, ctx: RequestContext, id: string, input: Omit<z.output<typeof updateCycleInput>, 'version'>, expected?: number): Promise<Cycle> {
  const { viewer, actor } = ctx;
  if (input.forcedDistribution) checkDistribution(input.forcedDistribution);
  const updated = await db.transaction(async (tx) => {
    const before = await loadCycle(tx, actor.workspaceId, id, true);
    await checkVersion(tx, 'cycle', id, expected);
    assertCycleAllows(before, 'edit');
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, actor.workspaceId, input.name, id);
    const after = await updateCycleRow(tx, id, input, true);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.update', entityType: 'cycle', entityId: id, before, after });
    return after;
  });
  return cycleView(db, viewer, updated);
}

export async function deleteCycle(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadCycle(tx, actor.workspaceId, id, true);
    assertCycleAllows(before, 'delete');
    await deleteCycleRow(tx, id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.delete', entityType: 'cycle', entityId: id, before });
  });
}
