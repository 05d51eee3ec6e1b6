import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * A workspace's REST API (the demo's unless another slug is given) as the signed-in page's session
 * (its cookie and CSRF token): for journeys that seed data, or read the numbers the page should
 * show. A call that fails fails the test.
 */
export async function sessionApi(page: Page, base: string, workspace = 'demo') {
  const me = await page.request.get(`${base}/api/v1/auth/me`);
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const call = async <T>(method: string, url: string, data?: unknown): Promise<T> => {
    const res = await page.request.fetch(`${base}/api/v1/workspaces/${workspace}${url}`, { method, data, headers: { 'x-csrf-token': csrf } });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
  return { call, csrf };
}
