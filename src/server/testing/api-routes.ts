import { expect } from 'vitest';
import type { TestApp } from './harness.ts';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route the app serves, as `METHOD /path/{param}` keys, read from its own OpenAPI
 * document, so a test that keeps a table of expectations per route notices a route it
 * does not list (and a listed route that is gone).
 */
export async function listApiRoutes(t: TestApp): Promise<string[]> {
  const res = await t.api('GET', '/api/docs/json');
  expect(res.status).toBe(200);
  const keys: string[] = [];
  for (const [path, operations] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(operations)) if (METHODS.has(method)) keys.push(`${method.toUpperCase()} ${path}`);
  }
  return keys.sort();
}

/** What a table of expectations lacks and what it lists in vain, compared with the app's routes. */
export function compareRouteTable(served: string[], listed: string[]): { unlisted: string[]; gone: string[] } {
  return {
    unlisted: served.filter((r) => !listed.includes(r)),
    gone: listed.filter((r) => !served.includes(r)),
  };
}

/** A route key without the common prefix, for readable test names. */
export const shortRoute = (key: string) => key.replace(' /api/v1/workspaces/{ws}', ' …/{ws}').replace(' /api/v1', ' ');
