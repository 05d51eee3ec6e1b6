/**
 * Plans and goals (domain.md §1), as the demo admin in Chinese: a plan with the three phases; a
 * company goal (销售额, source 公司战略, target 1,000,000) whose vague first statement draws the S
 * message of the live SMART check until it is fixed; the goal cascaded to 华东区 and on to 吴婷
 * (source 上级目标); the company goal's decomposition coverage with its gap; a check-in on 吴婷's
 * goal that changes its status and its chart; the plan's SMART report.
 *
 * Seeded through the API: the indicator 销售额 (copied from the library unless the demo has it), and eight
 * months of company sales (a small dataset, a workspace-level metric bound to the term 销售额), so
 * the goal form shows a target suggestion from that history and flags 1,000,000 as too high (A).
 *
 * Test ids (src/web/features/goals): plans-card, plans-empty, plan-create, plan-import, plan-card
 * [data-plan-name], plan-link, plan-export, plan-edit, plan-delete; plan form: plan-form, plan-name,
 * plan-range, plan-cadence, phases-editor, phase-row, phase-name, phase-range, phase-add, phase-three,
 * plan-submit; plan page: plan-page, plan-title, phase-timeline, plan-status-counts, goal-create,
 * tab-tree, tab-report, goal-filters (filter-phase, filter-owner-kind, filter-status, filter-q),
 * goal-tree, goal-node-<id> [data-statement, data-status], goal-link, goal-status [data-status],
 * coverage-tag [data-level], goal-add-child, goal-edit, goal-delete; goal form: goal-form-drawer,
 * goal-form, goal-owner-kind, goal-owner-unit, goal-owner-person, goal-statement, goal-indicator,
 * goal-baseline, goal-target, goal-phase, goal-starts-on, goal-deadline, goal-source, goal-parent,
 * goal-source-note, goal-change-reason, goal-submit, smart-panel [data-state], smart-<letter>,
 * smart-letter-<letter> [data-state], smart-ok, suggestion-card [data-state]; goal page: goal-page
 * [data-status], goal-title, goal-numbers, goal-progress, goal-source, goal-parent-link, goal-chart
 * (-view, -png, -chart), goal-actuals, check-ins, check-in-form, check-in-value, check-in-on,
 * check-in-comment, check-in-submit, check-in-fill, check-in-row, target-changes, child-goals;
 * report: smart-report, smart-report-ok, pitfall-<pitfall>, report-goal, report-<letter>.
 */
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { byTestId, describeJourney, openDemo } from './support/journey.ts';
import { pickOption } from './support/select.ts';
import { importOrders, sessionApi } from './support/session-api.ts';

const images = path.resolve(import.meta.dirname, '../docs/images');
/** A screenshot for the docs (the visible page, as a user sees it). */
async function docShot(page: Page, name: string, fullPage = false) {
  fs.mkdirSync(images, { recursive: true });
  await page.screenshot({ path: path.join(images, name), fullPage });
}

/** Eight past months of company sales, 80,000 growing by 5,000 a month, as the history of 销售额. */
async function seedSalesHistory(page: Page, base: string, csrf: string) {
  const rows = [8, 7, 6, 5, 4, 3, 2, 1].map((i) => `O${i},${dayjs().subtract(i, 'month').format('YYYY-MM')}-10 10:00:00,${80_000 + (8 - i) * 5_000}`);
  return importOrders(page, base, csrf, '月度销售', rows);
}

/** Picks a node of an antd TreeSelect by its title. */
async function pickTreeNode(page: Page, select: Locator, title: string) {
  await select.click();
  const node = page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${title}"]`);
  await node.first().click();
  await node.first().waitFor({ state: 'hidden' });
}

/** Types into an antd DatePicker.RangePicker (its test id sits on the first input); Tab, not Enter, after the end date: Enter submits the form. */
async function fillRange(page: Page, testId: string, from: string, to: string) {
  const inputs = page.locator(`.ant-picker:has([data-testid="${testId}"]) input`);
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Tab');
}

/** The goal drawer, opened: the statement has the focus (a click before that would lose its dropdown to it). */
async function goalForm(page: Page) {
  await byTestId(page, 'goal-form').waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('goal-statement');
}

const nodeOf = (page: Page, statement: string) => page.locator(`[data-testid^=goal-node-][data-statement="${statement}"]`);

/**
 * Opens a goal's node in the tree. A goal just added reaches the tree when it asks again: until
 * then its parent is a leaf, whose switcher does nothing when clicked — so wait for the switcher,
 * and click it only when it is closed (a node may already be open).
 */
async function expandNode(node: Locator): Promise<void> {
  const switcher = node.locator('xpath=ancestor::*[contains(@class,"ant-tree-treenode")][1]').locator('.ant-tree-switcher');
  await expect.poll(async () => (await switcher.getAttribute('class')) ?? '').toMatch(/ant-tree-switcher_(open|close)/);
  if ((await switcher.getAttribute('class'))!.includes('ant-tree-switcher_close')) await switcher.click();
}
const COMPANY = '2027 年公司销售额达到 1,000,000 元';
const UNIT = '华东区销售额达到 600,000 元';
const PERSON = '吴婷个人销售额达到 250,000 元';

