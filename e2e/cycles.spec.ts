/**
 * The appraisal pages (考核) on the demo workspace: a manager enters actuals in the grid, rates a
 * manual indicator, reads a closed cycle's frozen result with its veto, runs a what-if that
 * saves nothing; a member sees only their own result.
 *
 * Test ids of the cycles pages (src/web/features/cycles):
 * - nav-cycles (side nav); cycles-card, cycles-table, cycle-row [data-cycle-label, data-cycle-state],
 *   cycle-link, cycle-create, cycles-empty, cycle-form (+ cycle-kind, cycle-period, cycle-name,
 *   cycle-trial-switch, cycle-s-max, cycle-a-max, cycle-form-submit), cycle-state [data-state], cycle-trial
 * - cycle-page [data-cycle-state], cycle-title, cycle-steps, cycle-counts, cycle-locked, back-to-cycles;
 *   admin actions: cycle-next (the next step), cycle-settings, cycle-delete, cycle-sync, cycle-back-to-open,
 *   cycle-reopen (+ cycle-reopen-reason, cycle-reopen-confirm), cycle-preview (+ preview-participants,
 *   preview-without-template, cycle-open-confirm), cycle-close-dialog (+ cycle-close-incomplete,
 *   cycle-close-anyway, cycle-close-confirm); confirm-ok in confirmations
 * - tabs: cycle-tab-participants | cycle-tab-actuals | cycle-tab-ranking | cycle-tab-appeals
 * - participants: participants-tab, participant-search, participant-unit-filter, participant-status-filter,
 *   participant-row [data-person-name, data-status], participant-link, participant-total
 * - actuals grid: actuals-grid, actuals-row [data-person-name, data-dirty], actual-input [data-term],
 *   na-toggle [data-indicator], rating-select [data-indicator], row-save, row-saved, grid-total,
 *   grid-filter, actuals-template, actuals-upload; upload: actuals-import, actuals-import-file,
 *   actuals-import-progress, actuals-import-result, import-errors
 * - ranking: ranking-tab, ranking-unit-filter, ranking-export, grade-distribution, grade-bar [data-grade,
 *   data-count], forced-distribution, forced-ok, forced-violations, forced-violation, ranking-row
 *   [data-person-name, data-violation], ranking-total
 * - appeals: appeals-tab, appeals-filter, appeal-row [data-person-name, data-status], appeal-status,
 *   appeal-accept, appeal-reject, appeal-resolve-form (+ appeal-correction [data-term], appeal-resolution,
 *   appeal-resolve-submit)
 * - participant page: participant-page [data-person-name, data-frozen], participant-name, result-frozen,
 *   participant-locked, explanation-card (ScoreExplanation: score-total, score-grade, score-status,
 *   score-vetoes, explain-row-<key>, actual-<key>, points-<key>), participant-actuals (+ entry-row
 *   [data-indicator], entry-input [data-term], entry-na [data-indicator], entry-save), ratings-card,
 *   rating-block [data-indicator], rating-self / rating-manager (+ -value, -comment, -save, -shown),
 *   whatif-card (+ whatif-not-saved, whatif-indicator, whatif-mode, whatif-value, whatif-run,
 *   whatif-result, whatif-before-total, whatif-after-total, whatif-delta, whatif-causes, whatif-clear),
 *   adjustment-card (+ adjustment-set, adjustment-remove, adjustment-shown, adjustment-total,
 *   adjustment-reason, adjustment-submit), participant-appeals (+ appeal-file, appeal-form,
 *   appeal-indicator, appeal-reason, appeal-submit), adjusted-banner
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { newPage, screenshot } from './support/browser.ts';
import { byTestId, describeJourney, openDemo } from './support/journey.ts';

const PASSWORD = 'kedu-demo';
const cycleRow = (page: Page, label: string) => page.locator(`[data-testid=cycle-row][data-cycle-label="${label}"]`);
const participantRow = (page: Page, name: string) => page.locator(`[data-testid=participant-row][data-person-name="${name}"]`);
const gridRow = (page: Page, name: string) => page.locator(`[data-testid=actuals-row][data-person-name="${name}"]`);

async function signIn(page: Page, url: string, email: string, labels: { email: string; password: string }) {
  await page.goto(url);
  const toggle = byTestId(page, 'signin-toggle');
  await Promise.race([toggle.waitFor(), byTestId(page, 'signin-form').waitFor()]);
  if (await toggle.isVisible()) await toggle.click();
  await byTestId(page, 'signin-form').waitFor();
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(PASSWORD);
  await byTestId(page, 'signin-submit').click();
  await page.waitForURL(/\/w\/demo\//);
}

async function openCycle(page: Page, label: string) {
  await byTestId(page, 'nav-cycles').click();
  await cycleRow(page, label).waitFor();
  await cycleRow(page, label).getByTestId('cycle-link').click();
}

const totalOf = async (page: Page) => Number(await byTestId(page, 'score-total').first().textContent());

describeJourney('the appraisal pages', (ctx) => {
  it('lets a manager enter actuals, rate, read a closed result and run a what-if', async () => {
    // the demo workspace is created by its first visitor
    const visitor = await openDemo(ctx());
    await visitor.context().close();

    const page = await newPage(ctx().browser, 'zh-CN');
    await signIn(page, ctx().server.url, 'zhao.lei@demo.kedu', { email: '邮箱', password: '密码' });

    // the list: October closed, November open
    await byTestId(page, 'nav-cycles').click();
    await cycleRow(page, '2026-11').waitFor();
    expect(await cycleRow(page, '2026-11').getAttribute('data-cycle-state')).toBe('open');
    expect(await cycleRow(page, '2026-10').getAttribute('data-cycle-state')).toBe('closed');
    await screenshot(page, 'e2e-40-cycles-list-zh');

    // November: 赵磊 sees the four representatives of 华东区
    await cycleRow(page, '2026-11').getByTestId('cycle-link').click();
    await byTestId(page, 'participants-tab').waitFor();
    await expect.poll(() => page.locator('[data-testid=participant-row]').count()).toBe(4);
    expect(await participantRow(page, '曹宇').getAttribute('data-status')).toBe('incomplete');

    // the grid: 曹宇 has nothing entered yet; type his month in, rate him, save the row
    await byTestId(page, 'cycle-tab-actuals').click();
    const cao = gridRow(page, '曹宇');
    await cao.waitFor();
    const month: Record<string, string> = {
      销售额: '420000',
      新大客户开发数量: '4',
      当期回款金额: '300000',
      期初应收账款余额: '90000',
      当期新增应收账款: '300000',
      销售成本: '520000',
      期初库存余额: '130000',
      期末库存余额: '120000',
      平均回款天数: '44',
    };
    for (const [term, value] of Object.entries(month)) await cao.locator(`[data-testid=actual-input][data-term="${term}"]`).fill(value);
    expect(await cao.getAttribute('data-dirty')).toBe('true');
    await cao.locator('[data-testid=rating-select][data-indicator="完成销售的能力"]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="3"]').click();
    await screenshot(page, 'e2e-41-actuals-grid-zh');
    await cao.getByTestId('row-save').click();
    await cao.getByTestId('row-saved').waitFor();
    await expect.poll(async () => cao.getByTestId('participant-status').getAttribute('data-status')).toBe('complete');
    expect(await cao.getByTestId('grid-total').textContent()).toMatch(/^\d+\.\d{2}$/);

    // 吴婷: her manager's rating of 完成销售的能力 is the last thing missing
    await byTestId(page, 'cycle-tab-participants').click();
    await participantRow(page, '吴婷').getByTestId('participant-link').click();
    await byTestId(page, 'participant-page').waitFor();
    expect(await byTestId(page, 'score-status').textContent()).toBe('数据不全');
    const manager = byTestId(page, 'rating-manager');
    await manager.getByText('4', { exact: true }).click();
    await byTestId(page, 'rating-manager-comment').fill('本月两个大单推进得很扎实。');
    await byTestId(page, 'rating-manager-save').click();
    await expect.poll(() => byTestId(page, 'score-status').textContent()).toBe('已完成');
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(0);
    // both ratings are kept side by side
    expect(await byTestId(page, 'rating-self').textContent()).toContain('4');

    // what-if: 销售额 700000 instead of 531000 raises the total; nothing is saved
    await byTestId(page, 'whatif-value').fill('700000');
    await byTestId(page, 'whatif-run').click();
    await byTestId(page, 'whatif-result').waitFor();
    expect(await byTestId(page, 'whatif-delta').textContent()).toMatch(/^\+\d+\.\d{2}$/);
    expect(Number((await byTestId(page, 'whatif-after-total').textContent())?.match(/[\d.]+/)?.[0])).toBeGreaterThan(total);
    expect(await byTestId(page, 'whatif-causes').textContent()).toContain('销售额');
    await byTestId(page, 'whatif-not-saved').waitFor();
    await screenshot(page, 'e2e-42-participant-whatif-zh');
    await page.reload();
    await byTestId(page, 'participant-page').waitFor();
    expect(await totalOf(page)).toBe(total);
    expect(await byTestId(page, 'actual-销售额').textContent()).toContain('531,000');
    expect(await byTestId(page, 'whatif-result').count()).toBe(0);

    // October is closed: 郑浩然's total is halved by the 销售额 veto, frozen, with nothing to edit
    await openCycle(page, '2026-10');
    await byTestId(page, 'cycle-locked').waitFor();
    expect(await byTestId(page, 'cycle-tab-actuals').count()).toBe(0);
    await participantRow(page, '郑浩然').getByTestId('participant-link').click();
    await byTestId(page, 'participant-page').waitFor();
    expect(await byTestId(page, 'participant-page').getAttribute('data-frozen')).toBe('true');
    await byTestId(page, 'result-frozen').waitFor();
    expect(await byTestId(page, 'score-vetoes').textContent()).toContain('×0.5');
    expect(await byTestId(page, 'points-销售额').textContent()).toBe('21');
    for (const control of ['participant-actuals', 'entry-save', 'rating-manager-save', 'rating-self-save', 'whatif-card', 'adjustment-set', 'appeal-file']) {
      expect(await byTestId(page, control).count(), control).toBe(0);
    }
    await screenshot(page, 'e2e-43-closed-veto-zh');
  });

  it('shows a member only their own result', async () => {
    const page = await newPage(ctx().browser, 'en-US');
    await signIn(page, ctx().server.url, 'wu.ting@demo.kedu', { email: 'Email', password: 'Password' });
    await byTestId(page, 'nav-cycles').click();
    await cycleRow(page, '2026-11').waitFor();
    await cycleRow(page, '2026-11').getByTestId('cycle-link').click();
    // straight to her own page, in English
    await page.waitForURL(/\/cycles\/[^/]+\/people\//);
    await byTestId(page, 'participant-page').waitFor();
    expect(await byTestId(page, 'participant-page').getAttribute('data-person-name')).toBe('吴婷');
    expect(await byTestId(page, 'score-status').textContent()).toBe('Complete');
    // her self-rating stays hers; the manager's rating is shown, not editable
    await byTestId(page, 'rating-manager-shown').waitFor();
    expect(await byTestId(page, 'rating-manager-save').count()).toBe(0);
    expect(await byTestId(page, 'adjustment-set').count()).toBe(0);
    expect(await byTestId(page, 'participant-actuals').count()).toBe(0);
    // nobody else's result: the cycle page leads back to her own
    const url = page.url();
    await page.goto(url.replace(/\/people\/.*$/, ''));
    await page.waitForURL(url);
    await screenshot(page, 'e2e-44-member-own-result-en');
  });
});
