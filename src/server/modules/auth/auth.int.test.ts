import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Org, seedOrg, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { sessionApi, signInSession } from '../../testing/sessions.ts';

/** Signing in and out, /auth/me, changing the password, the login throttle and CSRF. */
describeEachDatabase('sign-in, sessions and CSRF', (kind) => {
  let t: TestApp;
  let org: Org;
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { 'accept-language': 'en', ...headers } });
  /** A fresh account in acme, so a test can change its password or exhaust its attempts alone. */
  const newAccount = async (local: string) => {
    const email = `${local}@acme.test`;
    const res = await t.api('POST', `/api/v1/workspaces/${org.ws}/members`, { token: org.tokens.admin, body: { email, name: local, role: 'member', password: TEST_PASSWORD } });
    expect(res.status).toBe(201);
    return email;
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
    org = await seedOrg(t);
  });
  afterAll(() => t?.close());

  it('signs in with an httpOnly, SameSite=Lax session cookie and answers with the user, workspaces and CSRF token', async () => {
    const res = await login('Admin@Acme.TEST', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kedu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 14 * 86_400 });
    expect(cookie?.secure).toBeFalsy(); // plain http in tests; KEDU_SECURE_COOKIES=auto
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'admin@acme.test', name: 'Ada Admin', isDemo: false });
    expect(body.workspaces).toEqual([expect.objectContaining({ slug: 'acme', role: 'admin' })]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('lists what the viewer may do in each workspace, from the same rules the routes are authorised by', async () => {
    const abilities = async (email: string) => (await login(email, TEST_PASSWORD)).json().workspaces[0].abilities as string[];
    const [admin, manager, member] = [await abilities('admin@acme.test'), await abilities('manager@acme.test'), await abilities('member@acme.test')];
    expect(admin).toEqual(expect.arrayContaining(['cycles.manage', 'members.manage', 'datasets.write', 'dashboard.company']));
    expect(manager).toEqual(expect.arrayContaining(['goals.write', 'dashboard.team', 'people.write']));
    expect(manager).not.toContain('cycles.manage');
    expect(member).toEqual(expect.arrayContaining(['goals.checkin', 'results.participate']));
    expect(member).not.toContain('people.write');
    expect(member).not.toContain('dashboard.team');
    // the workspace's own answer says the same
    const token = org.tokens.member;
    expect((await t.api('GET', `/api/v1/workspaces/${org.ws}`, { token })).body.abilities).toEqual(member);
  });

  it('a wrong password and an unknown email get the same 401 invalid_credentials, and no cookie', async () => {
    for (const language of ['en', 'zh-CN']) {
      const wrong = await login('member@acme.test', 'not the password', { 'accept-language': language });
      const unknown = await login('nobody@acme.test', TEST_PASSWORD, { 'accept-language': language });
      for (const res of [wrong, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('invalid_credentials');
        expect(res.cookies).toEqual([]);
      }
      expect(wrong.json().error.message).toBe(unknown.json().error.message);
    }
  });

  it('GET /auth/me: with the cookie (and its CSRF token), with a token (no CSRF token), anonymous → 401', async () => {
    const session = await signInSession(t, 'manager@acme.test');
    const viaCookie = await sessionApi(t, session, 'GET', '/api/v1/auth/me', { csrf: null });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body).toMatchObject({ user: { email: 'manager@acme.test' }, csrfToken: session.csrf });
    expect(viaCookie.body.workspaces).toEqual([expect.objectContaining({ slug: 'acme', role: 'manager', personId: org.people.manager })]);
    const viaToken = await t.api('GET', '/api/v1/auth/me', { token: org.tokens.manager });
    expect(viaToken.body).toMatchObject({ user: { email: 'manager@acme.test' }, csrfToken: null });
    const anonymous = await t.api('GET', '/api/v1/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });

  it.each([['Bearer'], ['Bearer '], ['Basic YWRtaW46cGFzcw=='], ['Bearer not-a-kedu-token'], ['Bearer kedu_forged0000000000000000']])(
    'an Authorization header %j that is not a valid token → 401',
    async (authorization) => {
      const res = await t.api('GET', '/api/v1/auth/me', { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    },
  );

  it('signs out: the cookie is cleared and the old cookie is refused afterwards', async () => {
    const session = await signInSession(t, 'member@acme.test');
    expect((await sessionApi(t, session, 'GET', '/api/v1/auth/me')).status).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { kedu_session: session.cookie }, headers: { 'x-csrf-token': session.csrf } });
    expect(out.statusCode).toBe(200);
    const cleared = out.cookies.find((c) => c.name === 'kedu_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
    const after = await sessionApi(t, session, 'GET', '/api/v1/auth/me');
    expect(after.status).toBe(401);
    const writeAfter = await sessionApi(t, session, 'POST', '/api/v1/auth/tokens', { body: { name: 'late' } });
    expect(writeAfter.status).toBe(401);
  });

  it('changes the password: wrong current → 400 at currentPassword; then old fails, new works, other sessions end, this one stays', async () => {
    const email = await newAccount('pat');
    const current = await signInSession(t, email);
    const other = await signInSession(t, email);
    const wrong = await sessionApi(t, current, 'POST', '/api/v1/auth/password', { body: { currentPassword: 'not it at all', newPassword: 'a new passphrase' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'currentPassword'], code: 'auth.wrong_password' })]);
    expect((await sessionApi(t, other, 'GET', '/api/v1/auth/me')).status).toBe(200); // a failed change signs nobody out

    const changed = await sessionApi(t, current, 'POST', '/api/v1/auth/password', { body: { currentPassword: TEST_PASSWORD, newPassword: 'a new passphrase' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await sessionApi(t, current, 'GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await sessionApi(t, other, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'a new passphrase')).statusCode).toBe(200);
  });

  it('throttles sign-in: after 5 failures for one email → 429 rate_limited with retry-after, even with the right password; other emails unaffected', async () => {
    const email = await newAccount('tess');
    for (let i = 1; i <= 5; i++) {
      const res = await login(email, `wrong ${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    for (const password of ['wrong 6', TEST_PASSWORD]) {
      const res = await login(email, password);
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.cookies).toEqual([]);
    }
    const differentCase = await login(email.toUpperCase(), TEST_PASSWORD);
    expect(differentCase.statusCode, 'the throttle is per email, whatever its case').toBe(429);
    expect((await login('member@acme.test', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('by default a client-sent X-Forwarded-For is not believed (the per-IP throttle and audit IPs must not be forgeable)', async () => {
    const spoofed = '203.0.113.77';
    await login('member@acme.test', 'spoofed attempt', { 'x-forwarded-for': spoofed });
    const { rows } = await t.database.pool.query("select ip from login_attempts where email = 'member@acme.test' order by id desc limit 1");
    expect(rows[0].ip).not.toBe(spoofed);
    expect((await login('member@acme.test', TEST_PASSWORD)).statusCode).toBe(200); // clears the failure
  });

  it('CSRF: a cookie-authenticated POST, PATCH or DELETE without or with a wrong x-csrf-token → 403 csrf_failed; with the right one → ok', async () => {
    const session = await signInSession(t, 'admin@acme.test');
    const token = await sessionApi(t, session, 'POST', '/api/v1/auth/tokens', { body: { name: 'for csrf' } });
    expect(token.status).toBe(201);
    const writes: [string, string, unknown, number][] = [
      ['POST', `/api/v1/workspaces/${org.ws}/units`, { name: 'CSRF unit' }, 201],
      ['PATCH', '/api/v1/auth/me', { locale: 'zh-CN' }, 200],
      ['DELETE', `/api/v1/auth/tokens/${token.body.id}`, undefined, 200],
    ];
    for (const [method, url, body, ok] of writes) {
      for (const csrf of [null, 'wrong-token', `${session.csrf}x`]) {
        const res = await sessionApi(t, session, method, url, { body, csrf });
        expect(res.status, `${method} ${url} with csrf ${csrf}`).toBe(403);
        expect(res.body.error.code).toBe('csrf_failed');
      }
      const res = await sessionApi(t, session, method, url, { body });
      expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBe(ok);
    }
    const units = await t.api('GET', `/api/v1/workspaces/${org.ws}/units`, { token: org.tokens.admin });
    expect(units.body.filter((u: { name: string }) => u.name === 'CSRF unit')).toHaveLength(1);
  });

  it("another session's CSRF token does not do", async () => {
    const mine = await signInSession(t, 'admin@acme.test');
    const theirs = await signInSession(t, 'manager@acme.test');
    const res = await sessionApi(t, mine, 'PATCH', '/api/v1/auth/me', { body: { locale: 'en' }, csrf: theirs.csrf });
    expect(res.status).toBe(403);
  });

  it('a Bearer-token write needs no CSRF header, and reads with a cookie need none', async () => {
    const res = await t.api('POST', `/api/v1/workspaces/${org.ws}/positions`, { token: org.tokens.admin, body: { name: 'Token position' } });
    expect(res.status).toBe(201);
    const session = await signInSession(t, 'admin@acme.test');
    expect((await sessionApi(t, session, 'GET', `/api/v1/workspaces/${org.ws}/positions`, { csrf: null })).status).toBe(200);
  });

  // the three encodings a cross-site <form> can send without a preflight
  it.each([
    ['application/x-www-form-urlencoded', `email=admin%40acme.test&password=${encodeURIComponent(TEST_PASSWORD)}`],
    ['text/plain', JSON.stringify({ email: 'admin@acme.test', password: TEST_PASSWORD })],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nadmin@acme.test\r\n--x--\r\n`],
  ])('an anonymous cross-site form (%s) posted to /auth/login is refused and signs nobody in', async (type, payload) => {
    const { rows: before } = await t.database.pool.query('select count(*)::int as n from sessions');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': type } });
    expect([403, 415]).toContain(res.statusCode);
    expect(['csrf_failed', 'unsupported_media_type']).toContain(res.json().error.code);
    expect(res.cookies).toEqual([]);
    const { rows: after } = await t.database.pool.query('select count(*)::int as n from sessions');
    expect(after[0].n).toBe(before[0].n);
  });
});