describeJourney('plans and goals', (ctx) => {
  it('plans with phases, cascades SMART goals with coverage, checks in and reports', async () => {
    const base = ctx().server.url;
    const page = await openDemo(ctx());
    const { call: api, csrf } = await sessionApi(page, base);
    const existing = await api<{ items: { name: string }[] }>('GET', `/indicators?q=${encodeURIComponent('销售额')}`);
    if (!existing.items.some((i) => i.name === '销售额')) await api('POST', '/indicator-library/sales_amount/copy', {});
    const datasetId = await seedSalesHistory(page, base, csrf);
    const metric = await api<{ id: string }>('POST', '/metrics', {
      name: '公司销售额',
      datasetId,
      spec: { definition: '每月已付款订单的实付金额之和，按付款时间计入当月', aggregation: 'sum', expression: '实付金额', filters: [], dateColumn: '付款时间', owner: { kind: 'workspace' }, unit: '元' },
    });
    await api('PUT', '/metric-bindings', { term: '销售额', metricId: metric.id });

    // 1. a plan running from three months ago for a year, in the seed's three phases
    const start = dayjs().subtract(3, 'month').startOf('month');
    const end = start.add(1, 'year').subtract(1, 'day');
    await byTestId(page, 'nav-plans').click();
    // the demo comes with its own plan; ours is a second one
    await byTestId(page, 'plans-list').waitFor();
    await screenshot(page, 'e2e-60-plans');
    await byTestId(page, 'plan-create').click();
    await byTestId(page, 'plan-name').fill('年度营销计划');
    await fillRange(page, 'plan-range', start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD'));
    await byTestId(page, 'phase-three').click();
    await expect.poll(() => byTestId(page, 'phase-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['启动期', '成长期', '成熟期']);
    expect(await byTestId(page, 'plan-cadence').textContent()).toContain('每月');
    await byTestId(page, 'plan-submit').click();
    await byTestId(page, 'plan-page').waitFor();
    expect(await byTestId(page, 'plan-title').textContent()).toBe('年度营销计划');
    expect(await byTestId(page, 'phase-segment').allTextContents()).toEqual(['启动期', '成长期', '成熟期']);

    // 2. the company goal: a vague statement draws the S message while typing; fixed, it clears
    await byTestId(page, 'goal-create').click();
    await goalForm(page);
    await byTestId(page, 'goal-statement').fill('提升品牌知名度');
    await byTestId(page, 'smart-S').waitFor();
    expect(await byTestId(page, 'smart-S').textContent()).toBeTruthy();
    await pickOption(page, byTestId(page, 'goal-indicator'), '销售额（元）', '销售额');
    await byTestId(page, 'goal-target').fill('1000000');
    await pickOption(page, byTestId(page, 'goal-source'), '公司战略');
    await page.locator('[data-testid=smart-panel][data-state=done]').waitFor();
    expect(await byTestId(page, 'smart-S').count()).toBe(1);
    // the history suggests a target and finds 1,000,000 far above it (A)
    await page.locator('[data-testid=suggestion-card][data-state=ready]').waitFor();
    expect(await byTestId(page, 'suggestion-target').textContent()).toMatch(/^[\d,]+ 元$/);
    await byTestId(page, 'smart-A').waitFor();
    await docShot(page, 'goal-form-smart.png');
    await byTestId(page, 'goal-statement').fill(COMPANY);
    await expect.poll(() => byTestId(page, 'smart-S').count()).toBe(0);
    await page.locator('[data-testid=smart-letter-S][data-state=pass]').waitFor();
    await byTestId(page, 'goal-submit').click();
    await byTestId(page, 'goal-form-drawer').waitFor({ state: 'hidden' });
    const company = nodeOf(page, COMPANY);
    await company.waitFor();
    expect(await company.getByTestId('goal-owner').getAttribute('data-kind')).toBe('company');

    // 3. cascaded to 华东区 (source: the parent goal, same indicator)…
    await company.getByTestId('goal-add-child').click();
    await goalForm(page);
    expect(await byTestId(page, 'goal-source').textContent()).toContain('上级目标');
    expect(await byTestId(page, 'goal-indicator').textContent()).toContain('销售额');
    await pickTreeNode(page, byTestId(page, 'goal-owner-unit'), '华东区');
    await byTestId(page, 'goal-statement').fill(UNIT);
    await byTestId(page, 'goal-target').fill('600000');
    await byTestId(page, 'goal-submit').click();
    await byTestId(page, 'goal-form-drawer').waitFor({ state: 'hidden' });
    // …the company goal shows its coverage: 60 %, a gap of 400,000
    const coverage = company.getByTestId('coverage-tag');
    await expect.poll(() => coverage.textContent()).toBe('分解覆盖 60% · 缺口 400,000');
    expect(await coverage.getAttribute('data-level')).toBe('low');

    // …and on to 吴婷 under 华东区
    await expandNode(company);
    const unit = nodeOf(page, UNIT);
    await unit.waitFor();
    await unit.getByTestId('goal-add-child').click();
    await goalForm(page);
    await pickOption(page, byTestId(page, 'goal-owner-person'), '吴婷', '吴婷');
    await byTestId(page, 'goal-statement').fill(PERSON);
    await byTestId(page, 'goal-target').fill('250000');
    await byTestId(page, 'goal-submit').click();
    await byTestId(page, 'goal-form-drawer').waitFor({ state: 'hidden' });
    await expandNode(unit);
    const person = nodeOf(page, PERSON);
    await person.waitFor();
    await expect.poll(() => unit.getByTestId('coverage-tag').textContent()).toBe('分解覆盖 42% · 缺口 350,000');
    expect(await person.getAttribute('data-status')).toBe('not_started');

    // 4. 吴婷 checks in (as the admin here): the status and the chart follow
    await person.getByTestId('goal-link').click();
    await page.locator('[data-testid=goal-page][data-status=not_started]').waitFor();
    const goalUrl = page.url();
    // (the home dashboard before: the people's goals by status, as a table)
    const peopleLevel = async () => {
      await byTestId(page, 'nav-home').click();
      await byTestId(page, 'dashboard-company').waitFor();
      await byTestId(page, 'company-levels-view').getByText('表格').click();
      const row = byTestId(page, 'company-levels').locator('tbody tr.ant-table-row', { hasText: '个人' });
      await row.waitFor();
      return row.locator('td').allTextContents();
    };
    const before = await peopleLevel();
    await page.goto(goalUrl);
    await page.locator('[data-testid=goal-page][data-status=not_started]').waitFor();
    expect(await byTestId(page, 'goal-parent-link').textContent()).toBe(UNIT);
    expect(await byTestId(page, 'goal-chart-chart').count()).toBe(0);
    await byTestId(page, 'check-in-value').fill('150000');
    await byTestId(page, 'check-in-comment').fill('两个大客户签约');
    await byTestId(page, 'check-in-submit').click();
    await page.locator('[data-testid=goal-page]:not([data-status=not_started])').waitFor();
    expect(await byTestId(page, 'goal-page').getAttribute('data-status')).toBe('on_track');
    await byTestId(page, 'goal-chart-chart').locator('canvas').first().waitFor();
    expect(await byTestId(page, 'check-in-row').count()).toBe(1);
    expect(await byTestId(page, 'goal-numbers').textContent()).toContain('150,000 / 250,000');
    // the chart's table view is its accessible alternative
    await byTestId(page, 'goal-chart-view').getByText('表格').click();
    await expect.poll(() => byTestId(page, 'goal-chart').locator('tbody tr.ant-table-row').count()).toBe(1);
    await byTestId(page, 'goal-chart-view').getByText('图表').click();
    await byTestId(page, 'goal-chart-chart').locator('canvas').first().waitFor();
    await screenshot(page, 'e2e-62-goal-checked-in');
    // the dashboard changed with it: one person's goal fewer not started, one more on track
    const after = await peopleLevel();
    expect(after).not.toEqual(before);
    await page.goto(goalUrl);
    await byTestId(page, 'goal-page').waitFor();

    // 5. the SMART report of the plan: no customer-side indicator at all
    await byTestId(page, 'goal-plan-link').click();
    await byTestId(page, 'plan-page').waitFor();
    await byTestId(page, 'tab-report').click();
    await byTestId(page, 'smart-report').waitFor();
    await screenshot(page, 'e2e-61-smart-report');
    await byTestId(page, 'pitfall-no_customer_indicator').waitFor();
    const companyReport = page.locator(`[data-testid=report-goal][data-statement="${COMPANY}"]`);
    expect(await companyReport.getByTestId('report-A').count()).toBe(1);
    expect(await byTestId(page, 'plan-status-counts').textContent()).toContain('3 个目标');

    // 6. the docs' pictures, from the demo's own plan: every status, coverage, paced check-ins
    await byTestId(page, 'nav-plans').click();
    await page.locator('[data-testid=plan-card]:not([data-plan-name="年度营销计划"])').first().getByTestId('plan-link').click();
    await byTestId(page, 'goal-tree').waitFor();
    for (const statement of ['全年销售额达到 1,200 万元', '销售部全年销售额达到 1100 万元', '华东区全年销售额达到 600 万元']) {
      const node = nodeOf(page, statement);
      if ((await node.count()) === 0) break;
      await node.locator('xpath=ancestor::*[contains(@class,"ant-tree-treenode")][1]').locator('.ant-tree-switcher').click();
      await page.waitForTimeout(500);
    }
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await docShot(page, 'plan-tree.png');
    const wu = page.locator('[data-testid^=goal-node-][data-statement*="吴婷"]');
    if ((await wu.count()) > 0) {
      await wu.first().getByTestId('goal-link').click();
      await byTestId(page, 'goal-chart-chart').locator('canvas').first().waitFor();
      await page.waitForTimeout(800); // the chart's entry animation
      await docShot(page, 'goal-page.png', true);
    }
  });
});
