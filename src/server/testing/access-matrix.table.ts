import { expect } from 'vitest';
import { type Org, TEST_PASSWORD } from './fixtures.ts';
import type { TestApp } from './harness.ts';
import { multipartFile } from './sessions.ts';

/**
 * The authorisation matrix: for every route of the API, what each kind of caller gets.
 * `other` is the administrator of the workspace "elsewhere", who is not a member of acme.
 * A route missing from this table fails access-matrix.int.test.ts.
 */
export type Who = 'admin' | 'manager' | 'member' | 'anonymous' | 'other';
export const CALLERS: readonly Who[] = ['admin', 'manager', 'member', 'anonymous', 'other'];

export type Ctx = { t: TestApp; org: Org; token(who: Who): string | undefined; unique(prefix: string): string };
export type Req = { url: string; body?: unknown; payload?: Buffer | string; headers?: Record<string, string> };
/** A further case for one caller, e.g. a manager reaching a person outside their units. */
export type ExtraCase = { who: Who; label: string; status: number; code?: string; req: (c: Ctx) => Promise<Req> | Req };
export type RouteRule = {
  /** A valid request for this caller, built on fresh fixtures when it writes. */
  req: (c: Ctx, who: Who) => Promise<Req> | Req;
  status: Record<Who, number>;
  codes?: Partial<Record<Who, string>>;
  extra?: ExtraCase[];
};

const ws = (c: Ctx, path: string) => `/api/v1/workspaces/${c.org.ws}${path}`;

