import { expect, it } from 'vitest';
import { newPage, screenshot } from './support/browser.ts';
import { byTestId, describeJourney, personRow, unitNode } from './support/journey.ts';

describeJourney('the demo workspace', (ctx) => {
  it('opens in one click with the sample company', async () => {
    const page = await newPage(ctx().browser, 'zh-CN');
    await page.goto(ctx().server.url);
    await byTestId(page, 'demo-open').click();
    await page.waitForURL(/\/w\/demo\/org/);
    for (const unit of ['总经办', '市场部', '销售部', '华东区', '华南区', '人力资源部']) await unitNode(page, unit).waitFor();
    await personRow(page, '周明远').waitFor();
    await screenshot(page, 'e2e-10-demo-org-zh');

    // the unit filter narrows the table to 华东区 (5 active people)
    await unitNode(page, '华东区').click();
    await expect.poll(() => page.locator('[data-testid=person-row]').count()).toBe(5);
    await personRow(page, '吴婷').waitFor();
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
