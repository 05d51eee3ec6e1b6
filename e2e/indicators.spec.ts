import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { byTestId, describeJourney, openDemo } from './support/journey.ts';

const indicatorRow = (page: Page, name: string) => page.locator(`[data-testid=indicator-row][data-indicator-name="${name}"]`);
const builtinRow = (page: Page, key: string) => page.locator(`[data-testid=builtin-row][data-builtin-key="${key}"]`);

/** Picks an option of the antd Select with the given test id. */
async function choose(page: Page, testId: string, label: string) {
  await byTestId(page, testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

describeJourney('the indicator library', (ctx) => {
  it('copies a built-in indicator and defines a new one with the formula editor', async () => {
    const page = await openDemo(ctx());

    // the demo's library holds the indicators its goals use; the built-in library is one tab away
    await byTestId(page, 'nav-indicators').click();
    await page.waitForURL(/\/w\/demo\/indicators/);
    await indicatorRow(page, '销售额').waitFor();
    await byTestId(page, 'indicators-tab-builtin').click();

    // copy 成品周转率 from the built-in library: the button becomes a "copied" tag
    const turnover = builtinRow(page, 'finished_goods_turnover');
    await turnover.waitFor();
    expect(await turnover.getAttribute('data-builtin-name')).toBe('成品周转率');
    await turnover.getByTestId('builtin-copy').click();
    await turnover.getByTestId('builtin-copied').waitFor();
    expect(await turnover.getByTestId('builtin-copy').count()).toBe(0);

    // … and it is in the workspace list, with its formula and direction
    await byTestId(page, 'indicators-tab-workspace').click();
    const copied = indicatorRow(page, '成品周转率');
    await copied.waitFor();
    expect(await copied.getByTestId('indicator-formula').textContent()).toContain('期初库存余额');
    expect(await copied.getByTestId('indicator-direction').textContent()).toBe('正向');

    // a new indicator: the formula first, its names become terms in one click each
    await byTestId(page, 'indicator-add').click();
    await byTestId(page, 'indicator-form').waitFor();
    const formula = byTestId(page, 'formula-input');
    await formula.fill('销售成本÷(期初库存余额+期末库存余额)/2');
    // Enter in the formula does not submit the form (the empty name would be flagged)
    await formula.press('Enter');
    await byTestId(page, 'formula-missing-terms').waitFor();
    for (const name of ['销售成本', '期初库存余额', '期末库存余额']) {
      await page.locator(`[data-testid=formula-add-term][data-name="${name}"]`).click();
    }
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    const definitions = ['当期已销售成品的成本，取自财务成本报表', '期初成品库存金额，取自仓库月报', '期末成品库存金额，取自仓库月报'];
    for (const [i, text] of definitions.entries()) {
      await page.locator(`[data-testid=term-definition][data-index="${i}"]`).fill(text);
    }

    // with all three terms defined, only the ambiguity warning is left, with its two readings
    const warning = page.locator('[data-testid=formula-diagnostic][data-code=ambiguous_division]');
    await warning.waitFor();
    await expect.poll(() => page.locator('[data-testid=formula-diagnostic]').count()).toBe(1);
    expect(await warning.getAttribute('data-severity')).toBe('warning');
    await expect.poll(() => warning.getByTestId('formula-reading').count()).toBe(2);
    expect(await page.locator('[data-testid=formula-underline][data-severity=warning]').count()).toBeGreaterThan(0);
    await screenshot(page, 'indicators-editor');

    // the second reading makes the formula explicit, and the warning goes away
    await warning.locator('[data-testid=formula-reading][data-reading-index="1"]').click();
    await expect.poll(() => formula.inputValue()).toBe('销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)');
    await byTestId(page, 'formula-ok').waitFor();
    expect(await page.locator('[data-testid=formula-diagnostic]').count()).toBe(0);

    // a misspelt name: an error with a "did you mean" quick fix
    await formula.fill('销售成夲 ÷ ((期初库存余额 + 期末库存余额) / 2)');
    const unknown = page.locator('[data-testid=formula-diagnostic][data-code=unknown_name]');
    await unknown.waitFor();
    expect(await unknown.getAttribute('data-severity')).toBe('error');
    expect(await page.locator('[data-testid=formula-underline][data-severity=error]').textContent()).toBe('销售成夲');
    await unknown.getByTestId('formula-suggestion').click();
    await expect.poll(() => formula.inputValue()).toBe('销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)');
    await byTestId(page, 'formula-ok').waitFor();

    // autocomplete on the current word
    await formula.fill('销售成本 ÷ ((期初库存余额 + 期末');
    // picked with the keyboard, as a person typing a formula would
    await page.locator('[data-testid=formula-option][data-name="期末库存余额"]').waitFor();
    await expect.poll(() => byTestId(page, 'formula-status').getAttribute('data-state')).not.toBe('checking');
    await formula.press('ArrowDown');
    await formula.press('Enter');
    await expect.poll(() => formula.inputValue()).toBe('销售成本 ÷ ((期初库存余额 + 期末库存余额');
    await formula.fill('销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)');

    // the rest of the definition, then save: it is in the list
    await byTestId(page, 'indicator-name').fill('平均库存周转次数');
    await byTestId(page, 'indicator-purpose').fill('衡量库存周转速度，减少资金占用');
    await choose(page, 'indicator-perspective', '财务');
    await byTestId(page, 'indicator-unit').fill('次');
    await byTestId(page, 'formula-ok').waitFor();
    await byTestId(page, 'indicator-submit').click();
    const saved = indicatorRow(page, '平均库存周转次数');
    await saved.waitFor();
    expect(await saved.getByTestId('indicator-formula').textContent()).toBe('销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)');
    await expect.poll(() => byTestId(page, 'indicator-form').count()).toBe(0);

    // archive asks first; the archived indicator leaves the default list
    await saved.getByTestId('indicator-archive').click();
    await byTestId(page, 'confirm-ok').click();
    await expect.poll(() => indicatorRow(page, '平均库存周转次数').count()).toBe(0);
    await screenshot(page, 'indicators-list');
  });
});
