import { afterAll, beforeAll } from 'vitest';
import { type Org, seedOrg } from './fixtures.ts';
import { type DbKind, startTestApp, type TestApp } from './harness.ts';

/**
 * The setup of most integration suites, inside a describeEachDatabase block: before its tests a
 * fresh app on `kind` with seedOrg's workspace, handed to `ready` (which may seed more); after
 * them the app and its database are closed.
 * @example
 *   let t: TestApp;
 *   let org: Org;
 *   useSeededOrg(kind, (app, seeded) => { t = app; org = seeded; });
 */
export function useSeededOrg(kind: DbKind, ready: (t: TestApp, org: Org) => void | Promise<void>, env: Record<string, string> = {}): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp(kind, env);
    await ready(t, await seedOrg(t));
  });
  afterAll(() => t?.close());
}
