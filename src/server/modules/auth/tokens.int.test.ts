import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Org, seedOrg, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { type Session, sessionApi, signInSession } from '../../testing/sessions.ts';

/** API tokens (shown once, listed without the secret, revoked, expired, last use) and the audit of account changes. */
describeEachDatabase('API tokens and account audit', (kind) => {
  let t: TestApp;
  let org: Org;
  let session: Session;
  const create = async (body: unknown) => {
    const res = await sessionApi(t, session, 'POST', '/api/v1/auth/tokens', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; token: string; prefix: string; name: string; expiresAt: string | null; lastUsedAt: string | null };
  };
  const list = async () => (await sessionApi(t, session, 'GET', '/api/v1/auth/tokens')).body as { id: string; lastUsedAt: string | null }[];
  const me = (token: string) => t.api('GET', '/api/v1/auth/me', { token });
  const auditOf = async (entityId: string) =>
    (await t.database.pool.query('select action, actor_user_id, workspace_id, before, after from audit_log where entity_id = $1 order by id', [entityId])).rows;

  beforeAll(async () => {
    t = await startTestApp(kind);
    org = await seedOrg(t);
    session = await signInSession(t, 'manager@acme.test');
  });
  afterAll(() => t?.close());

  it('creates a token shown once, with the kedu_ prefix, that authenticates as its owner', async () => {
    const created = await create({ name: 'CI pipeline' });
    expect(created.token).toMatch(/^kedu_[\w-]{20,}$/);
    expect(created).toMatchObject({ name: 'CI pipeline', prefix: created.token.slice(0, 10), expiresAt: null, lastUsedAt: null });
    const res = await me(created.token);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('manager@acme.test');
  });

  it('an expiry in days is stored as a date that many days ahead', async () => {
    const created = await create({ name: 'a month', expiresInDays: 30 });
    const days = (Date.parse(created.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('the list shows every live token without its secret', async () => {
    const created = await create({ name: 'listed' });
    const res = await sessionApi(t, session, 'GET', '/api/v1/auth/tokens');
    expect(res.status).toBe(200);
    const entry = res.body.find((x: { id: string }) => x.id === created.id);
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix']);
    expect(JSON.stringify(res.body)).not.toContain(created.token);
    expect(JSON.stringify(res.body)).not.toContain(created.token.slice(10));
    // the secret is stored hashed only
    const { rows } = await t.database.pool.query('select * from api_tokens where id = $1', [created.id]);
    expect(JSON.stringify(rows[0])).not.toContain(created.token.slice(10));
  });

  it("records the token's last use", async () => {
    const created = await create({ name: 'used' });
    expect((await list()).find((x) => x.id === created.id)?.lastUsedAt).toBeNull();
    const started = Date.now();
    expect((await me(created.token)).status).toBe(200);
    const lastUsedAt = (await list()).find((x) => x.id === created.id)?.lastUsedAt;
    expect(lastUsedAt).not.toBeNull();
    expect(Date.parse(lastUsedAt!)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(lastUsedAt!)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('a revoked token → 401, leaves the list, and cannot be revoked twice', async () => {
    const created = await create({ name: 'revoked' });
    const revoked = await sessionApi(t, session, 'DELETE', `/api/v1/auth/tokens/${created.id}`);
    expect(revoked.status).toBe(200);
    const res = await me(created.token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect((await list()).map((x) => x.id)).not.toContain(created.id);
    const again = await sessionApi(t, session, 'DELETE', `/api/v1/auth/tokens/${created.id}`);
    expect(again.status).toBe(404);
  });

  it("a token cannot be revoked by another user, and stays valid", async () => {
    const created = await create({ name: 'mine' });
    const res = await t.api('DELETE', `/api/v1/auth/tokens/${created.id}`, { token: org.tokens.admin });
    expect(res.status).toBe(404);
    expect((await me(created.token)).status).toBe(200);
  });

  it('an expired token → 401', async () => {
    const created = await create({ name: 'expiring', expiresInDays: 1 });
    // as if the day had passed (a token used before is remembered a few seconds, never past its expiry)
    await t.database.pool.query("update api_tokens set expires_at = now() - interval '1 minute' where id = $1", [created.id]);
    const res = await me(created.token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('a token of a user removed from the workspace no longer reaches the workspace (404), but still signs them in', async () => {
    const add = await t.api('POST', `/api/v1/workspaces/${org.ws}/members`, { token: org.tokens.admin, body: { email: 'leaver@acme.test', name: 'Leaver', role: 'member', password: TEST_PASSWORD } });
    const leaver = await signInSession(t, 'leaver@acme.test');
    const token = (await sessionApi(t, leaver, 'POST', '/api/v1/auth/tokens', { body: { name: 'leaver' } })).body.token as string;
    expect((await t.api('GET', `/api/v1/workspaces/${org.ws}/units`, { token })).status).toBe(200);
    expect((await t.api('DELETE', `/api/v1/workspaces/${org.ws}/members/${add.body.userId}`, { token: org.tokens.admin })).status).toBe(200);
    expect((await t.api('GET', `/api/v1/workspaces/${org.ws}/units`, { token })).status).toBe(404);
    expect((await me(token)).status).toBe(200);
  });

  it('audits token creation and revocation (without the secret) and password changes', async () => {
    const created = await create({ name: 'audited' });
    expect((await sessionApi(t, session, 'DELETE', `/api/v1/auth/tokens/${created.id}`)).status).toBe(200);
    const entries = await auditOf(created.id);
    expect(entries.map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
    for (const e of entries) {
      expect(e.actor_user_id).toBe(session.userId);
      expect(e.workspace_id).toBeNull();
      expect(JSON.stringify(e)).not.toContain(created.token.slice(10));
      expect(JSON.stringify(e)).not.toMatch(/token_?hash/i);
    }

    const changed = await sessionApi(t, session, 'POST', '/api/v1/auth/password', { body: { currentPassword: TEST_PASSWORD, newPassword: 'another passphrase' } });
    expect(changed.status).toBe(200);
    const password = await auditOf(session.userId);
    expect(password.map((e) => e.action)).toContain('user.password_change');
    expect(JSON.stringify(password)).not.toContain('another passphrase');
    expect(JSON.stringify(password)).not.toMatch(/argon2|password_?hash/i);

    const wrong = await sessionApi(t, session, 'POST', '/api/v1/auth/password', { body: { currentPassword: 'wrong wrong', newPassword: 'yet another one' } });
    expect(wrong.status).toBe(400);
    const afterWrong = await auditOf(session.userId);
    expect(afterWrong.filter((e) => e.action === 'user.password_change')).toHaveLength(1);
  });
});