async function adminCreates(c: Ctx, path: string, body: unknown): Promise<any> {
  const res = await c.t.api('POST', ws(c, path), { token: c.org.tokens.admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const newUnit = async (c: Ctx) => (await adminCreates(c, '/units', { name: c.unique('unit') })).id as string;
const newPosition = async (c: Ctx) => (await adminCreates(c, '/positions', { name: c.unique('position') })).id as string;
const newPerson = async (c: Ctx, unitId: string) => (await adminCreates(c, '/people', { name: c.unique('person'), unitId })).id as string;
const newMember = async (c: Ctx) =>
  (await adminCreates(c, '/members', { email: `${c.unique('m')}@acme.test`, name: 'Temp Member', role: 'member', password: TEST_PASSWORD })).userId as string;
const indicatorBody = (name: string) => ({
  name,
  purpose: 'Why it is measured',
  perspective: 'customer',
  kind: 'result',
  nature: 'management',
  unit: '%',
  direction: 'higher',
  formula: 'orders/visitors*100%',
  terms: [
    { name: 'orders', definition: 'Paid orders in the period' },
    { name: 'visitors', definition: 'Distinct visitors in the period' },
  ],
  period: 'month',
  rollUp: 'recompute',
});
const newIndicator = async (c: Ctx) => (await adminCreates(c, '/indicators', indicatorBody(c.unique('indicator')))).id as string;
async function newTokenOf(c: Ctx, who: Who): Promise<string> {
  const res = await c.t.api('POST', '/api/v1/auth/tokens', { token: c.token(who) ?? c.org.tokens.admin, body: { name: c.unique('token') } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const EMAIL: Record<Who, string> = {
  admin: 'admin@acme.test',
  manager: 'manager@acme.test',
  member: 'member@acme.test',
  anonymous: 'member@acme.test',
  other: 'other@else.test',
};

const everyone = (status: number) => ({ admin: status, manager: status, member: status, anonymous: status, other: status });
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
/** A route of acme: a non-member is told it does not exist, an anonymous caller to sign in. */
const inWorkspace = (admin: number, manager: number, member: number) => ({ admin, manager, member, anonymous: 401, other: 404 });

export const accessMatrix: Record<string, RouteRule> = {
  'GET /healthz': { req: () => ({ url: '/healthz' }), status: everyone(200) },
  'GET /api/v1/setup/status': { req: () => ({ url: '/api/v1/setup/status' }), status: everyone(200) },
  'POST /api/v1/setup': {
    req: (c) => ({ url: '/api/v1/setup', body: { workspaceName: 'Again', adminName: 'Eve', email: `${c.unique('setup')}@x.test`, password: TEST_PASSWORD } }),
    status: everyone(409),
    codes: { admin: 'already_set_up', manager: 'already_set_up', member: 'already_set_up', anonymous: 'already_set_up', other: 'already_set_up' },
  },
  'POST /api/v1/demo/open': { req: () => ({ url: '/api/v1/demo/open' }), status: everyone(200) },
  'POST /api/v1/workspaces': { req: (c) => ({ url: '/api/v1/workspaces', body: { name: c.unique('Workspace') } }), status: signedIn(201) },
  'POST /api/v1/auth/login': { req: (_c, who) => ({ url: '/api/v1/auth/login', body: { email: EMAIL[who], password: TEST_PASSWORD } }), status: everyone(200) },
  'POST /api/v1/auth/logout': { req: () => ({ url: '/api/v1/auth/logout' }), status: everyone(200) },
  'GET /api/v1/auth/me': { req: () => ({ url: '/api/v1/auth/me' }), status: signedIn(200) },
  'PATCH /api/v1/auth/me': { req: () => ({ url: '/api/v1/auth/me', body: { locale: 'en' } }), status: signedIn(200) },
  'POST /api/v1/auth/password': {
    req: () => ({ url: '/api/v1/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }),
    status: signedIn(200),
  },
  'GET /api/v1/auth/tokens': { req: () => ({ url: '/api/v1/auth/tokens' }), status: signedIn(200) },
  'POST /api/v1/auth/tokens': { req: (c) => ({ url: '/api/v1/auth/tokens', body: { name: c.unique('token') } }), status: signedIn(201) },
  'DELETE /api/v1/auth/tokens/{id}': {
    req: async (c, who) => ({ url: `/api/v1/auth/tokens/${await newTokenOf(c, who)}` }),
    status: signedIn(200),
    extra: [{ who: 'admin', label: "another user's token", status: 404, req: async (c) => ({ url: `/api/v1/auth/tokens/${await newTokenOf(c, 'manager')}` }) }],
  },

  'GET /api/v1/workspaces/{ws}': { req: (c) => ({ url: ws(c, '') }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/units': { req: (c) => ({ url: ws(c, '/units') }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/units': { req: (c) => ({ url: ws(c, '/units'), body: { name: c.unique('unit') } }), status: inWorkspace(201, 403, 403) },
  'PATCH /api/v1/workspaces/{ws}/units/{id}': {
    req: async (c) => ({ url: ws(c, `/units/${await newUnit(c)}`), body: { name: c.unique('renamed') } }),
    status: inWorkspace(200, 403, 403),
  },
  'DELETE /api/v1/workspaces/{ws}/units/{id}': { req: async (c) => ({ url: ws(c, `/units/${await newUnit(c)}`) }), status: inWorkspace(200, 403, 403) },
  'GET /api/v1/workspaces/{ws}/positions': { req: (c) => ({ url: ws(c, '/positions') }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/positions': { req: (c) => ({ url: ws(c, '/positions'), body: { name: c.unique('position') } }), status: inWorkspace(201, 403, 403) },
  'PATCH /api/v1/workspaces/{ws}/positions/{id}': {
    req: async (c) => ({ url: ws(c, `/positions/${await newPosition(c)}`), body: { description: 'changed' } }),
    status: inWorkspace(200, 403, 403),
  },
  'DELETE /api/v1/workspaces/{ws}/positions/{id}': {
    req: async (c) => ({ url: ws(c, `/positions/${await newPosition(c)}`) }),
    status: inWorkspace(200, 403, 403),
  },

  'GET /api/v1/workspaces/{ws}/people': { req: (c) => ({ url: ws(c, '/people') }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/people/{id}': {
    // each caller asks for someone they may see: admin anyone, manager someone in 销售部's subtree, member themselves
    req: (c, who) => ({ url: ws(c, `/people/${who === 'admin' ? c.org.people.hrPerson : who === 'member' ? c.org.people.member : c.org.people.eastRep}`) }),
    status: inWorkspace(200, 200, 200),
    extra: [
      { who: 'manager', label: 'someone in 华南区 (below 销售部)', status: 200, req: (c) => ({ url: ws(c, `/people/${c.org.people.southRep}`) }) },
      { who: 'manager', label: 'someone in 人力资源部 (outside their units)', status: 404, req: (c) => ({ url: ws(c, `/people/${c.org.people.hrPerson}`) }) },
      { who: 'member', label: 'a colleague', status: 404, req: (c) => ({ url: ws(c, `/people/${c.org.people.eastRep}`) }) },
      { who: 'member', label: 'their manager', status: 404, req: (c) => ({ url: ws(c, `/people/${c.org.people.manager}`) }) },
    ],
  },
  'POST /api/v1/workspaces/{ws}/people': {
    req: (c, who) => ({ url: ws(c, '/people'), body: { name: c.unique('new person'), unitId: who === 'admin' ? c.org.units.hr : c.org.units.east } }),
    status: inWorkspace(201, 201, 403),
    extra: [
      { who: 'manager', label: 'into 人力资源部', status: 403, req: (c) => ({ url: ws(c, '/people'), body: { name: c.unique('hr hire'), unitId: c.org.units.hr } }) },
      { who: 'manager', label: 'without a unit', status: 403, req: (c) => ({ url: ws(c, '/people'), body: { name: c.unique('nowhere') } }) },
      { who: 'member', label: 'without a unit', status: 403, req: (c) => ({ url: ws(c, '/people'), body: { name: c.unique('nowhere') } }) },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/people/{id}': {
    // a fresh person in 华东区: in the manager's scope, not the member themselves
    req: async (c) => ({ url: ws(c, `/people/${await newPerson(c, c.org.units.east)}`), body: { employeeNo: c.unique('E') } }),
    status: inWorkspace(200, 200, 404),
    extra: [
      { who: 'manager', label: 'someone in 人力资源部', status: 404, req: async (c) => ({ url: ws(c, `/people/${await newPerson(c, c.org.units.hr)}`), body: { employeeNo: 'X1' } }) },
      { who: 'manager', label: 'moving someone into 人力资源部', status: 403, req: async (c) => ({ url: ws(c, `/people/${await newPerson(c, c.org.units.east)}`), body: { unitId: c.org.units.hr } }) },
      { who: 'manager', label: 'moving someone within 销售部', status: 200, req: async (c) => ({ url: ws(c, `/people/${await newPerson(c, c.org.units.east)}`), body: { unitId: c.org.units.south } }) },
      { who: 'member', label: 'themselves', status: 403, req: (c) => ({ url: ws(c, `/people/${c.org.people.member}`), body: { employeeNo: 'SELF' } }) },
      { who: 'admin', label: 'someone in 人力资源部', status: 200, req: async (c) => ({ url: ws(c, `/people/${await newPerson(c, c.org.units.hr)}`), body: { employeeNo: 'X2' } }) },
    ],
  },

  'GET /api/v1/workspaces/{ws}/members': { req: (c) => ({ url: ws(c, '/members') }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/members': {
    req: (c) => ({ url: ws(c, '/members'), body: { email: `${c.unique('new')}@acme.test`, name: 'New Member', role: 'member', password: TEST_PASSWORD } }),
    status: inWorkspace(201, 403, 403),
  },
  'PATCH /api/v1/workspaces/{ws}/members/{userId}': {
    req: async (c) => ({ url: ws(c, `/members/${await newMember(c)}`), body: { role: 'manager' } }),
    status: inWorkspace(200, 403, 403),
  },
  'DELETE /api/v1/workspaces/{ws}/members/{userId}': { req: async (c) => ({ url: ws(c, `/members/${await newMember(c)}`) }), status: inWorkspace(200, 403, 403) },
  'GET /api/v1/workspaces/{ws}/audit': { req: (c) => ({ url: ws(c, '/audit') }), status: inWorkspace(200, 403, 403) },

  'GET /api/v1/workspaces/{ws}/indicators': { req: (c) => ({ url: ws(c, '/indicators?perspective=customer') }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/indicators/{id}': { req: async (c) => ({ url: ws(c, `/indicators/${await newIndicator(c)}`) }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/indicators': { req: (c) => ({ url: ws(c, '/indicators'), body: indicatorBody(c.unique('indicator')) }), status: inWorkspace(201, 403, 403) },
  'PATCH /api/v1/workspaces/{ws}/indicators/{id}': {
    req: async (c) => ({ url: ws(c, `/indicators/${await newIndicator(c)}`), body: { purpose: 'A clearer purpose' } }),
    status: inWorkspace(200, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/indicators/{id}/copy': {
    req: async (c) => ({ url: ws(c, `/indicators/${await newIndicator(c)}/copy`), body: { name: c.unique('copy') } }),
    status: inWorkspace(201, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/indicators/{id}/archive': { req: async (c) => ({ url: ws(c, `/indicators/${await newIndicator(c)}/archive`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/indicators/{id}/restore': { req: async (c) => ({ url: ws(c, `/indicators/${await newIndicator(c)}/restore`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/indicators/check-formula': {
    req: (c) => ({ url: ws(c, '/indicators/check-formula'), body: { formula: 'a/b', terms: ['a', 'b'] } }),
    status: inWorkspace(200, 200, 200),
  },
  'GET /api/v1/workspaces/{ws}/indicator-library': { req: (c) => ({ url: ws(c, '/indicator-library') }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/indicator-library/{key}/copy': {
    req: (c) => ({ url: ws(c, '/indicator-library/conversion_rate/copy'), body: { name: c.unique('转化率') } }),
    status: inWorkspace(201, 403, 403),
    extra: [{ who: 'admin', label: 'a key the library does not have', status: 404, req: (c) => ({ url: ws(c, '/indicator-library/no_such_indicator/copy') }) }],
  },

  'GET /api/v1/workspaces/{ws}/people/export': { req: (c) => ({ url: ws(c, '/people/export') }), status: inWorkspace(200, 200, 403) },
  'GET /api/v1/workspaces/{ws}/people/import-template': { req: (c) => ({ url: ws(c, '/people/import-template') }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/people/import': {
    req: (c) => {
      const { payload, headers } = multipartFile('file', 'people.csv', `姓名,部门\n${c.unique('导入')},人力资源部\n`);
      return { url: ws(c, '/people/import?dryRun=true'), payload, headers };
    },
    status: inWorkspace(200, 403, 403),
  },
};

export const defaultCode: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };
