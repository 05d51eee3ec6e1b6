import { expect, it } from 'vitest';
import { newPage, screenshot } from './support/browser.ts';
import { byTestId, describeJourney, openDemo, personRow, unitNode } from './support/journey.ts';

describeJourney('the demo workspace', (ctx) => {
  it('opens in one click with the sample company', async () => {
    const page = await openDemo(ctx());
    // the home dashboard first: the company's goals at a glance
    await byTestId(page, 'dashboard-company').waitFor();
    await byTestId(page, 'nav-org').click();
    await page.waitForURL(/\/w\/demo\/org/);
    for (const unit of ['总经办', '市场部', '销售部', '华东区', '华南区', '人力资源部']) await unitNode(page, unit).waitFor();
    await personRow(page, '周明远').waitFor();
    await screenshot(page, 'e2e-10-demo-org-zh');

    // the unit filter narrows the table to 华东区 (5 active people)
    await unitNode(page, '华东区').click();
    await expect.poll(() => page.locator('[data-testid=person-row]').count()).toBe(5);
    await personRow(page, '吴婷').waitFor();
  });

  it('has a second, solo workspace for a 微商 seller: her goals from her data, no appraisal menus', async () => {
    const page = await openDemo(ctx());
    await byTestId(page, 'workspace-switcher').click();
    await byTestId(page, 'workspace-option-demo-weishang').click();
    await page.waitForURL(/\/w\/demo-weishang\/home/);
    await byTestId(page, 'dashboard-company').waitFor();
    await byTestId(page, 'company-trends').waitFor();
    // a solo seller manages no organisation and runs no appraisal
    // (a state to wait for: the menu follows the workspace switched to once its summary is in)
    for (const gone of ['nav-org', 'nav-positions', 'nav-scorecards', 'nav-cycles']) await expect.poll(() => byTestId(page, gone).count()).toBe(0);
    expect(await byTestId(page, 'company-units').count()).toBe(0);
    await screenshot(page, 'e2e-12-solo-home-zh');
    await byTestId(page, 'nav-plans').click();
    await page.waitForURL(/\/w\/demo-weishang\/plans/);
    await page.getByText('微商启动计划').first().click();
    for (const statement of ['月度销售额增长 20%', '粉丝数量达到 5 万', '用户转化率提升 15%（3.2% → 3.68%）', '每月发布 3 条高质量内容']) await page.getByText(statement).first().waitFor();
    await screenshot(page, 'e2e-13-solo-plan-zh');
  });

  it('shows a manager only the people of the units they lead', async () => {
    const page = await newPage(ctx().browser, 'en-US');
    await page.goto(ctx().server.url);
    // no real workspace is set up yet: sign-in is one click away from the first-run page
    await byTestId(page, 'signin-toggle').click();
    await byTestId(page, 'signin-form').waitFor();
    await page.getByLabel('Email').fill('zhao.lei@demo.kedu');
    await page.getByLabel('Password').fill('kedu-demo');
    await byTestId(page, 'signin-submit').click();
    await page.waitForURL(/\/w\/demo\/home/);
    await byTestId(page, 'nav-org').click();
    await page.waitForURL(/\/w\/demo\/org/);
    await personRow(page, '吴婷').waitFor();
    // 赵磊 leads 华东区: the four reps and himself, nobody from 华南区
    await expect.poll(() => page.locator('[data-testid=person-row]').count()).toBe(5);
    expect(await personRow(page, '刘芳').count()).toBe(0);
    expect(await byTestId(page, 'nav-audit').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'e2e-11-demo-manager-en');
  });
});
