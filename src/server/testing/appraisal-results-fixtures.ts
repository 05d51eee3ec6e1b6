import { and, eq } from 'drizzle-orm';
import type { Scorecard } from '../../core/scoring/types.ts';
import { appeals, appraisalCycles, cycleParticipants, cycleTermValues, scorecardTemplates } from '../db/schema/index.ts';
import { recomputeParticipants } from '../modules/cycles/lifecycle/recompute.ts';
import { type AppraisalCycle, assignTemplate, createTemplate, type CycleStage, seedAppraisal, workspaceIdOf } from './appraisal-fixtures.ts';
import type { Org } from './fixtures.ts';
import type { TestApp } from './harness.ts';

/**
 * Fixtures of the appraisal-results suites (ratings, adjustments, appeals, ranking, files), on
 * top of appraisal-fixtures.ts: a yearly scorecard with a manual indicator of weight 20, term
 * values and appeals written directly, and cycles shared by the access-matrix cases.
 */

/**
 * Yearly: 销售额 (50, proportional, cap 1.2), 新客户数 (30, proportional), 沟通能力 (20, manual 1–5
 * → 0.2–1.0); maxTotal 120. 销售额 90, 新客户数 8, rating 4 → 45 + 24 + 16 = 85 (A).
 */
export const RESULTS_CARD: Scorecard = {
  indicators: [
    { key: '销售额', name: '销售额', purpose: '完成销售目标', direction: 'higher', weight: 50, target: 100, rule: { type: 'proportional' }, cap: 1.2 },
    { key: '新客户数', name: '新客户数', purpose: '开拓新客户', direction: 'higher', weight: 30, target: 10, rule: { type: 'proportional' } },
    { key: '沟通能力', name: '沟通能力', purpose: '与客户和同事有效沟通', direction: 'higher', weight: 20, rule: { type: 'manual', scale: [1, 5], mapTo: [0.2, 1] } },
  ],
  grades: [
    { min: 95, grade: 'S' },
    { min: 85, grade: 'A' },
    { min: 70, grade: 'B' },
    { min: 60, grade: 'C' },
    { min: 0, grade: 'D' },
  ],
  maxTotal: 120,
};

/**
 * A yearly cycle (period 2026) on RESULTS_CARD, assigned like the sales template (position
 * 销售代表 and Mia Manager): the template is created under the name appraisal-fixtures.ts
 * looks for, so seedAppraisal uses it.
 */
export async function seedResultsCycle(t: TestApp, org: Org, state: CycleStage = 'open'): Promise<AppraisalCycle> {
  const workspaceId = await workspaceIdOf(t, org.ws);
  const name = '销售代表考核表 year';
  const [existing] = await t.database.db
    .select({ id: scorecardTemplates.id })
    .from(scorecardTemplates)
    .where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.name, name)));
  if (!existing) {
    const templateId = await createTemplate(t, org, { name, period: 'year', card: RESULTS_CARD });
    await assignTemplate(t, org, templateId, { positionId: org.positionId });
    await assignTemplate(t, org, templateId, { personId: org.people.manager });
  }
  return seedAppraisal(t, org, { state, periodLabel: '2026' });
}

/** Writes term values directly (source 'entry') and recomputes the participant. */
export async function setTerms(t: TestApp, cycleId: string, participantId: string, values: Record<string, number>): Promise<void> {
  for (const [term, value] of Object.entries(values)) {
    await t.database.db
      .insert(cycleTermValues)
      .values({ participantId, term, value, source: 'entry' })
      .onConflictDoUpdate({ target: [cycleTermValues.participantId, cycleTermValues.term], set: { value } });
  }
  await recomputeParticipants(t.database.db, cycleId, [participantId]);
}

/** An open appeal inserted directly (the appeals API allows one per indicator at a time). */
export async function insertAppeal(t: TestApp, org: Org, participantId: string, indicatorKey: string | null = '销售额'): Promise<string> {
  const workspaceId = await workspaceIdOf(t, org.ws);
  const [row] = await t.database.db.insert(appeals).values({ workspaceId, participantId, indicatorKey, reason: 'The figure is wrong' }).returning({ id: appeals.id });
  return row.id;
}

/** Gives a participant an adjustment directly. */
export async function setAdjustmentDirectly(t: TestApp, participantId: string, total = 80): Promise<void> {
  await t.database.db.update(cycleParticipants).set({ adjustedTotal: total, adjustmentReason: 'set by a test', adjustedAt: new Date() }).where(eq(cycleParticipants.id, participantId));
}

/** Sets a cycle's forced-distribution limits directly. */
export async function setForcedDistribution(t: TestApp, cycleId: string, limits: { grade: string; maxShare?: number; minShare?: number }[]): Promise<void> {
  await t.database.db.update(appraisalCycles).set({ forcedDistribution: limits }).where(eq(appraisalCycles.id, cycleId));
}

const shared = new WeakMap<object, Map<string, Promise<AppraisalCycle>>>();
/** One cycle per state for a whole suite (keyed by its context object), for cases that may share it. */
export function sharedCycle(key: object, t: TestApp, org: Org, state: CycleStage): Promise<AppraisalCycle> {
  let byState = shared.get(key);
  if (!byState) shared.set(key, (byState = new Map()));
  let cycle = byState.get(state);
  if (!cycle) byState.set(state, (cycle = seedAppraisal(t, org, { state })));
  return cycle;
}
