import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { errorBody } from '../contracts/common.ts';
import { type Org, seedOrg } from './testing/fixtures.ts';
import { type ApiResponse, describeEachDatabase, startTestApp, type TestApp } from './testing/harness.ts';
import { type Session, sessionApi, signInSession, writeFingerprint } from './testing/sessions.ts';

/**
 * Bad requests of every form, whatever the route: malformed or empty JSON, other content
 * types, wrong types, unknown fields, oversized bodies, bodies where none belongs, and the
 * order of checks (who you are before what you sent). Always a located 4xx, never a 500,
 * and nothing written.
 */
describeEachDatabase('bad input of every form', (kind) => {
  let t: TestApp;
  let org: Org;
  let units: string;
  let before: Record<string, unknown>;
  let session: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    org = await seedOrg(t);
    units = `/api/v1/workspaces/${org.ws}/units`;
    session = await signInSession(t, 'admin@acme.test');
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    before = await writeFingerprint(t);
  });
  const nothingWritten = async () => expect(await writeFingerprint(t), 'nothing was written').toEqual(before);

  const raw = async (method: string, url: string, payload: string | Buffer | undefined, headers: Record<string, string>): Promise<ApiResponse> => {
    const res = await t.app.inject({ method: method as 'POST', url, payload, headers: { 'accept-language': 'en', authorization: `Bearer ${org.tokens.admin}`, ...headers } });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };
  const expectError = (res: ApiResponse, status: number, code: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(errorBody.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
    expect(res.body.error.code).toBe(code);
  };

  it('malformed JSON → 400 bad_request located at the body, in the request language', async () => {
    const en = await raw('POST', units, '{"name": "Sales", ', { 'content-type': 'application/json' });
    expectError(en, 400, 'bad_request');
    expect(en.body.error.details).toEqual([expect.objectContaining({ path: ['body'], code: 'request.invalid_json' })]);
    expect(en.body.error.details[0].message).toMatch(/not valid JSON/);
    const zh = await raw('PATCH', `${units}/${org.units.east}`, "{'name': 'x'}", { 'content-type': 'application/json', 'accept-language': 'zh-CN' });
    expectError(zh, 400, 'bad_request');
    expect(zh.body.error.details[0].message).toMatch(/JSON/);
    expect(zh.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    await nothingWritten();
  });

  it('a truncated upload is a 400 in the request language, not a server error', async () => {
    const truncated = '--cut\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\n\r\n姓名\n张三';
    const res = await raw('POST', `/api/v1/workspaces/${org.ws}/people/import?dryRun=false`, truncated, {
      'content-type': 'multipart/form-data; boundary=cut',
      'accept-language': 'zh-CN',
    });
    expectError(res, 400, 'bad_request');
    expect(res.body.error.details[0]).toMatchObject({ path: ['body', 'file'], code: 'request.upload_incomplete' });
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    await nothingWritten();
  });

  it('an empty body with a JSON content type → 400 bad_request located at the body', async () => {
    const res = await raw('POST', units, '', { 'content-type': 'application/json' });
    expectError(res, 400, 'bad_request');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['body'], code: 'request.empty_json' })]);
    await nothingWritten();
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"name":"Sales"}]'],
    ['a string', '"Sales"'],
  ])('a JSON body that is %s instead of an object → 400 located at the body', async (_what, payload) => {
    const res = await raw('POST', units, payload, { 'content-type': 'application/json' });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details.map((d: { path: string[] }) => d.path)).toEqual([['body']]);
    await nothingWritten();
  });

  it('a form-encoded body → 415 unsupported_media_type', async () => {
    expectError(await raw('POST', units, 'name=Sales', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    await nothingWritten();
  });

  it('the 415 message of a JSON route asks for JSON, not for a spreadsheet upload', async () => {
    const res = await raw('PATCH', `${units}/${org.units.east}`, 'name=Sales', { 'content-type': 'application/x-www-form-urlencoded' });
    expectError(res, 415, 'unsupported_media_type');
    expect(res.body.error.message).toMatch(/json/i);
    expect(res.body.error.message).not.toMatch(/xlsx|csv/i);
  });

  it('a JSON-looking text/plain body → 415 unsupported_media_type (writes are JSON only)', async () => {
    expectError(await raw('POST', units, '{"name":"Sales"}', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    await nothingWritten();
  });

  it('a JSON body over the 1 MB limit → 413 payload_too_large naming that limit', async () => {
    const res = await raw('POST', units, JSON.stringify({ name: 'x', pad: 'p'.repeat(1_100_000) }), { 'content-type': 'application/json' });
    expectError(res, 413, 'payload_too_large');
    expect(res.body.error.message).toMatch(/\b1 MB\b/);
    await nothingWritten();
  });

  it('a value of the wrong type is reported as such, not as "required"', async () => {
    const res = await t.api('POST', units, { token: org.tokens.admin, body: { name: 42, sortOrder: '3' } });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['body', 'name'], code: 'field.invalid_type' }),
        expect.objectContaining({ path: ['body', 'sortOrder'], code: 'field.invalid_type' }),
      ]),
    );
    await nothingWritten();
  });

  it('a missing required field is "required", located at the field', async () => {
    const res = await t.api('POST', `/api/v1/workspaces/${org.ws}/people`, { token: org.tokens.admin, body: { email: 'nameless@acme.test' } });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'name'], code: 'field.required', message: 'Required' })]);
    await nothingWritten();
  });

  it('an unknown field is refused and named (the schemas are strict)', async () => {
    const res = await t.api('PATCH', `${units}/${org.units.east}`, { token: org.tokens.admin, body: { name: 'East', colour: 'red' } });
    expectError(res, 400, 'validation_failed');
    const [detail] = res.body.error.details;
    expect(detail.code).toBe('field.unknown_key');
    // the field is named either by the path or in the message
    expect(detail.path.at(-1) === 'colour' || detail.message.includes('colour'), JSON.stringify(detail)).toBe(true);
    await nothingWritten();
  });

  it('a malformed email of a person is reported as an invalid email', async () => {
    const res = await t.api('POST', `/api/v1/workspaces/${org.ws}/people`, { token: org.tokens.admin, body: { name: 'Pat', email: 'pat-at-acme' } });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'email'], code: 'field.invalid_email' })]);
    await nothingWritten();
  });

  it('a body on a DELETE is refused, and the unit is not deleted', async () => {
    const created = await t.api('POST', units, { token: org.tokens.admin, body: { name: 'Temp' } });
    before = await writeFingerprint(t);
    const res = await t.api('DELETE', `${units}/${created.body.id}`, { token: org.tokens.admin, body: { cascade: true } });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    await nothingWritten();
  });

  it('a bad query string → 400 located in the querystring', async () => {
    const res = await t.api('GET', `/api/v1/workspaces/${org.ws}/people?pageSize=1000&status=gone`, { token: org.tokens.admin });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details.map((d: { path: string[] }) => d.path)).toEqual(expect.arrayContaining([['querystring', 'pageSize'], ['querystring', 'status']]));
  });

  it('an unknown route → 404 not_found in the request language', async () => {
    const zh = await t.api('POST', '/api/v1/nothing-here', { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' }, body: {} });
    expectError(zh, 404, 'not_found');
    expect(zh.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('zh-CN and en messages for the same bad request', async () => {
    const body = { name: '', sortOrder: -5 };
    const zh = await t.api('POST', units, { token: org.tokens.admin, body, headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    const en = await t.api('POST', units, { token: org.tokens.admin, body, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(zh.body.error.message).toBe('提交的数据有 2 处问题，请按提示修改后重试。');
    expect(en.body.error.message).toBe('The request has 2 problem(s); correct them as described and try again.');
    expect(zh.body.error.details.map((d: { message: string }) => d.message).sort()).toEqual(['不能小于 0', '必填项']);
    expect(en.body.error.details.map((d: { message: string }) => d.message).sort()).toEqual(['Must not be less than 0', 'Required']);
  });

  it('who you are is checked before what you sent: anonymous + a bad body → 401', async () => {
    const res = await t.api('POST', units, { body: { name: 42 } });
    expectError(res, 401, 'unauthenticated');
  });

  it('a session write without its CSRF token + a bad body → 403 csrf_failed', async () => {
    const res = await sessionApi(t, session, 'POST', units, { body: { name: 42 }, csrf: null });
    expectError(res, 403, 'csrf_failed');
  });

  it('a non-member + a bad body → 404, the workspace is not revealed', async () => {
    const res = await t.api('PATCH', `${units}/${org.units.east}`, { token: org.tokens.otherAdmin, body: { status: 'nope' } });
    expectError(res, 404, 'not_found');
  });
});
