import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { ServerProcess } from '../../src/server/testing/server-process.ts';
import { launchBrowser, newPage } from './browser.ts';
import { startE2EServer } from './server.ts';

export type JourneyContext = { browser: Browser; server: ServerProcess & { dataDir: string } };

/**
 * A describe block with its own Kedu server (fresh data folder) and Chromium. Skipped only
 * when Chromium is missing outside CI; global-setup fails the run under CI instead.
 */
export function describeJourney(name: string, body: (ctx: () => JourneyContext) => void, env: Record<string, string> = {}) {
  const run = inject('chromiumAvailable') ? describe : describe.skip;
  run(name, () => {
    let ctx: JourneyContext;
    beforeAll(async () => {
      const [browser, server] = await Promise.all([launchBrowser(), startE2EServer(env)]);
      ctx = { browser, server };
    });
    afterAll(async () => {
      await ctx?.browser.close();
      await ctx?.server.stop();
    });
    body(() => ctx);
  });
}

export const byTestId = (page: Page, id: string) => page.getByTestId(id);
export const unitNode = (page: Page, name: string) => page.locator(`[data-testid=unit-node][data-unit-name="${name}"]`);
export const personRow = (page: Page, name: string) => page.locator(`[data-testid=person-row][data-person-name="${name}"]`);

/** A visitor who opens the demo from the sign-in page, in a fresh browser context: the page lands on the demo's Home. */
export async function openDemo(ctx: JourneyContext, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Page> {
  const page = await newPage(ctx.browser, locale);
  await page.goto(ctx.server.url);
  await byTestId(page, 'demo-open').click();
  await page.waitForURL(/\/w\/demo\/home/);
  return page;
}

/**
 * A workspace of its own, set up as on first run (through the API), with its administrator signed
 * in on a fresh page that has landed on the workspace's Home.
 */
export async function setUpWorkspace(ctx: JourneyContext, workspace: { name: string; slug: string }, admin: { name: string; email: string; password: string }): Promise<Page> {
  const base = ctx.server.url;
  const page = await newPage(ctx.browser, 'zh-CN');
  const setup = await page.request.post(`${base}/api/v1/setup`, {
    data: { workspaceName: workspace.name, workspaceSlug: workspace.slug, adminName: admin.name, email: admin.email, password: admin.password, locale: 'zh-CN' },
  });
  if (!setup.ok()) throw new Error(`setup failed: ${setup.status()} ${await setup.text()}`);
  await page.goto(`${base}/w/${workspace.slug}/home`);
  await byTestId(page, 'home-page').waitFor();
  return page;
}
