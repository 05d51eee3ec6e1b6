/**
 * The scorecard templates pages (考核表模板), as the demo admin.
 *
 * Test ids of src/web/features/scorecards:
 * - list: templates-card, template-row (data-template-name), template-open, template-weight /
 *   template-weight-warning, template-positions, template-holders, template-export, template-copy,
 *   template-archive, template-restore, template-search, template-status-filter,
 *   template-period-filter, template-add, template-import, templates-empty, templates-loading
 * - import dialog: import-modal, import-file, import-chosen, import-name, import-period,
 *   import-submit, import-errors, import-error-row, import-not-json
 * - template page: template-page (data-template-id), template-back, template-save,
 *   template-export, template-dirty, template-readonly, tab-design, tab-assignments, tab-targets,
 *   tab-preview, leave-ok (discard-changes confirmation)
 * - design tab: template-form, template-name, template-period, template-description,
 *   add-from-library, add-custom, indicator-row (data-key, data-index), indicator-name,
 *   indicator-weight (data-status ok|warning|error), indicator-target, indicator-rule,
 *   indicator-remove, indicator-details (key, unit, direction, achievement, purpose, formula,
 *   rule-tiers / tier-row / tier-bound / tier-threshold / tier-multiplier / tier-add / tier-below,
 *   rule-linear / point-row, rule-manual, indicator-cap, indicator-floor, veto-on, veto-below,
 *   veto-effect, veto-k, veto-cap), grades / grade-row, max-total, design-check, weight-sum
 *   (data-sum), check-busy, check-ok, design-issues, design-issue (data-severity, data-code),
 *   field-issues, row-errors
 * - assignments tab: assignments, assign-positions, assign-people, assign-save,
 *   assign-conflicts / assign-conflict, assign-holders
 * - targets tab: targets, targets-year, targets-owner-kind, targets-position, targets-person,
 *   targets-grid, target-row (data-key), target-cell (data-row, data-col, data-key,
 *   data-period), targets-save, targets-discard, targets-changed, paste-notice, targets-errors
 * - preview tab: preview, preview-person, preview-period, preview-result, preview-template,
 *   preview-row (data-key, data-source), preview-none
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { byTestId, describeJourney, openDemo } from './support/journey.ts';

const templateRow = (page: Page, name: string) => page.locator(`[data-testid=template-row][data-template-name="${name}"]`);
const indicatorRow = (page: Page, index: number) => page.locator(`[data-testid=indicator-row][data-index="${index}"]`);
const issue = (page: Page, code: string) => page.locator(`[data-testid=design-issue][data-code="${code}"]`);

/** Waits until the live design check has caught up with the card. */
async function checked(page: Page) {
  await expect.poll(() => byTestId(page, 'check-busy').count()).toBe(0);
}

/** Types into an antd InputNumber (select all, then type). */
async function typeNumber(input: Locator, value: string) {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(value);
}

