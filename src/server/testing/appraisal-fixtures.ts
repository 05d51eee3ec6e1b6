import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Scorecard } from '../../core/scoring/types.ts';
import type { PeriodKind } from '../../core/values/periods.ts';
import { cycleParticipants, manualRatings, scorecardTemplates, templateAssignments, workspaces } from '../db/schema/index.ts';
import type { Org } from './fixtures.ts';
import type { TestApp } from './harness.ts';

/**
 * Appraisal fixtures on top of seedOrg: a scorecard template (inserted directly, the templates
 * API is not needed), assigned to seedOrg's position 销售代表 (Max Member, Erin East, Sam South)
 * and to Mia Manager in person, and cycles created and moved through their states by the API.
 */

/**
 * The sales rep's scorecard: the seed's tiers indicator (20 points, atLeast 0.8 → ×1.1,
 * above 1.0 → ×1.3), 销售额 with a veto (r < 0.8 halves the total), a formula, a
 * lower-is-better indicator and a manually rated one. Weights sum to 100.
 *
 * Terms: 新大客户开发数量, 销售额, 回款额, 应收额, 费用率; 沟通能力 is rated (1–5).
 * All on target (21, 100, 90/100, 0.05, rating 5) scores 26 + 30 + 20 + 15 + 15 = 106.
 */
export const SALES_REP_CARD: Scorecard = {
  indicators: [
    {
      key: '新大客户开发数量',
      name: '新大客户开发数量',
      purpose: '开拓新的大客户，保证业绩的可持续增长',
      unit: '个',
      direction: 'higher',
      weight: 20,
      target: 20,
      rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }], below: 'proportional' },
    },
    {
      key: '销售额',
      name: '销售额',
      purpose: '完成销售目标',
      unit: '万元',
      direction: 'higher',
      weight: 30,
      target: 100,
      rule: { type: 'proportional' },
      cap: 1.2,
      veto: { below: 0.8, effect: { multiply: 0.5 } },
    },
    {
      key: '回款率',
      name: '回款率',
      purpose: '控制应收账款风险',
      unit: '%',
      direction: 'higher',
      formula: '回款额/应收额',
      weight: 20,
      target: 0.9,
      rule: { type: 'proportional' },
      cap: 1.2,
    },
    { key: '费用率', name: '费用率', purpose: '控制销售费用', unit: '%', direction: 'lower', weight: 15, target: 0.05, rule: { type: 'proportional' }, cap: 1.2 },
    { key: '沟通能力', name: '沟通能力', purpose: '与客户和同事有效沟通', direction: 'higher', weight: 15, rule: { type: 'manual', scale: [1, 5] } },
  ],
  grades: [
    { min: 95, grade: 'S' },
    { min: 85, grade: 'A' },
    { min: 70, grade: 'B' },
    { min: 60, grade: 'C' },
    { min: 0, grade: 'D' },
  ],
};

/** Term values that score every indicator of SALES_REP_CARD but 沟通能力 (rated) on target; 新大客户开发数量 at r = 1.05 → 26 points. */
export const ON_TARGET_VALUES = { 新大客户开发数量: 21, 销售额: 100, 回款额: 90, 应收额: 100, 费用率: 0.05 };

export async function workspaceIdOf(t: TestApp, slug: string): Promise<string> {
  const [row] = await t.database.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
  return row.id;
}

export type TemplateOptions = { name?: string; period?: PeriodKind; card?: Scorecard };

/** Inserts a scorecard template into the org's workspace. */
export async function createTemplate(t: TestApp, org: Org, options: TemplateOptions = {}): Promise<string> {
  const workspaceId = await workspaceIdOf(t, org.ws);
  const [row] = await t.database.db
    .insert(scorecardTemplates)
    .values({ workspaceId, name: options.name ?? `销售代表考核表 ${options.period ?? 'month'}`, period: options.period ?? 'month', card: options.card ?? SALES_REP_CARD })
    .returning({ id: scorecardTemplates.id });
  return row.id;
}

