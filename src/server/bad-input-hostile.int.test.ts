import { expect, it } from 'vitest';
import { errorBody } from '../contracts/common.ts';
import { MAX_JSON_DEPTH } from './http/input-guards.ts';
import { badInputCases } from './testing/bad-input.cases.ts';
import type { Org } from './testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from './testing/harness.ts';
import { useSeededOrg } from './testing/seeded-org.ts';
import { writeFingerprint } from './testing/sessions.ts';

/**
 * Hostile input on every route (issue 13): a NUL character in any JSON body or query string and a
 * JSON body nested thousands deep are a located 400 — never a 500 — and write nothing. The routes
 * come from the app's own OpenAPI document, so a new route is covered without being listed.
 */
type Operation = { requestBody?: { content?: Record<string, unknown> }; parameters?: { in: string; name: string }[] };
type Route = { method: string; path: string; op: Operation };

const NO_ID = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('hostile input on every route', (kind) => {
  let t: TestApp;
  let org: Org;
  let routes: Route[] = [];
  useSeededOrg(kind, async (app, seeded) => {
    t = app;
    org = seeded;
    const doc = (await t.api('GET', '/api/docs/json')).body as { paths: Record<string, Record<string, Operation>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
  });

  /** A route's URL with well-formed path parameters: the admin's workspace, an id that names nothing, the sample's own words for the rest. */
  const urlOf = (r: Route) => {
    const sample = badInputCases[`${r.method} ${r.path}`]?.req(org).url.split('?')[0];
    if (sample && !sample.includes('not-a-uuid')) return sample;
    return r.path.replace('{ws}', org.ws).replace(/\{[^}]+\}/g, NO_ID);
  };
  const isPublic = (r: Route) => /^\/api\/v1\/(setup|auth\/login|demo)/.test(r.path);
  const send = (r: Route, url: string, payload?: string) =>
    t.app.inject({
      method: r.method as 'POST',
      url,
      headers: { 'accept-language': 'en', ...(isPublic(r) ? {} : { authorization: `Bearer ${org.tokens.admin}` }), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      payload,
    });
  const jsonWrites = () => routes.filter((r) => r.method !== 'GET' && r.op.requestBody?.content?.['application/json']);

  it('finds the JSON write routes and the routes with a query string in the API document', () => {
    expect(jsonWrites().length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.op.parameters?.some((p) => p.in === 'query')).length).toBeGreaterThan(15);
  });

  it('refuses a NUL character in any JSON body with a 400 at its field and character, writing nothing', async () => {
    const before = await writeFingerprint(t);
    const wrong: string[] = [];
    for (const r of jsonWrites()) {
      const res = await send(r, urlOf(r), JSON.stringify({ note: 'ab\u0000c' }));
      const body = errorBody.safeParse(res.json());
      const detail = body.data?.error.details.find((d) => d.code === 'field.nul_byte');
      if (res.statusCode !== 400 || !detail || detail.path?.join('.') !== 'body.note' || detail.start !== 2) wrong.push(`${r.method} ${r.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(await writeFingerprint(t)).toEqual(before);
  });

  it('refuses a NUL character in any query parameter with a 400 located in the query string', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      for (const p of r.op.parameters?.filter((q) => q.in === 'query') ?? []) {
        const res = await send(r, `${urlOf(r)}?${encodeURIComponent(p.name)}=x%00`);
        const detail = errorBody.safeParse(res.json()).data?.error.details.find((d) => d.code === 'field.nul_byte');
        // a route that also takes a body has it validated first: its missing body is the 400 then
        const located = r.op.requestBody !== undefined || detail?.path?.join('.') === `querystring.${p.name}`;
        if (res.statusCode !== 400 || !located) wrong.push(`${r.method} ${r.path} ?${p.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a NUL character in the named fields that gave a 500 (unit, person, plan names), and in ?q= and ?actor=', async () => {
    const token = org.tokens.member;
    const admin = org.tokens.admin;
    const cases = [
      { url: `/api/v1/workspaces/${org.ws}/units`, body: { name: '销售\u0000部' }, at: 'body.name', token: admin },
      { url: `/api/v1/workspaces/${org.ws}/people`, body: { name: 'Do\u0000ra' }, at: 'body.name', token: admin },
      { url: `/api/v1/workspaces/${org.ws}/plans`, body: { name: '计划\u0000', startsOn: '2026-01-01', endsOn: '2026-12-31' }, at: 'body.name', token: admin },
    ];
    for (const c of cases) {
      const res = await t.api('POST', c.url, { body: c.body, token: c.token });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details.map((d: { path: string[]; code: string }) => `${d.path.join('.')} ${d.code}`)).toEqual([`${c.at} field.nul_byte`]);
    }
    for (const url of [`/api/v1/workspaces/${org.ws}/people?q=%00`, `/api/v1/workspaces/${org.ws}/audit?actor=%00`]) {
      const res = await t.api('GET', url, { token: url.includes('audit') ? admin : token });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details[0].code).toBe('field.nul_byte');
    }
  });

  it('refuses a NUL character in a key, and in a string deep inside an array, naming where', async () => {
    const res = await t.api('POST', `/api/v1/workspaces/${org.ws}/plans/import`, { body: { format: 'kedu.plan/v1', goals: [{ statement: 'x' }, { statement: 'y\u0000' }], 'bad\u0000key': 1 }, token: org.tokens.admin });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const located = (res.body.error.details as { path: unknown[]; code: string }[]).map((d) => [d.path, d.code]);
    expect(located).toEqual(expect.arrayContaining([[['body', 'goals', 1, 'statement'], 'field.nul_byte'], [['body', 'bad\u0000key'], 'field.nul_byte']]));
  });

  it('refuses JSON nested deeper than the limit on every JSON write route, before parsing it', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const wrong: string[] = [];
    for (const r of jsonWrites()) {
      const res = await send(r, urlOf(r), deep);
      const detail = errorBody.safeParse(res.json()).data?.error.details[0];
      if (res.statusCode !== 400 || detail?.code !== 'request.too_deep' || detail.start !== MAX_JSON_DEPTH * 5) wrong.push(`${r.method} ${r.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('still takes JSON nested up to the limit (a plan file nests far less)', async () => {
    // the body's own object is one level, so the array may nest one less
    const nested = `${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}`;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/workspaces/${org.ws}/plans/import`, headers: { authorization: `Bearer ${org.tokens.admin}`, 'content-type': 'application/json' }, payload: `{"format":${nested}}` });
    // one level deeper than the limit would be request.too_deep; this one reaches the plan file's own validation
    expect(res.statusCode).not.toBe(500);
    expect(res.json().error.details.map((d: { code: string }) => d.code)).not.toContain('request.too_deep');
  });

  it.each(['2026-02-30', '2026-13-01', '9999-99-99', '0000-00-00', '0099-06-01'])('answers the impossible date %s with a located 400 on metric values, goals and people', async (day) => {
    const codes = (res: { body: { error: { details: { path: unknown[]; code: string }[] } } }) => res.body.error.details.map((d) => `${d.path.join('.')} ${d.code}`);
    const expected = day.startsWith('0099') ? 'field.date_out_of_range' : 'field.invalid_date';
    const values = await t.api('GET', `/api/v1/workspaces/${org.ws}/metrics/${NO_ID}/values?from=${day}`, { token: org.tokens.admin });
    expect(values.status).toBe(400);
    expect(codes(values)).toEqual([`querystring.from ${expected}`]);
    const person = await t.api('POST', `/api/v1/workspaces/${org.ws}/people`, { body: { name: 'Dora', joinedOn: day }, token: org.tokens.admin });
    expect(person.status).toBe(400);
    expect(codes(person)).toEqual([`body.joinedOn ${expected}`]);
    const goal = await t.api('POST', `/api/v1/workspaces/${org.ws}/goals`, { body: { statement: 'Sell more', startsOn: day, deadline: '2026-12-31' }, token: org.tokens.admin });
    expect(goal.status).toBe(400);
    expect(codes(goal)).toContain(`body.startsOn ${expected}`);
  });
});
