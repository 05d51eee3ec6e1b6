import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { newPage, screenshot } from './support/browser.ts';
import { byTestId, describeJourney, personRow, unitNode } from './support/journey.ts';

const ADMIN = { email: 'wang.jingli@example.com', password: 'correct-horse-1' };

describeJourney('a new installation, from first-run setup to the first people', (ctx) => {
  let page: Page;

  it('offers first-run setup, checks the form, and lands in the empty organisation', async () => {
    page = await newPage(ctx().browser, 'zh-CN');
    await page.goto(ctx().server.url);
    await byTestId(page, 'setup-card').waitFor();
    expect(await byTestId(page, 'demo-card').isVisible()).toBe(true);

    await byTestId(page, 'setup-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(2);

    await page.getByLabel('工作区名称').fill('华东销售中心');
    await page.getByLabel('管理员姓名').fill('王经理');
    await page.getByLabel('邮箱').fill(ADMIN.email);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await page.getByLabel('确认密码').press('Enter');
    // Home first, as after every sign-in: a new workspace has nothing to show yet and says where to begin
    await page.waitForURL(/\/w\/[^/]+\/home/);
    await byTestId(page, 'home-page').waitFor();
    await byTestId(page, 'getting-started').waitFor();
    for (const step of ['start-org', 'start-indicators', 'start-plans']) await byTestId(page, step).waitFor();
    await screenshot(page, 'e2e-00-empty-home');
    await byTestId(page, 'nav-org').click();
    await page.waitForURL(/\/w\/[^/]+\/org/);
    await byTestId(page, 'unit-add-empty').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await screenshot(page, 'e2e-01-empty-org');
  });

  it('signs out, refuses a wrong password, and signs in again', async () => {
    await byTestId(page, 'user-menu').click();
    await byTestId(page, 'menu-signout').click();
    await byTestId(page, 'signin-form').waitFor();
    expect(await byTestId(page, 'setup-card').count()).toBe(0);

    await page.getByLabel('邮箱').fill(ADMIN.email);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByLabel('密码').press('Enter');
    await expect.poll(() => byTestId(page, 'form-error').textContent()).toContain('邮箱或密码不正确');

    await page.getByLabel('密码').fill(ADMIN.password);
    await byTestId(page, 'signin-submit').click();
    await page.waitForURL(/\/w\/[^/]+\/home/);
    await byTestId(page, 'nav-org').click();
    await page.waitForURL(/\/w\/[^/]+\/org/);
  });

  it('creates a department, a sub-department and a person in it', async () => {
    await byTestId(page, 'unit-add-empty').click();
    await byTestId(page, 'unit-name-input').fill('销售部');
    await byTestId(page, 'unit-name-input').press('Enter');
    await unitNode(page, '销售部').waitFor();

    await unitNode(page, '销售部').getByTestId('unit-actions').click();
    await byTestId(page, 'unit-action-addChild').click();
    await byTestId(page, 'unit-name-input').fill('华东区');
    await byTestId(page, 'unit-submit').click();
    await unitNode(page, '华东区').waitFor();

    await unitNode(page, '华东区').getByText('华东区').click();
    await page.waitForURL(/unit=/);
    await expect.poll(() => byTestId(page, 'people-card').textContent()).toContain('华东区');
    await byTestId(page, 'person-add').first().click();
    await expect.poll(() => byTestId(page, 'person-form').textContent()).toContain('华东区');
    await byTestId(page, 'person-name').fill('张三');
    await byTestId(page, 'person-email').fill('not-an-email');
    await byTestId(page, 'person-submit').click();
    await expect.poll(() => byTestId(page, 'person-form').textContent()).toContain('不是有效的邮箱地址');
    await byTestId(page, 'person-email').fill('zhang.san@example.com');
    // the field's error clears once the new value is validated: submitting before that can race it on a busy machine
    await expect.poll(() => byTestId(page, 'person-form').textContent()).not.toContain('不是有效的邮箱地址');
    await byTestId(page, 'person-submit').click();
    await personRow(page, '张三').waitFor();
    expect(await personRow(page, '张三').textContent()).toContain('华东区');
    await expect.poll(() => unitNode(page, '华东区').getByTestId('unit-headcount').textContent()).toContain('1');
    await screenshot(page, 'e2e-02-first-person');
  });

  it('the changes are in the audit log', async () => {
    await byTestId(page, 'nav-audit').click();
    await byTestId(page, 'audit-table').waitFor();
    await expect.poll(() => byTestId(page, 'audit-table').textContent()).toContain('person.create');
  });

  it('switches the language to English, and remembers it after a reload', async () => {
    await byTestId(page, 'nav-org').click();
    await unitNode(page, '销售部').waitFor();
    await byTestId(page, 'lang-en').click();
    await expect.poll(() => byTestId(page, 'side-nav').textContent()).toContain('Organisation');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await unitNode(page, '销售部').waitFor();
    expect(await byTestId(page, 'side-nav').textContent()).toContain('Organisation');
    expect(await byTestId(page, 'people-table').textContent()).toContain('Department');
  });
});
