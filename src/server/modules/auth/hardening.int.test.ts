import { expect, it } from 'vitest';
import { type Org, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';

/** Findings of a review: each test here failed before its fix. */
describeEachDatabase('hardening', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });

  it('a burst of parallel wrong passwords gets exactly the allowed number of guesses', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () => t.api('POST', '/api/v1/auth/login', { body: { email: 'hana@acme.test', password: 'wrong-password' } })),
    );
    const statuses = guesses.map((g) => g.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('a demo account (shared by every visitor) cannot create accounts, workspaces or API tokens', async () => {
    const demo = await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });
    const cookie = demo.cookies.find((c) => c.name === 'kedu_session')!.value;
    const headers = { 'x-csrf-token': demo.json().csrfToken as string, 'accept-language': 'en' };
    const asDemo = (url: string, payload: object) => t.app.inject({ method: 'POST', url, cookies: { kedu_session: cookie }, headers, payload });

    const member = await asDemo('/api/v1/workspaces/demo/members', { email: 'intruder@x.test', name: 'Intruder', role: 'admin', password: TEST_PASSWORD });
    expect(member.statusCode).toBe(403);
    expect(member.json().error.code).toBe('demo_restricted');
    expect((await asDemo('/api/v1/workspaces', { name: 'Mine' })).json().error.code).toBe('demo_restricted');
    expect((await asDemo('/api/v1/auth/tokens', { name: 'forever' })).json().error.code).toBe('demo_restricted');
    const login = await t.api('POST', '/api/v1/auth/login', { body: { email: 'intruder@x.test', password: TEST_PASSWORD } });
    expect(login.status).toBe(401);
  });

  it('an empty change to a member is a no-op, not a server error', async () => {
    const members = await t.api('GET', `/api/v1/workspaces/${org.ws}/members`, { token: org.tokens.admin });
    const manager = members.body.find((m: { email: string }) => m.email === 'manager@acme.test');
    const before = (await t.api('GET', `/api/v1/workspaces/${org.ws}/audit`, { token: org.tokens.admin })).body.total;
    const res = await t.api('PATCH', `/api/v1/workspaces/${org.ws}/members/${manager.userId}`, { token: org.tokens.admin, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('manager');
    const after = (await t.api('GET', `/api/v1/workspaces/${org.ws}/audit`, { token: org.tokens.admin })).body.total;
    expect(after).toBe(before);
  });
});
