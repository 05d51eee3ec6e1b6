import { periodsOfYear, parsePeriod } from '../../../core/values/periods.ts';
import type { Tx } from '../../db/client.ts';
import { loadInputs, recomputeParticipants } from '../cycles/index.ts';
import { scoreParticipant } from '../cycles/index.ts';
import { resolveScorecardsForPeriod } from '../scorecards/index.ts';
import { DEMO_TEMPLATE_NAME, demoForcedDistribution, demoNovember, demoOctober, demoSalesCard, demoSalesTargets } from './demo-appraisal.ts';
import {
  insertAssignmentRow,
  insertCycleRow,
  insertParticipantRows,
  insertPeriodTargetRows,
  insertRatingRows,
  insertTemplateRow,
  insertTermValueRows,
  type RatingInsert,
  selectCycleParticipantRows,
  setFrozenResult,
  type TermValueInsert,
} from './demo-appraisal.queries.ts';

type Ids = { workspaceId: string; personIds: ReadonlyMap<string, string>; positionId: string };

/**
 * Seeds the sales appraisal of the demo workspace (demo-appraisal.ts) inside the caller's
 * transaction: the template assigned to the 销售代表 position, the year's per-person sales
 * targets, October closed with frozen results, November open and half entered.
 */
export async function seedDemoAppraisal(tx: Tx, ids: Ids): Promise<void> {
  const { workspaceId } = ids;
  const templateId = await insertTemplateRow(tx, { workspaceId, name: DEMO_TEMPLATE_NAME, description: '销售代表的月度考核：结果（销售额、新大客户）、制衡（回款、周转）与能力。', period: 'month', card: demoSalesCard });
  await insertAssignmentRow(tx, { workspaceId, templateId, period: 'month', positionId: ids.positionId });
  const targetRows = Object.entries(demoSalesTargets).flatMap(([key, value]) =>
    !ids.personIds.has(key) ? [] : periodsOfYear(2026, 'month').map((periodLabel) => ({
      workspaceId,
      templateId,
      ownerKind: 'person' as const,
      ownerId: ids.personIds.get(key)!,
      indicatorKey: '销售额',
      periodLabel,
      value,
    })),
  );
  if (targetRows.length > 0) await insertPeriodTargetRows(tx, targetRows);

  const keyOf = new Map([...ids.personIds].map(([key, id]) => [id, key]));
  await seedCycle(tx, workspaceId, keyOf, '2026-10', '2026年10月考核', demoOctober, { openedAt: new Date('2026-11-01T01:00:00Z'), closedAt: new Date('2026-11-06T09:30:00Z') });
  await seedCycle(tx, workspaceId, keyOf, '2026-11', '2026年11月考核', demoNovember, { openedAt: new Date('2026-11-20T01:00:00Z'), closedAt: null });
}

async function seedCycle(
  tx: Tx,
  workspaceId: string,
  keyOf: ReadonlyMap<string, string>,
  label: string,
  name: string,
  values: Record<string, Record<string, number | undefined>>,
  times: { openedAt: Date; closedAt: Date | null },
): Promise<void> {
  const period = parsePeriod(label)!;
  const closed = times.closedAt !== null;
  const cycleId = await insertCycleRow(tx, {
    workspaceId,
    name,
    periodKind: period.kind,
    periodLabel: period.label,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    state: closed ? 'closed' : 'open',
    forcedDistribution: demoForcedDistribution,
    openedAt: times.openedAt,
    closedAt: times.closedAt,
  });
  const cards = await resolveScorecardsForPeriod(tx, workspaceId, period);
  const participants = await insertParticipantRows(
    tx,
    cards.map((c) => ({ workspaceId, cycleId, personId: c.personId, unitId: c.unitId, templateId: c.templateId, templateName: c.templateName, card: c.card })),
  );
  const terms: TermValueInsert[] = [];
  const ratings: RatingInsert[] = [];
  for (const p of participants) {
    const month = values[keyOf.get(p.personId) ?? ''] ?? {};
    for (const [term, value] of Object.entries(month)) {
      if (value === undefined || term === 'rating' || term === 'selfRating') continue;
      terms.push({ participantId: p.id, term, value, source: 'entry' });
    }
    if (month.rating !== undefined || month.selfRating !== undefined) {
      ratings.push({
        participantId: p.id,
        indicatorKey: '完成销售的能力',
        selfRating: month.selfRating ?? null,
        selfComment: month.selfRating !== undefined ? '本月推进了几个关键订单的签约。' : null,
        selfAt: month.selfRating !== undefined ? times.openedAt : null,
        managerRating: month.rating ?? null,
        managerComment: month.rating !== undefined ? '能主动推动客户决策，个别大单跟进节奏可以更快。' : null,
        managerAt: month.rating !== undefined ? times.openedAt : null,
      });
    }
  }
  if (terms.length > 0) await insertTermValueRows(tx, terms);
  if (ratings.length > 0) await insertRatingRows(tx, ratings);
  await recomputeParticipants(tx, cycleId);
  if (!closed) return;
  // a closed cycle keeps the results it was closed with
  const rows = await selectCycleParticipantRows(tx, cycleId);
  const inputs = await loadInputs(tx, rows);
  for (const row of rows) await setFrozenResult(tx, row.id, scoreParticipant(inputs.get(row.id)!), times.closedAt ?? new Date());
}
