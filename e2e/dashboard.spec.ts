/**
 * The home dashboard (首页), per role, in Chinese: the demo admin gets the company, team and own
 * views; a goal set and checked in through the API shows up in the at-risk list and links through
 * to its goal page; a chart switches to its table (the numbers match the API) and exports a PNG;
 * the demo member 吴婷 sees only her own view. Screenshots: docs/images/dashboard-admin.png and
 * dashboard-member.png.
 *
 * Test ids (src/web/features/dashboard): home-page, home-tab-<me|team|company>, dashboard-me,
 * dashboard-team, dashboard-company, dashboard-loading, my-goals, my-goal, my-goals-empty,
 * my-status, my-scorecard, my-total, my-grade, my-trend, team-tile-<goals|risk|onTrack|people>,
 * team-status, team-at-risk, team-people, team-buckets, team-grades, distribution-cycle,
 * company-levels, company-units, company-radar, company-trends, company-ranking-table,
 * company-ranking, ranking-name; every chart card <id> has <id>-view, <id>-png and <id>-chart.
 */
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { newPage, screenshot } from './support/browser.ts';
import { byTestId, describeJourney, openDemo } from './support/journey.ts';
import { sessionApi } from './support/session-api.ts';

const images = path.resolve(import.meta.dirname, '../docs/images');
async function docShot(page: Page, name: string) {
  fs.mkdirSync(images, { recursive: true });
  await page.screenshot({ path: path.join(images, name), fullPage: true });
}

const LATE = '看板测试：吴婷本季新增粉丝 1000 人';
const zh = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

describeJourney('the home dashboard', (ctx) => {
  it('shows the admin the company, the team and their own view; numbers link to their goals and results', async () => {
    const base = ctx().server.url;
    const page = await openDemo(ctx());
    const { call: api } = await sessionApi(page, base);

    // a goal far behind its time: 90 % of it gone, 5 % of the way covered → the top of the at-risk list
    const indicator = await api<{ id: string }>('POST', '/indicator-library/followers/copy', { key: 'dash_followers', name: '看板粉丝数' });
    const plan = await api<{ id: string }>('POST', '/plans', { name: '看板测试计划', startsOn: dayjs().subtract(90, 'day').format('YYYY-MM-DD'), endsOn: dayjs().add(10, 'day').format('YYYY-MM-DD'), reviewCadence: 'monthly' });
    const people = await api<{ items: { id: string }[] }>('GET', `/people?q=${encodeURIComponent('吴婷')}`);
    const goal = await api<{ id: string }>('POST', '/goals', {
      planId: plan.id,
      owner: { kind: 'person', personId: people.items[0].id },
      statement: LATE,
      indicatorId: indicator.id,
      baseline: 0,
      target: 1000,
      startsOn: dayjs().subtract(90, 'day').format('YYYY-MM-DD'),
      deadline: dayjs().add(10, 'day').format('YYYY-MM-DD'),
      source: 'job_duties',
    });
    await api('POST', `/goals/${goal.id}/check-ins`, { value: 50, comment: '进展缓慢' });

    // Home is the workspace's first page; the admin lands on the company view. The goal above came
    // through the API, not this page: open Home afresh (the page it landed on keeps its answers 30 s)
    await page.goto(`${base}/w/demo/home`);
    await byTestId(page, 'dashboard-company').waitFor();
    const company = await api<{ levels: { level: string; total: number }[] }>('GET', '/dashboard/company');
    for (const id of ['company-levels-chart', 'company-units-chart', 'company-radar-chart', 'company-trends-chart', 'company-ranking-chart']) await byTestId(page, id).waitFor();
    await page.waitForTimeout(800); // the charts' entry animation
    await docShot(page, 'dashboard-admin.png');
    // on a phone the cards stack in one column
    await page.setViewportSize({ width: 414, height: 860 });
    await page.waitForTimeout(500);
    await screenshot(page, 'e2e-dashboard-admin-narrow');
    await page.setViewportSize({ width: 1366, height: 860 });

    // the levels chart as its table: the same numbers as the API, in the UI's locale
    await byTestId(page, 'company-levels-view').getByText('表格').click();
    const levels = byTestId(page, 'company-levels');
    await levels.locator('table').waitFor();
    const personRow = levels.locator('tbody tr', { hasText: '个人' });
    const personTotal = company.levels.find((l) => l.level === 'person')!.total;
    await expect.poll(() => personRow.locator('td').last().textContent()).toBe(zh(personTotal));
    await byTestId(page, 'company-levels-view').getByText('图表').click();
    await byTestId(page, 'company-levels-chart').waitFor();

    // the radar exports a PNG
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'company-radar-png').click()]);
    expect(download.suggestedFilename()).toBe('balanced-scorecard.png');
    const png = fs.readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);

    // a ranked name leads to how that result was scored
    const firstRanked = byTestId(page, 'company-ranking-table').getByTestId('ranking-name').first();
    const rankedName = await firstRanked.textContent();
    await firstRanked.click();
    await page.waitForURL(/\/w\/demo\/cycles\/[^/]+\/people\/[^/]+$/);
    await page.getByText(rankedName!).first().waitFor();
    await page.goBack();

    // the team view: the tiles match the API; the late goal heads the at-risk list and links to its page
    await byTestId(page, 'home-tab-team').click();
    await byTestId(page, 'dashboard-team').waitFor();
    const team = await api<{ goalCount: number; atRisk: { id: string }[] }>('GET', '/dashboard/team');
    expect(team.atRisk[0].id).toBe(goal.id);
    await expect.poll(() => byTestId(page, 'team-tile-goals').locator('.ant-statistic-content-value').textContent()).toBe(zh(team.goalCount));
    await byTestId(page, 'team-status-chart').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'e2e-dashboard-admin-team');
    const late = byTestId(page, 'team-at-risk').getByRole('link', { name: LATE });
    await late.click();
    await page.waitForURL(new RegExp(`/w/demo/goals/${goal.id}$`));
    await byTestId(page, 'goal-page').waitFor();
    expect(await byTestId(page, 'goal-title').textContent()).toContain(LATE);
  });

  it('shows a member only their own goals and scorecard', async () => {
    const page = await newPage(ctx().browser, 'zh-CN');
    await page.goto(ctx().server.url);
    const toggle = byTestId(page, 'signin-toggle');
    await Promise.race([toggle.waitFor(), byTestId(page, 'signin-form').waitFor()]);
    if (await toggle.isVisible()) await toggle.click();
    await page.getByLabel('邮箱').fill('wu.ting@demo.kedu');
    await page.getByLabel('密码', { exact: true }).fill('kedu-demo');
    await byTestId(page, 'signin-submit').click();
    await page.waitForURL(/\/w\/demo\//);
    await page.goto(`${ctx().server.url}/w/demo`);
    await page.waitForURL(/\/w\/demo\/home$/);
    await byTestId(page, 'dashboard-me').waitFor();
    // no tabs: the team and company views are not hers
    expect(await byTestId(page, 'home-tab-team').count()).toBe(0);
    await expect.poll(() => byTestId(page, 'my-goal').count()).toBeGreaterThan(0);
    expect(await byTestId(page, 'my-goal').filter({ hasText: LATE }).count()).toBe(1);
    await byTestId(page, 'my-status-chart').waitFor();
    await byTestId(page, 'my-trend-chart').waitFor();
    await page.waitForTimeout(800);
    await docShot(page, 'dashboard-member.png');
    // her total leads to its explanation
    await byTestId(page, 'my-total').click();
    await page.waitForURL(/\/w\/demo\/cycles\/[^/]+\/people\/[^/]+$/);
  });
});
