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

/**
 * Imports a CSV of orders (订单号, 付款时间, 实付金额: `rows` after the header) into a new dataset
 * of the demo workspace as the page's session, for journeys that need a history of sales; returns
 * the dataset's id.
 */
export async function importOrders(page: Page, base: string, csrf: string, name: string, rows: string[]): Promise<string> {
  const column = (column: string, type: string) => ({ name: column, type, snapshot: false, aliases: [] });
  const dataset = { name, description: '', columns: [column('订单号', 'text'), column('付款时间', 'datetime'), column('实付金额', 'decimal')], keyColumns: ['订单号'], dateColumn: '付款时间', templateKey: null };
  const res = await page.request.fetch(`${base}/api/v1/workspaces/demo/datasets/import`, {
    method: 'POST',
    headers: { 'x-csrf-token': csrf },
    multipart: { dataset: JSON.stringify(dataset), file: { name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(['订单号,付款时间,实付金额', ...rows].join('\n')) } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { dataset: { id: string } }).dataset.id;
}
