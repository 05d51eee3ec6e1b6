import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { type Session, sessionApi } from '../../testing/sessions.ts';

/** First-run setup (once, even when raced), the demo workspace (on and off) and creating workspaces. */
describeEachDatabase('first-run setup, demo and workspaces', (kind) => {
  let t: TestApp;
  let admin: Session;
  const setupBody = (email: string, slug = 'acme') => ({ workspaceName: 'Acme', workspaceSlug: slug, adminName: 'Ada Admin', email, password: TEST_PASSWORD });
  const sessionOf = (res: { cookies: { name: string; value: string }[]; json(): any }): Session => ({
    cookie: res.cookies.find((c) => c.name === 'kedu_session')!.value,
    csrf: res.json().csrfToken,
    userId: res.json().user.id,
  });
  const openDemo = () => t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('a fresh server needs setup and says which database it runs on', async () => {
    const res = await t.api('GET', '/api/v1/setup/status');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ needsSetup: true, demoEnabled: true, version: 'test', database: kind === 'pglite' ? 'embedded' : 'postgres' });
  });

  it('opening the demo twice gives the same demo workspace (20 people, 8 units) and does not count as setup', async () => {
    const first = await openDemo();
    const second = await openDemo();
    for (const res of [first, second]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().user).toMatchObject({ isDemo: true });
      expect(res.json().workspaces).toEqual([expect.objectContaining({ slug: 'demo', isDemo: true, role: 'admin' }), expect.objectContaining({ slug: 'demo-weishang', kind: 'solo', isDemo: true, role: 'admin' })]);
      expect(res.cookies.find((c) => c.name === 'kedu_session')?.httpOnly).toBe(true);
    }
    expect(second.json().workspaces[0].id).toBe(first.json().workspaces[0].id);
    const demo = sessionOf(second);
    const people = await sessionApi(t, demo, 'GET', '/api/v1/workspaces/demo/people?status=all&pageSize=200');
    expect(people.body.total).toBe(20);
    const units = await sessionApi(t, demo, 'GET', '/api/v1/workspaces/demo/units');
    expect(units.body).toHaveLength(8);
    const { rows } = await t.database.pool.query("select count(*)::int as n from workspaces where slug = 'demo'");
    expect(rows[0].n).toBe(1);
    expect((await t.api('GET', '/api/v1/setup/status')).body.needsSetup).toBe(true);
  });

  it('two setups at once: exactly one wins, the other gets 409 already_set_up', async () => {
    const race = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody('ada@acme.test') }),
      t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody('bob@acme.test', 'bobs') }),
    ]);
    const statuses = race.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = race.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.code).toBe('already_set_up');
    expect(loser.cookies).toEqual([]);
    const { rows } = await t.database.pool.query('select count(*)::int as n from users where not is_demo');
    expect(rows[0].n).toBe(1);
    const winner = race.find((r) => r.statusCode === 200)!;
    expect(winner.json().workspaces).toEqual([expect.objectContaining({ role: 'admin', isDemo: false })]);
    admin = sessionOf(winner);
    expect((await sessionApi(t, admin, 'GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('after setup the status says so, and a further setup → 409 already_set_up', async () => {
    expect((await t.api('GET', '/api/v1/setup/status')).body.needsSetup).toBe(false);
    const again = await t.api('POST', '/api/v1/setup', { body: setupBody('eve@acme.test', 'eve'), headers: { 'accept-language': 'zh-CN' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect(again.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const { rows } = await t.database.pool.query("select action from audit_log where action in ('setup.complete', 'workspace.create') order by id");
    expect(rows.map((r) => r.action)).toEqual(['setup.complete', 'workspace.create']);
  });

  it('creating a workspace makes its creator its administrator and first person', async () => {
    const res = await sessionApi(t, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Second Team' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ slug: 'second-team', name: 'Second Team', kind: 'team', role: 'admin', isDemo: false });
    const ws = await sessionApi(t, admin, 'GET', '/api/v1/workspaces/second-team');
    expect(ws.body).toMatchObject({ role: 'admin', personId: res.body.personId });
    const members = await sessionApi(t, admin, 'GET', '/api/v1/workspaces/second-team/members');
    expect(members.body).toEqual([expect.objectContaining({ userId: admin.userId, role: 'admin', personId: res.body.personId })]);
    const me = await sessionApi(t, admin, 'GET', '/api/v1/auth/me');
    expect(me.body.workspaces.map((w: { slug: string }) => w.slug)).toContain('second-team');
  });

  it('an explicit slug that is taken → 409; a name whose slug is taken gets a numbered one', async () => {
    const taken = (await sessionApi(t, admin, 'GET', '/api/v1/auth/me')).body.workspaces[0].slug as string;
    const conflict = await sessionApi(t, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Copy', slug: taken } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('name_taken');
    const demoSlug = await sessionApi(t, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Other', slug: 'demo' } });
    expect(demoSlug.status).toBe(409);
    const numbered = await sessionApi(t, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Second Team' } });
    expect(numbered.status).toBe(201);
    expect(numbered.body.slug).toBe('second-team-2');
  });

  it('a workspace named in Chinese gets a usable Latin slug', async () => {
    const res = await sessionApi(t, admin, 'POST', '/api/v1/workspaces', { body: { name: '华东销售团队', kind: 'solo' } });
    expect(res.status).toBe(201);
    expect(res.body.slug).toMatch(/^[a-z0-9][a-z0-9-]{1,39}$/);
    expect(res.body.kind).toBe('solo');
    expect((await sessionApi(t, admin, 'GET', `/api/v1/workspaces/${res.body.slug}`)).status).toBe(200);
  });
});

describeEachDatabase('demo switched off', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { KEDU_DEMO: 'off' });
  });
  afterAll(() => t?.close());

  it('status says demoEnabled false and POST /demo/open → 404 demo_disabled, creating nothing', async () => {
    expect((await t.api('GET', '/api/v1/setup/status')).body).toMatchObject({ demoEnabled: false, needsSetup: true });
    const res = await t.api('POST', '/api/v1/demo/open');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('demo_disabled');
    const { rows } = await t.database.pool.query('select count(*)::int as n from workspaces');
    expect(rows[0].n).toBe(0);
  });
});

describeEachDatabase('a real workspace with the slug "demo"', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('the demo still opens (its own workspace, never the real one), or the slug is refused up front', async () => {
    const setup = await t.api('POST', '/api/v1/setup', {
      body: { workspaceName: 'Demo Corp', workspaceSlug: 'demo', adminName: 'Dee', email: 'dee@demo-corp.test', password: TEST_PASSWORD },
    });
    expect([200, 400, 409], JSON.stringify(setup.body)).toContain(setup.status);
    const demo = await t.api('POST', '/api/v1/demo/open');
    expect(demo.status, JSON.stringify(demo.body)).toBe(200);
    expect(demo.body.workspaces).toEqual([expect.objectContaining({ isDemo: true }), expect.objectContaining({ isDemo: true, kind: 'solo' })]);
    if (setup.status === 200) expect(demo.body.workspaces[0].id).not.toBe(setup.body.workspaces[0].id);
  });
});
