import { expect } from 'vitest';
import type { Ctx, RouteRule } from './access-matrix.table.ts';

/**
 * The authorisation matrix of plans and goals: everyone reads them; admins write plans;
 * admins and managers (inside their units) set goals; owners check in on their own goals.
 * Merged into accessMatrix (access-matrix.table.ts).
 */
const ws = (c: Ctx, path: string) => `/api/v1/workspaces/${c.org.ws}${path}`;
const inWorkspace = (admin: number, manager: number, member: number) => ({ admin, manager, member, anonymous: 401, other: 404 });

async function adminCall(c: Ctx, method: string, path: string, body?: unknown) {
  const res = await c.t.api(method, ws(c, path), { token: c.org.tokens.admin, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}
const planBody = (name: string) => ({ name, startsOn: '2026-01-01', endsOn: '2027-12-31', reviewCadence: 'monthly', phases: [{ name: '启动期', startsOn: '2026-01-01', endsOn: '2026-03-31' }] });
const newPlan = async (c: Ctx) => (await adminCall(c, 'POST', '/plans', planBody(c.unique('plan')))).id as string;
const newIndicator = async (c: Ctx) => (await adminCall(c, 'POST', '/indicator-library/sales_amount/copy', { key: c.unique('sales').replace(/[^a-z0-9_-]/gi, '_').toLowerCase(), name: c.unique('销售额') })).id as string;

type Owner = { kind: 'company' } | { kind: 'unit'; unitId: string } | { kind: 'person'; personId: string };
async function goalBody(c: Ctx, owner: Owner, planId?: string) {
  return { planId: planId ?? (await newPlan(c)), owner, statement: '销售额达到 10 万元', indicatorId: await newIndicator(c), target: 100_000, startsOn: '2026-01-01', deadline: '2027-06-30', source: 'job_duties' };
}
const eastRep = (c: Ctx): Owner => ({ kind: 'person', personId: c.org.people.eastRep });
const newGoal = async (c: Ctx, owner: Owner) => (await adminCall(c, 'POST', '/goals', await goalBody(c, owner))).id as string;

export const goalRoutesMatrix: Record<string, RouteRule> = {
  'GET /api/v1/workspaces/{ws}/plans': { req: (c) => ({ url: ws(c, '/plans') }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/plans': { req: (c) => ({ url: ws(c, '/plans'), body: planBody(c.unique('plan')) }), status: inWorkspace(201, 403, 403) },
  'GET /api/v1/workspaces/{ws}/plans/{id}': { req: async (c) => ({ url: ws(c, `/plans/${await newPlan(c)}`) }), status: inWorkspace(200, 200, 200) },
  'PUT /api/v1/workspaces/{ws}/plans/{id}': { req: async (c) => ({ url: ws(c, `/plans/${await newPlan(c)}`), body: planBody(c.unique('renamed')) }), status: inWorkspace(200, 403, 403) },
  'DELETE /api/v1/workspaces/{ws}/plans/{id}': { req: async (c) => ({ url: ws(c, `/plans/${await newPlan(c)}`) }), status: inWorkspace(200, 403, 403) },
  'GET /api/v1/workspaces/{ws}/plans/{id}/goals': { req: async (c) => ({ url: ws(c, `/plans/${await newPlan(c)}/goals`) }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/plans/{id}/report': { req: async (c) => ({ url: ws(c, `/plans/${await newPlan(c)}/report`) }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/plans/{id}/export': { req: async (c) => ({ url: ws(c, `/plans/${await newPlan(c)}/export`) }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/plans/import': {
    req: (c) => ({ url: ws(c, '/plans/import'), body: { format: 'kedu.plan/v1', plan: { name: c.unique('imported'), startsOn: '2027-01-01', endsOn: '2027-12-31' }, goals: [] } }),
    status: inWorkspace(201, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/goals': {
    req: async (c) => ({ url: ws(c, '/goals'), body: await goalBody(c, eastRep(c)) }),
    status: inWorkspace(201, 201, 403),
    extra: [
      { who: 'manager', label: 'a company goal', status: 403, req: async (c) => ({ url: ws(c, '/goals'), body: await goalBody(c, { kind: 'company' }) }) },
      { who: 'manager', label: 'a goal outside their units', status: 403, req: async (c) => ({ url: ws(c, '/goals'), body: await goalBody(c, { kind: 'person', personId: c.org.people.hrPerson }) }) },
    ],
  },
  'POST /api/v1/workspaces/{ws}/goals/smart-check': { req: (c) => ({ url: ws(c, '/goals/smart-check'), body: { statement: '提升品牌知名度' } }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/goals/{id}': { req: async (c) => ({ url: ws(c, `/goals/${await newGoal(c, eastRep(c))}`) }), status: inWorkspace(200, 200, 200) },
  'PUT /api/v1/workspaces/{ws}/goals/{id}': {
    req: async (c) => {
      const body = await goalBody(c, { kind: 'unit', unitId: c.org.units.east });
      const id = (await adminCall(c, 'POST', '/goals', body)).id as string;
      const { planId: _plan, ...update } = body;
      return { url: ws(c, `/goals/${id}`), body: { ...update, statement: '销售额达到 10 万元（华东区）' } };
    },
    status: inWorkspace(200, 200, 403),
  },
  'DELETE /api/v1/workspaces/{ws}/goals/{id}': { req: async (c) => ({ url: ws(c, `/goals/${await newGoal(c, eastRep(c))}`) }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/goals/{id}/check-ins': {
    req: async (c) => ({ url: ws(c, `/goals/${await newGoal(c, { kind: 'person', personId: c.org.people.member })}/check-ins`), body: { value: 100, comment: '进展' } }),
    status: inWorkspace(201, 201, 201),
    extra: [{ who: 'member', label: "a colleague's goal", status: 403, req: async (c) => ({ url: ws(c, `/goals/${await newGoal(c, eastRep(c))}/check-ins`), body: { value: 100 } }) }],
  },
};