/** Picks an option of a searchable antd multiple Select with the keyboard. */
async function pick(page: Page, select: Locator, label: string) {
  const input = select.locator('input');
  await input.focus();
  await input.pressSequentially(label);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option-active[title="${label}"]`).waitFor();
  await input.press('Enter');
  await input.press('Escape');
}

/** Pastes text into an element as a clipboard paste from a spreadsheet would. */
async function paste(target: Locator, text: string) {
  await target.focus();
  await target.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

describeJourney('the scorecard templates', (ctx) => {
  it('designs a template with live checks, assigns it, pastes targets, exports and imports it', async () => {
    const page = await openDemo(ctx());

    // the list: the demo template, assigned to 销售代表, weights adding up to 100
    await byTestId(page, 'nav-scorecards').click();
    await page.waitForURL(/\/w\/demo\/scorecards$/);
    const demo = templateRow(page, '销售代表月度考核表');
    await demo.waitFor();
    expect(await demo.getByTestId('template-weight').textContent()).toBe('100');
    expect(await demo.getByTestId('template-positions').textContent()).toBe('1');
    await screenshot(page, 'scorecards-list');

    // the demo template: six indicators and no design error
    await demo.getByTestId('template-open').click();
    await byTestId(page, 'template-form').waitFor();
    await expect.poll(() => page.locator('[data-testid=indicator-row]').count()).toBe(6);
    expect(await indicatorRow(page, 0).getAttribute('data-key')).toBe('销售额');
    await checked(page);
    expect(await page.locator('[data-testid=design-issue][data-severity=error]').count()).toBe(0);
    expect(await byTestId(page, 'weight-sum').getAttribute('data-sum')).toBe('100');
    await byTestId(page, 'template-back').click();
    await page.waitForURL(/\/w\/demo\/scorecards$/);

    // a new template: 销售额 at 80 % of the weight draws the dominance warning
    await byTestId(page, 'template-add').click();
    await page.waitForURL(/\/scorecards\/new$/);
    await byTestId(page, 'template-name').fill('渠道经理月度考核表');
    await byTestId(page, 'add-custom').click();
    await indicatorRow(page, 0).getByTestId('indicator-name').fill('销售额');
    await typeNumber(indicatorRow(page, 0).getByTestId('indicator-weight'), '80');
    await typeNumber(indicatorRow(page, 0).getByTestId('indicator-target'), '1000000');
    await byTestId(page, 'add-custom').click();
    await indicatorRow(page, 1).getByTestId('indicator-name').fill('应收账款回收率');
    await typeNumber(indicatorRow(page, 1).getByTestId('indicator-weight'), '30');
    await typeNumber(indicatorRow(page, 1).getByTestId('indicator-target'), '0.9');
    await issue(page, 'design.dominant').waitFor();
    expect(await issue(page, 'design.dominant').textContent()).toContain('应收账款回收率');
    await issue(page, 'weights.sum').waitFor();
    expect(await issue(page, 'weights.sum').getAttribute('data-severity')).toBe('error');
    expect(await indicatorRow(page, 0).getByTestId('indicator-weight').getAttribute('data-status')).toBe('warning');
    await checked(page);
    await screenshot(page, 'scorecards-editor-warnings');

    // fix the weights: the error goes, the sum reads 100, and it saves
    await typeNumber(indicatorRow(page, 1).getByTestId('indicator-weight'), '20');
    await expect.poll(() => byTestId(page, 'weight-sum').getAttribute('data-sum')).toBe('100');
    await checked(page);
    expect(await issue(page, 'weights.sum').count()).toBe(0);
    await byTestId(page, 'template-save').click();
    await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);
    await expect.poll(() => byTestId(page, 'template-page').getAttribute('data-template-id')).toMatch(/^[0-9a-f-]{36}$/);
    const id = await byTestId(page, 'template-page').getAttribute('data-template-id');

    // assignment: 销售代表 already has the demo template (a conflict naming it); 区域销售经理 is free
    await byTestId(page, 'tab-assignments').click();
    const positions = byTestId(page, 'assign-positions');
    await pick(page, positions, '销售代表');
    await byTestId(page, 'assign-save').click();
    await byTestId(page, 'assign-conflicts').waitFor();
    expect(await byTestId(page, 'assign-conflict').first().textContent()).toContain('销售代表月度考核表');
    await positions.locator('.ant-tag-close-icon').first().click();
    await pick(page, positions, '区域销售经理');
    await byTestId(page, 'assign-save').click();
    await expect.poll(() => byTestId(page, 'assign-conflicts').count()).toBe(0);
    await expect.poll(() => byTestId(page, 'assign-holders').textContent()).toContain('2');

    // targets: paste a row copied from Excel into January of 销售额
    await byTestId(page, 'tab-targets').click();
    await byTestId(page, 'targets-grid').waitFor();
    const year = new Date().getFullYear();
    const first = page.locator(`[data-testid=target-cell][data-key="销售额"][data-period="${year}-01"]`);
    await paste(first, '1,000,000\t1,100,000\t1,200,000\r\n');
    await byTestId(page, 'paste-notice').waitFor();
    expect(await byTestId(page, 'targets-changed').textContent()).toContain('3');
    // the arrow keys move through the grid
    await first.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-period'))).toBe(`${year}-02`);
    await byTestId(page, 'targets-save').click();
    await expect.poll(() => byTestId(page, 'targets-changed').count()).toBe(0);
    expect(await page.locator(`[data-testid=target-cell][data-key="销售额"][data-period="${year}-03"]`).inputValue()).toBe('1,200,000');
    await screenshot(page, 'scorecards-targets');

    // export the template as JSON
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'template-export').click()]);
    const file = path.join(ctx().server.dataDir, 'exported.scorecard.json');
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'kedu.scorecard/v1', name: '渠道经理月度考核表', period: 'month' });
    expect(exported.indicators.map((i: { key: string; weight: number }) => [i.key, i.weight])).toEqual([
      ['销售额', 80],
      ['应收账款回收率', 20],
    ]);

    // import: a broken copy is refused with every problem located; the file itself imports under a new name
    await byTestId(page, 'template-back').click();
    await page.waitForURL(/\/w\/demo\/scorecards$/);
    const broken = path.join(ctx().server.dataDir, 'broken.scorecard.json');
    fs.writeFileSync(broken, JSON.stringify({ ...exported, indicators: [{ ...exported.indicators[0], weight: 70, rule: { type: 'tiers', tiers: [] } }, exported.indicators[1]] }));
    await byTestId(page, 'template-import').click();
    await byTestId(page, 'import-name').waitFor();
    await page.locator('.ant-modal input[type=file]').setInputFiles(broken);
    await byTestId(page, 'import-chosen').waitFor();
    await byTestId(page, 'import-submit').click();
    await byTestId(page, 'import-errors').waitFor();
    const errorRows = await page.locator('[data-testid=import-error-row]').allTextContents();
    expect(errorRows.some((r) => r.includes('indicators[0].rule.tiers'))).toBe(true);
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    await byTestId(page, 'import-name').fill('渠道经理月度考核表（导入）');
    await byTestId(page, 'import-submit').click();
    await page.waitForURL((url) => /\/scorecards\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(id ?? ''));
    await expect.poll(() => byTestId(page, 'template-name').inputValue()).toBe('渠道经理月度考核表（导入）');
    await expect.poll(() => page.locator('[data-testid=indicator-row]').count()).toBe(2);
    await byTestId(page, 'template-back').click();
    await templateRow(page, '渠道经理月度考核表（导入）').waitFor();
    expect(await templateRow(page, '渠道经理月度考核表').count()).toBe(1);
  }, 150_000);
});