/** Assigns a template to a position (every holder) or one person. */
export async function assignTemplate(t: TestApp, org: Org, templateId: string, to: { positionId: string } | { personId: string }): Promise<void> {
  const workspaceId = await workspaceIdOf(t, org.ws);
  const [template] = await t.database.db.select({ period: scorecardTemplates.period }).from(scorecardTemplates).where(eq(scorecardTemplates.id, templateId));
  await t.database.db.insert(templateAssignments).values({ workspaceId, templateId, period: template.period, ...to });
}

/**
 * The sales rep template of a period kind, assigned to seedOrg's position 销售代表 and to Mia
 * Manager in person; created on first call, found afterwards (safe to call once per case).
 */
export async function ensureSalesTemplate(t: TestApp, org: Org, period: PeriodKind = 'month'): Promise<string> {
  const workspaceId = await workspaceIdOf(t, org.ws);
  const name = `销售代表考核表 ${period}`;
  const [found] = await t.database.db
    .select({ id: scorecardTemplates.id })
    .from(scorecardTemplates)
    .where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.name, name)));
  if (found) return found.id;
  const templateId = await createTemplate(t, org, { name, period });
  await assignTemplate(t, org, templateId, { positionId: org.positionId });
  await assignTemplate(t, org, templateId, { personId: org.people.manager });
  return templateId;
}

export type CycleStage = 'draft' | 'open' | 'calibrating' | 'closed';

export type AppraisalCycle = {
  cycleId: string;
  templateId: string;
  periodLabel: string;
  /** Participant ids by seedOrg person (absent while the cycle is a draft). */
  participants: { manager: string; member: string; eastRep: string; southRep: string };
};

let cycleCounter = 0;

/**
 * A cycle in the given state, by the API as the admin: created (a unique name unless given),
 * then opened, calibrated, closed (allowIncomplete) as needed. The sales template is ensured first.
 * @example const { cycleId, participants } = await seedAppraisal(t, org, { state: 'open' });
 */
export async function seedAppraisal(
  t: TestApp,
  org: Org,
  options: { state?: CycleStage; periodLabel?: string; name?: string; trial?: boolean } = {},
): Promise<AppraisalCycle> {
  const periodLabel = options.periodLabel ?? '2026-10';
  const period: PeriodKind = /^\d{4}$/.test(periodLabel) ? 'year' : periodLabel.includes('Q') ? 'quarter' : 'month';
  const templateId = await ensureSalesTemplate(t, org, period);
  const url = (path: string) => `/api/v1/workspaces/${org.ws}/cycles${path}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await t.api(method, url(path), { token: org.tokens.admin, body });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const created = await call('POST', '', { periodLabel, name: options.name ?? `Test cycle ${++cycleCounter}-${Math.random().toString(36).slice(2, 8)}`, trial: options.trial ?? false });
  const cycleId = created.id as string;
  const state = options.state ?? 'open';
  if (state !== 'draft') await call('POST', `/${cycleId}/open`);
  if (state === 'calibrating' || state === 'closed') await call('POST', `/${cycleId}/calibrate`);
  if (state === 'closed') await call('POST', `/${cycleId}/close`, { allowIncomplete: true });
  return { cycleId, templateId, periodLabel, participants: await participantsOf(t, org, cycleId) };
}

/** Participant ids of a cycle by seedOrg person. */
export async function participantsOf(t: TestApp, org: Org, cycleId: string): Promise<AppraisalCycle['participants']> {
  const rows = await t.database.db.select({ id: cycleParticipants.id, personId: cycleParticipants.personId }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, cycleId));
  const of = (personId: string) => rows.find((r) => r.personId === personId)?.id ?? '';
  return { manager: of(org.people.manager), member: of(org.people.member), eastRep: of(org.people.eastRep), southRep: of(org.people.southRep) };
}

/** Sets a manager's rating of a manual indicator directly (the ratings API's job; tests of other routes use this). */
export async function setManagerRating(t: TestApp, participantId: string, indicatorKey: string, rating: number): Promise<void> {
  await t.database.db
    .insert(manualRatings)
    .values({ participantId, indicatorKey, managerRating: rating, managerAt: new Date() })
    .onConflictDoUpdate({ target: [manualRatings.participantId, manualRatings.indicatorKey], set: { managerRating: rating, managerAt: new Date() } });
}
