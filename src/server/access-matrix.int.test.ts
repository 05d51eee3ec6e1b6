import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBody } from '../contracts/common.ts';
import { accessMatrix, CALLERS, type Ctx, defaultCode, type Req, type Who } from './testing/access-matrix.table.ts';
import { compareRouteTable, listApiRoutes, shortRoute } from './testing/api-routes.ts';
import { type Org, seedOrg } from './testing/fixtures.ts';
import { describeEachDatabase, startTestApp, type TestApp } from './testing/harness.ts';

/**
 * Every route × every kind of caller (see testing/access-matrix.table.ts for the table and
 * the rules it encodes). Allowed calls are made with valid bodies on fresh fixtures, so a
 * 2xx really is reached; refusals must carry the matching error code.
 */
type Case = { name: string; route: string; who: Who; status: number; code: string | undefined; req: (c: Ctx) => Promise<Req> | Req };

const cases: Case[] = [];
for (const [route, rule] of Object.entries(accessMatrix)) {
  for (const who of CALLERS) {
    const status = rule.status[who];
    cases.push({ name: `${who} ${shortRoute(route)} → ${status}`, route, who, status, code: rule.codes?.[who] ?? defaultCode[status], req: (c) => rule.req(c, who) });
  }
  for (const extra of rule.extra ?? []) {
    const name = `${extra.who} ${shortRoute(route)} (${extra.label}) → ${extra.status}`;
    cases.push({ name, route, who: extra.who, status: extra.status, code: extra.code ?? defaultCode[extra.status], req: extra.req });
  }
}

it('the matrix has a case for each of the five callers on every route', () => {
  for (const [route, rule] of Object.entries(accessMatrix)) expect(Object.keys(rule.status).sort(), route).toEqual([...CALLERS].sort());
});

describeEachDatabase('authorisation matrix', (kind) => {
  let t: TestApp;
  let org: Org;
  let ctx: Ctx;
  let counter = 0;
  beforeAll(async () => {
    t = await startTestApp(kind);
    org = await seedOrg(t);
    const tokens: Record<Who, string | undefined> = { ...org.tokens, other: org.tokens.otherAdmin, anonymous: undefined };
    ctx = { t, org, token: (who) => tokens[who], unique: (prefix) => `${prefix}-${++counter}` };
  });
  afterAll(() => t?.close());

  it('lists exactly the routes the app serves (new routes cannot skip the matrix)', async () => {
    const { unlisted, gone } = compareRouteTable(await listApiRoutes(t), Object.keys(accessMatrix));
    expect(unlisted, 'routes the app serves that the access matrix does not list').toEqual([]);
    expect(gone, 'routes in the access matrix that the app does not serve').toEqual([]);
  });

  it.each(cases)('$name', async ({ route, who, status, code, req }) => {
    const method = route.split(' ')[0] as 'GET';
    const request = await req(ctx);
    const token = ctx.token(who);
    const res = await t.app.inject({
      method,
      url: request.url,
      headers: { 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}), ...request.headers },
      payload: request.payload ?? (request.body as object | undefined),
    });
    expect(res.statusCode, `${method} ${request.url}: ${res.body.slice(0, 300)}`).toBe(status);
    if (code) {
      const body = errorBody.parse(res.json());
      expect(body.error.code).toBe(code);
    }
  });

  it('a refused write changes nothing: the other workspace cannot delete an acme unit', async () => {
    const unit = await t.api('POST', `/api/v1/workspaces/${org.ws}/units`, { token: org.tokens.admin, body: { name: 'still here' } });
    for (const token of [org.tokens.otherAdmin, org.tokens.manager, org.tokens.member]) {
      const res = await t.api('DELETE', `/api/v1/workspaces/${org.ws}/units/${unit.body.id}`, { token });
      expect([403, 404]).toContain(res.status);
    }
    const units = await t.api('GET', `/api/v1/workspaces/${org.ws}/units`, { token: org.tokens.admin });
    expect(units.body.map((u: { id: string }) => u.id)).toContain(unit.body.id);
  });

  it("filters cannot widen a manager's or member's view of people", async () => {
    const names = async (token: string, query: string) => {
      const res = await t.api('GET', `/api/v1/workspaces/${org.ws}/people?pageSize=200&${query}`, { token });
      expect(res.status).toBe(200);
      return res.body.items.map((p: { name: string }) => p.name) as string[];
    };
    expect(await names(org.tokens.manager, `unitId=${org.units.hr}`)).toEqual([]);
    expect(await names(org.tokens.manager, 'q=Hana')).toEqual([]);
    expect(await names(org.tokens.manager, 'status=all')).not.toContain('Hana HR');
    expect(await names(org.tokens.member, 'q=Erin')).toEqual([]);
    expect(await names(org.tokens.member, `unitId=${org.units.east}&status=all`)).toEqual(['Max Member']);
  });

  it("a manager's export holds only the people in their units", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${org.ws}/people/export?status=all`, headers: { authorization: `Bearer ${org.tokens.manager}` } });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    workbook.worksheets[0].eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toContain('Erin East');
    expect(names).toContain('Mia Manager');
    expect(names).not.toContain('Hana HR');
    expect(names).not.toContain('Ada Admin');
  });

  it('the other workspace sees its own workspace, and acme is absent from it', async () => {
    const me = await t.api('GET', '/api/v1/auth/me', { token: org.tokens.otherAdmin });
    const slugs = me.body.workspaces.map((w: { slug: string }) => w.slug);
    expect(slugs).toContain('elsewhere');
    expect(slugs).not.toContain('acme');
    const own = await t.api('GET', `/api/v1/workspaces/${org.otherWs}/units`, { token: org.tokens.otherAdmin });
    expect(own.status).toBe(200);
    expect(own.body).toEqual([]);
  });
});
