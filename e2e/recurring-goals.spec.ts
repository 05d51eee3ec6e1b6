/**
 * Recurring goals (docs/goals.md §2b), as the demo admin in Chinese: a monthly goal on a mall's
 * sales, bound to data, is created in the form with one month's own target — the live SMART check
 * weighs the periods' own targets; the goal page shows a strip of its months; a month-to-date
 * check-in gives the month in progress its pace and the goal its status; the actuals card shows
 * the month in progress apart (so far, not history) and "fill from data" takes it, dated today;
 * the target changed twice with reasons shows the churn warning and the changes side by side.
 * Screenshots: docs/images/goal-recurring.png (1280 px) and goal-recurring-phone.png (375 px).
 *
 * Seeded through the API: the indicator 商城销售额 (a copy of the library's 销售额), six complete
 * months of orders before the current one (36,000–38,000 a month) and 8,000 of this month so
 * far, a workspace metric bound to 商城销售额, and a plan from two months back to three ahead.
 * Every date comes from the server's today (GET /dashboard/me → asOf): the current month
 * always exists, so nothing breaks at a month's boundary.
 *
 * Test ids (src/web/features/goals): goal-recurrence, period-targets, period-target [data-period,
 * data-own], period-target-<label>, recurrence-tag [data-recurrence], period-strip, period-record,
 * period-cell [data-period, data-state, data-pace], period-numbers, period-state,
 * goal-status-hint, goal-actuals-partial, check-in-fill [data-period, data-partial],
 * target-changes [data-count], target-churn, target-change [data-period].
 */
import fs from 'node:fs';
import path from 'node:path';
import dayjs, { type Dayjs } from 'dayjs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { byTestId, describeJourney, openDemo } from './support/journey.ts';
import { pickOption } from './support/select.ts';
import { importOrders, sessionApi } from './support/session-api.ts';

const images = path.resolve(import.meta.dirname, '../docs/images');
const STATEMENT = '商城每月销售额达到 40,000 元';
const zh = (n: number) => n.toLocaleString('zh-CN');
const month = (d: Dayjs) => d.format('YYYY-MM');

type Period = { label: string; state: string; pace: string | null; actual: number | null; target: number };
type Detail = { id: string; status: string; periods: Period[]; record: { met: number; finished: number }; targetChangeCount: number };

/** Six complete months of orders before `today`'s month, about 37,000 each, and 8,000 of this month so far. */
async function seedMallSales(page: Page, base: string, csrf: string, today: Dayjs): Promise<string> {
  const rows = [6, 5, 4, 3, 2, 1].map((i) => `M${i},${month(today.subtract(i, 'month'))}-10 10:00:00,${36_000 + (i % 3) * 1000}`);
  return importOrders(page, base, csrf, '商城订单', [...rows, `M0,${today.format('YYYY-MM-DD')} 00:00:00,8000`]);
}

/** Waits until every chart on the page has stopped drawing (two reads of its pixels alike), so a screenshot shows it whole. */
async function chartsSettled(page: Page) {
  let previous = '';
  await expect
    .poll(async () => {
      const now = await page.evaluate(() => [...document.querySelectorAll('canvas')].map((c) => `${c.toDataURL().length}:${c.toDataURL().slice(-64)}`).join('|'));
      const same = now === previous && now !== '';
      previous = now;
      return same;
    })
    .toBe(true);
}

/** Ready for a screenshot: no tooltip left by the mouse, the page scrolled to its top (the header is fixed), the charts drawn. */
async function readyToShoot(page: Page) {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.ant-tooltip:visible').count()).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await chartsSettled(page);
}

/** The goal's periods and status as the server says them, to hold the page to. */
const detailOf = (api: Awaited<ReturnType<typeof sessionApi>>['call'], id: string) => api<Detail>('GET', `/goals/${id}`);

