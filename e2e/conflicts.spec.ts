/**
 * Two people editing one goal at once (issue 13, "Silent lost updates"): two administrators of
 * one workspace open the same goal's form in two browsers. The second to save is not silently
 * overwritten nor overwriting: a dialog says who changed the goal and when, and offers to reload
 * the latest goal or to apply the edit anyway.
 *
 * Round 1: Bea saves; Ada's save opens the dialog naming Bea. Esc goes back to Ada's edit; saving
 * again opens it again; "载入最新" puts Bea's statement in Ada's form (nothing of Ada's is saved).
 * Round 2: Bea saves again; Ada's save (based on what she reloaded) opens the dialog; "保留我的修改并保存"
 * saves Ada's statement over Bea's.
 *
 * Test ids: goal-edit, goal-form, goal-statement, goal-submit, goal-form-drawer, goal-title;
 * the dialog (src/web/components/StaleVersionDialog.tsx): stale-version-text, stale-reload,
 * stale-apply, stale-cancel.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { newPage, screenshot } from './support/browser.ts';
import { byTestId, describeJourney, setUpWorkspace } from './support/journey.ts';
import { sessionApi } from './support/session-api.ts';

const WS = { name: '冲突测试', slug: 'conflicts' };
const ADA = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct-horse-1' };
const BEA = { name: 'Bea Boss', email: 'bea@example.com', password: 'correct-horse-2' };

describeJourney('two people editing one goal at once', (ctx) => {
  let ada: Page;
  let bea: Page;
  let goalId = '';
  let api: Awaited<ReturnType<typeof sessionApi>>;

  /** Opens the goal's form on a page (at the goal's own address). */
  async function openForm(page: Page) {
    await page.goto(`${ctx().server.url}/w/${WS.slug}/goals/${goalId}`);
    await byTestId(page, 'goal-edit').click();
    await byTestId(page, 'goal-form').waitFor();
  }
  async function save(page: Page, statement: string) {
    await byTestId(page, 'goal-statement').fill(statement);
    await byTestId(page, 'goal-submit').click();
  }
  const statementIn = (page: Page) => byTestId(page, 'goal-statement').inputValue();
  const dialog = (page: Page) => byTestId(page, 'stale-version-text');

  it('sets up a workspace with two administrators and a goal', async () => {
    ada = await setUpWorkspace(ctx(), WS, ADA);
    api = await sessionApi(ada, ctx().server.url, WS.slug);
    await api.call('POST', '/members', { email: BEA.email, name: BEA.name, role: 'admin', password: BEA.password });
    const indicator = await api.call<{ id: string }>('POST', '/indicator-library/sales_amount/copy', {});
    const plan = await api.call<{ id: string }>('POST', '/plans', { name: '2030 年度计划', startsOn: '2030-01-01', endsOn: '2030-12-31' });
    const goal = await api.call<{ id: string }>('POST', '/goals', {
      planId: plan.id,
      statement: '2030 年回款达到 100 万元',
      owner: { kind: 'company' },
      indicatorId: indicator.id,
      baseline: 0,
      target: 1_000_000,
      startsOn: '2030-01-01',
      deadline: '2030-12-31',
      source: 'strategy',
    });
    goalId = goal.id;
    bea = await newPage(ctx().browser, 'zh-CN');
    const login = await bea.request.post(`${ctx().server.url}/api/v1/auth/login`, { data: { email: BEA.email, password: BEA.password } });
    expect(login.ok(), await login.text()).toBe(true);
  });

  it('round 1: names who saved first; Esc returns to the edit; "Reload" shows their goal', async () => {
    await Promise.all([openForm(ada), openForm(bea)]);
    await save(bea, '2030 年回款达到 120 万元（Bea）');
    await byTestId(bea, 'goal-form-drawer').waitFor({ state: 'hidden' });

    await save(ada, '2030 年回款达到 110 万元（Ada）');
    await dialog(ada).waitFor();
    expect(await dialog(ada).textContent()).toMatch(/^Bea Boss .*于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改了这条记录/);
    // the dialog has the keyboard: the reload button is focused, Esc goes back to the edit as it was
    await expect.poll(() => ada.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stale-reload');
    await screenshot(ada, 'e2e-conflict-dialog');
    await ada.keyboard.press('Escape');
    await dialog(ada).waitFor({ state: 'hidden' });
    expect(await byTestId(ada, 'goal-form').isVisible()).toBe(true);
    expect(await statementIn(ada)).toBe('2030 年回款达到 110 万元（Ada）');

    await byTestId(ada, 'goal-submit').click();
    await dialog(ada).waitFor();
    await byTestId(ada, 'stale-reload').click();
    await dialog(ada).waitFor({ state: 'hidden' });
    await expect.poll(() => statementIn(ada)).toBe('2030 年回款达到 120 万元（Bea）');
    const stored = await api.call<{ statement: string; version: number }>('GET', `/goals/${goalId}`);
    expect(stored).toMatchObject({ statement: '2030 年回款达到 120 万元（Bea）', version: 2 });
  });

  it('round 2: "Apply my change anyway" saves the edit over the other one', async () => {
    // Bea changes it again while Ada's form (reloaded at version 2) is still open
    await openForm(bea);
    await save(bea, '2030 年回款达到 130 万元（Bea 第二次）');
    await byTestId(bea, 'goal-form-drawer').waitFor({ state: 'hidden' });

    await save(ada, '2030 年回款达到 115 万元（Ada 坚持）');
    await dialog(ada).waitFor();
    expect(await dialog(ada).textContent()).toMatch(/^Bea Boss .*于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改了这条记录/);
    await byTestId(ada, 'stale-apply').click();
    await byTestId(ada, 'goal-form-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => byTestId(ada, 'goal-title').textContent()).toBe('2030 年回款达到 115 万元（Ada 坚持）');
    const stored = await api.call<{ statement: string; version: number }>('GET', `/goals/${goalId}`);
    expect(stored).toMatchObject({ statement: '2030 年回款达到 115 万元（Ada 坚持）', version: 4 });
  });
});
