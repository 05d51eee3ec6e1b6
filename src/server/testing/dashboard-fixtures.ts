import { expect } from 'vitest';
import { today } from '../modules/goals/goal-status.ts';
import type { Org } from './fixtures.ts';
import type { TestApp } from './harness.ts';

/** A day `n` days from today (`YYYY-MM-DD`, by the calendar the server computes statuses with). */
export function dayFrom(n: number): string {
  const [y, m, d] = today().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

type Owner = { kind: 'company' } | { kind: 'unit'; unitId: string } | { kind: 'person'; personId: string };

/**
 * Goals of the dashboard suite, set up through the API as the admin: every goal runs from 50
 * days ago to 50 days ahead (elapsed exactly 0.5), baseline 0, target 100, so the check-in value
 * gives the progress and the status (gap = 0.5 − progress: ≤ .1 on track, ≤ .25 at risk):
 *
 * | goal | owner | indicator (perspective) | value | status |
 * |---|---|---|---|---|
 * | 公司销售额 | company | sales_amount (finance) | 5 → 30 → 45 | on_track |
 * | 华东区销售额 | unit 华东区 | sales_amount | 30 | at_risk |
 * | 人力资源部内容发布 | unit 人力资源部 | content_published (internal) | 10 | off_track |
 * | M1 / M2 / M3 | Max Member | followers (customer) / sales_amount / followers | 45 / 20 / — | on_track / off_track / not_started |
 * | E1 | Erin East | content_published | 150 | achieved |
 * | S1 | Sam South | followers | 35 | at_risk |
 * | H1 | Hana HR | content_published | 5 | off_track |
 *
 * Returns the company goal's check-ins (its trend line).
 */
export async function goalFixture(t: TestApp, org: Org): Promise<{ on: string; value: number }[]> {
  const call = async (path: string, body: unknown) => {
    const res = await t.api('POST', `/api/v1/workspaces/${org.ws}${path}`, { token: org.tokens.admin, body });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body.id as string;
  };
  const indicator: Record<string, string> = {};
  for (const key of ['sales_amount', 'followers', 'content_published']) indicator[key] = await call(`/indicator-library/${key}/copy`, {});
  const planId = await call('/plans', { name: '年度计划', startsOn: dayFrom(-100), endsOn: dayFrom(100), reviewCadence: 'monthly' });
  const goal = (statement: string, owner: Owner, key: string) =>
    call('/goals', { planId, owner, statement, indicatorId: indicator[key], baseline: 0, target: 100, startsOn: dayFrom(-50), deadline: dayFrom(50), source: 'job_duties' });
  const checkIn = (id: string, value: number, on = today()) => call(`/goals/${id}/check-ins`, { value, on });

  const person = (id: string): Owner => ({ kind: 'person', personId: id });
  const company = await goal('公司销售额达到 100', { kind: 'company' }, 'sales_amount');
  const trend = [
    { on: dayFrom(-49), value: 5 },
    { on: dayFrom(-20), value: 30 },
    { on: today(), value: 45 },
  ];
  for (const c of trend) await checkIn(company, c.value, c.on);
  await checkIn(await goal('华东区销售额达到 100', { kind: 'unit', unitId: org.units.east }, 'sales_amount'), 30);
  await checkIn(await goal('人力资源部内容发布 100 篇', { kind: 'unit', unitId: org.units.hr }, 'content_published'), 10);
  await checkIn(await goal('M1 粉丝数达到 100', person(org.people.member), 'followers'), 45);
  await checkIn(await goal('M2 销售额达到 100', person(org.people.member), 'sales_amount'), 20);
  await goal('M3 粉丝数再增 100', person(org.people.member), 'followers');
  await checkIn(await goal('E1 内容发布 100 篇', person(org.people.eastRep), 'content_published'), 150);
  await checkIn(await goal('S1 粉丝数达到 100', person(org.people.southRep), 'followers'), 35);
  await checkIn(await goal('H1 内容发布 100 篇', person(org.people.hrPerson), 'content_published'), 5);
  return trend;
}