describeJourney('recurring goals', (ctx) => {
  it('creates a monthly goal with a month of its own, tracks each month, shows the month in progress apart and warns on target churn', async () => {
    const base = ctx().server.url;
    const page = await openDemo(ctx());
    const { call: api, csrf } = await sessionApi(page, base);
    const today = dayjs((await api<{ asOf: string }>('GET', '/dashboard/me')).asOf);
    const [m2, m1, m0, p1, p2, p3] = [-2, -1, 0, 1, 2, 3].map((n) => month(today.startOf('month').add(n, 'month')));

    const indicator = await api<{ id: string }>('POST', '/indicator-library/sales_amount/copy', { key: 'mall_sales', name: '商城销售额' });
    const datasetId = await seedMallSales(page, base, csrf, today);
    const metric = await api<{ id: string }>('POST', '/metrics', {
      name: '商城销售额（数据）',
      datasetId,
      spec: { definition: '商城已付款订单的实付金额之和，按付款时间计入当月', aggregation: 'sum', expression: '实付金额', filters: [], dateColumn: '付款时间', owner: { kind: 'workspace' }, unit: '元' },
    });
    await api('PUT', '/metric-bindings', { term: '商城销售额', metricId: metric.id });
    const plan = await api<{ id: string }>('POST', '/plans', {
      name: '商城月度计划',
      startsOn: today.startOf('month').subtract(2, 'month').format('YYYY-MM-DD'),
      endsOn: today.startOf('month').add(3, 'month').endOf('month').format('YYYY-MM-DD'),
      reviewCadence: 'monthly',
    });
    expect(indicator.id).toBeTruthy();

    // 1. the goal form: monthly, every month prefilled with the target per period
    await page.goto(`${base}/w/demo/plans/${plan.id}`);
    await byTestId(page, 'goal-create').click();
    await byTestId(page, 'goal-form').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('goal-statement');
    await byTestId(page, 'goal-statement').fill(STATEMENT);
    await pickOption(page, byTestId(page, 'goal-indicator'), '商城销售额（元）', '商城');
    await byTestId(page, 'goal-baseline').fill('37000');
    await byTestId(page, 'goal-target').fill('40000');
    await pickOption(page, byTestId(page, 'goal-source'), '公司战略');
    expect(await byTestId(page, 'period-targets').count()).toBe(0);
    await byTestId(page, 'goal-recurrence').getByText('每月', { exact: true }).click();
    const periodInputs = byTestId(page, 'period-targets').locator('input[data-testid^=period-target-]');
    await expect.poll(() => periodInputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(Array(6).fill('40,000'));
    expect(await byTestId(page, 'period-target').evaluateAll((els) => els.map((e) => e.getAttribute('data-period')))).toEqual([m2, m1, m0, p1, p2, p3]);
    await page.locator('[data-testid=smart-panel][data-state=done]').waitFor();
    await page.locator('[data-testid=smart-letter-A][data-state=pass]').waitFor();

    // this month's own target far below what the data shows: the SMART check judges the month itself (A: too low)
    await byTestId(page, `period-target-${m0}`).fill('1000');
    await page.locator(`[data-testid=period-target][data-period="${m0}"][data-own=true]`).waitFor();
    await page.locator('[data-testid=smart-A][data-code="smart.too_low"]').waitFor();
    expect(await byTestId(page, 'smart-A').textContent()).toContain(m0);
    // by keyboard: Tab reaches the month's "back to the target per period", Enter uses it
    await byTestId(page, `period-target-${m0}`).press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`把 ${m0} 恢复为默认目标值`);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=period-target][data-period="${m0}"][data-own=false]`).waitFor();
    await page.locator('[data-testid=smart-letter-A][data-state=pass]').waitFor();
    // next month is a promotion month, with a target of its own
    await byTestId(page, `period-target-${p1}`).fill('45000');
    await page.locator(`[data-testid=period-target][data-period="${p1}"][data-own=true]`).waitFor();
    // the target per period moves: the months not set apart follow it, the promotion month keeps its own
    await byTestId(page, 'goal-target').fill('41000');
    await expect.poll(() => periodInputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['41,000', '41,000', '41,000', '45,000', '41,000', '41,000']);
    await byTestId(page, 'goal-target').fill('40000');
    await expect.poll(() => byTestId(page, `period-target-${p3}`).inputValue()).toBe('40,000');
    await screenshot(page, 'e2e-recurring-form');
    await byTestId(page, 'goal-submit').click();
    await byTestId(page, 'goal-form-drawer').waitFor({ state: 'hidden' });

    // 2. the tree marks it monthly; its page shows its six months
    const node = page.locator(`[data-testid^=goal-node-][data-statement="${STATEMENT}"]`);
    await node.waitFor();
    expect(await node.getByTestId('recurrence-tag').textContent()).toBe('每月');
    await node.getByTestId('goal-link').click();
    await page.locator('[data-testid=goal-page][data-status=not_started]').waitFor();
    const goalId = page.url().split('/goals/')[1];
    const cells = byTestId(page, 'period-cell');
    await expect.poll(() => cells.evaluateAll((els) => els.map((e) => [e.getAttribute('data-period'), e.getAttribute('data-state')]))).toEqual([
      [m2, 'no_data'],
      [m1, 'no_data'],
      [m0, 'in_progress'],
      [p1, 'upcoming'],
      [p2, 'upcoming'],
      [p3, 'upcoming'],
    ]);
    const cell = (label: string) => page.locator(`[data-testid=period-cell][data-period="${label}"]`);
    expect(await cell(m2).getByTestId('period-state').textContent()).toBe('无数据');
    expect(await cell(p1).getByTestId('period-numbers').textContent()).toBe('— / 45,000 元');
    expect(await cell(m0).getAttribute('aria-current')).toBe('date');
    expect(await byTestId(page, 'period-record').textContent()).toBe('已达成 0/2 期 · 本期还没有进展更新');

    // 3. the past months reported (two months back met, last month missed), then this month to date in the form
    await api('POST', `/goals/${goalId}/check-ins`, { value: 41_000, on: today.startOf('month').subtract(2, 'month').endOf('month').format('YYYY-MM-DD'), comment: '' });
    await api('POST', `/goals/${goalId}/check-ins`, { value: 38_000, on: today.startOf('month').subtract(1, 'month').endOf('month').format('YYYY-MM-DD'), comment: '' });
    await page.reload();
    await byTestId(page, 'period-strip').waitFor();
    expect(await byTestId(page, 'check-ins').textContent()).toContain('当前值（本期至今）');
    await byTestId(page, 'check-in-value').fill('40000');
    await byTestId(page, 'check-in-comment').fill('本月至今已完成');
    await byTestId(page, 'check-in-submit').click();
    // the whole month's target reached already: this month on track; one of the two months over was missed (below ⅔): off track
    await page.locator(`[data-testid=period-cell][data-period="${m0}"][data-pace=on_track]`).waitFor();
    expect(await cell(m0).getByTestId('period-state').textContent()).toBe('进度正常 · 本月至今');
    expect(await cell(m0).getByTestId('period-numbers').textContent()).toBe('40,000 / 40,000 元');
    expect(await cell(m2).getAttribute('data-state')).toBe('met');
    expect(await cell(m1).getAttribute('data-state')).toBe('missed');
    await page.locator('[data-testid=goal-page][data-status=off_track]').waitFor();
    expect(await byTestId(page, 'period-record').textContent()).toBe('已达成 1/2 期 · 本期进度正常');
    expect(await byTestId(page, 'goal-numbers').textContent()).toContain(`${m0}：40,000 / 40,000 元（本月至今）`);
    // the status says how a recurring goal is judged
    await byTestId(page, 'goal-status-hint').focus();
    await expect.poll(() => page.locator('.ant-tooltip:visible').textContent()).toContain('已结束各期的达成记录');
    await byTestId(page, 'goal-status-hint').blur();
    // the progress chart shows the months against their own targets, its table the same
    await byTestId(page, 'goal-chart-view').getByText('表格').click();
    await expect.poll(() => byTestId(page, 'goal-chart').locator('tbody tr.ant-table-row').count()).toBe(6);
    expect(await byTestId(page, 'goal-chart').locator('tbody tr.ant-table-row', { hasText: p1 }).textContent()).toContain('45,000 元');
    await byTestId(page, 'goal-chart-view').getByText('图表').click();

    // 4. the data's month in progress: apart in the actuals card, and "fill from data" takes it for today
    const partial = byTestId(page, 'goal-actuals-partial');
    await partial.waitFor();
    expect(await partial.textContent()).toContain(`${m0} · 8,000 元`);
    expect(await partial.textContent()).toContain('进行中（截至今天，不计入历史）');
    await byTestId(page, 'goal-actuals-view').getByText('表格').click();
    const partialRow = byTestId(page, 'goal-actuals').locator('tbody tr.ant-table-row', { hasText: m0 });
    expect(await partialRow.textContent()).toContain('进行中');
    expect(await byTestId(page, 'goal-actuals').locator('tbody tr.ant-table-row').count()).toBe(7);
    await byTestId(page, 'goal-actuals-view').getByText('图表').click();
    const fill = byTestId(page, 'check-in-fill');
    expect(await fill.getAttribute('data-period')).toBe(m0);
    expect(await fill.getAttribute('data-partial')).toBe('true');
    await fill.hover();
    await expect.poll(() => page.locator('.ant-tooltip:visible').textContent()).toContain(`填入本期 ${m0} 截至今天的值：8,000 元`);
    await fill.click();
    expect(await byTestId(page, 'check-in-value').inputValue()).toBe('8,000');
    expect(await byTestId(page, 'check-in-on').inputValue()).toBe(today.format('YYYY-MM-DD'));
    expect(await byTestId(page, 'check-in-comment').inputValue()).toContain('截至');
    await byTestId(page, 'check-in-submit').click();
    await expect.poll(() => cell(m0).getByTestId('period-numbers').textContent()).toBe('8,000 / 40,000 元');
    // the month's pace is now the server's for 8,000 at this day of the month
    const afterFill = await detailOf(api, goalId);
    const now = afterFill.periods.find((p) => p.label === m0)!;
    expect(await cell(m0).getAttribute('data-pace')).toBe(now.pace);
    expect(await byTestId(page, 'goal-page').getAttribute('data-status')).toBe(afterFill.status);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });

    // the screenshots of the docs: a recurring goal's page with its months and the month in progress apart
    await page.setViewportSize({ width: 1280, height: 900 });
    await readyToShoot(page);
    fs.mkdirSync(images, { recursive: true });
    await page.screenshot({ path: path.join(images, 'goal-recurring.png'), fullPage: true });
    await byTestId(page, 'goal-actuals').screenshot({ path: path.resolve(import.meta.dirname, '../.tmp/shots/e2e-recurring-actuals.png') });
    // on a phone the strip scrolls sideways inside its card, opened on this month; the page itself does not
    await page.setViewportSize({ width: 375, height: 812 });
    const strip = byTestId(page, 'period-strip').locator('[role=region]');
    await expect.poll(() => strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expect.poll(() => cell(m0).evaluate((el) => {
      const box = el.parentElement!.parentElement!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.left >= box.left - 1 && r.right <= box.right + 1;
    })).toBe(true);
    await readyToShoot(page);
    await page.screenshot({ path: path.join(images, 'goal-recurring-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 860 });

    // 5. the target changed twice with reasons: first only the month after next (a period's target also needs its reason)
    await byTestId(page, 'goal-edit').click();
    await byTestId(page, 'goal-form').waitFor();
    expect(await byTestId(page, 'goal-change-reason').count()).toBe(0);
    await byTestId(page, `period-target-${p2}`).fill('50000');
    await byTestId(page, 'goal-change-reason').waitFor();
    await byTestId(page, 'goal-submit').click();
    await page.locator('.ant-form-item-has-error:has([data-testid=goal-change-reason])').waitFor();
    await byTestId(page, 'goal-change-reason').fill('年中大促提前');
    await byTestId(page, 'goal-submit').click();
    await byTestId(page, 'goal-form-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => cell(p2).getByTestId('period-numbers').textContent()).toBe('— / 50,000 元');
    expect(await byTestId(page, 'target-churn').count()).toBe(0);
    // …then the target per period
    await byTestId(page, 'goal-edit').click();
    await byTestId(page, 'goal-form').waitFor();
    // (the form on a phone: the months two to a row)
    await page.setViewportSize({ width: 375, height: 812 });
    await byTestId(page, 'period-targets').scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-recurring-form-phone');
    await page.setViewportSize({ width: 1366, height: 860 });
    await byTestId(page, 'goal-target').fill('42000');
    await byTestId(page, 'goal-change-reason').fill('新渠道上线');
    await byTestId(page, 'goal-submit').click();
    await byTestId(page, 'goal-form-drawer').waitFor({ state: 'hidden' });
    await page.locator('[data-testid=target-changes][data-count="2"]').waitFor();
    expect(await byTestId(page, 'target-churn').textContent()).toBe('目标值在本计划中已调整 2 次：目标不能朝令夕改，请在复盘时集中调整。');
    const changes = byTestId(page, 'target-change');
    expect(await changes.evaluateAll((els) => els.map((e) => e.getAttribute('data-period')))).toEqual(['', p2]);
    const [goalRow, periodRow] = [await changes.nth(0).textContent(), await changes.nth(1).textContent()];
    expect(goalRow).toContain('目标值');
    expect(goalRow).toContain(`${zh(40_000)} 元 → ${zh(42_000)} 元`);
    expect(goalRow).toContain('新渠道上线');
    expect(periodRow).toContain(`${p2} 的目标值`);
    expect(periodRow).toContain(`${zh(40_000)} 元 → ${zh(50_000)} 元`);
    expect(periodRow).toContain('年中大促提前');
    // the months set apart keep their own targets; the others follow the new one
    expect(await cell(p1).getByTestId('period-numbers').textContent()).toBe('— / 45,000 元');
    expect(await cell(p3).getByTestId('period-numbers').textContent()).toBe('— / 42,000 元');
    await screenshot(page, 'e2e-recurring-changes');

    // 6. in English
    await byTestId(page, 'lang-en').click();
    await expect.poll(() => byTestId(page, 'period-strip').locator('.ant-card-head-title').textContent()).toBe('Periods (Monthly)');
    const record = await detailOf(api, goalId);
    expect(await byTestId(page, 'period-record').textContent()).toContain(`${record.record.met}/${record.record.finished} periods met`);
    expect(await cell(m0).getByTestId('period-state').textContent()).toContain('month so far');
    expect(await byTestId(page, 'target-churn').textContent()).toContain('changed 2 times');
    expect(await byTestId(page, 'goal-actuals-partial').textContent()).toContain('In progress (so far; not history)');
    await readyToShoot(page);
    await screenshot(page, 'e2e-recurring-en');
    await byTestId(page, 'lang-zh').click();
    await expect.poll(() => byTestId(page, 'period-record').textContent()).toContain('已达成');
  });
});
