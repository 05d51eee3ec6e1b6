import { expect } from 'vitest';
import { type Org, TEST_PASSWORD } from './fixtures.ts';
import type { TestApp } from './harness.ts';
import { type CycleStage, seedAppraisal } from './appraisal-fixtures.ts';
import { multipartFile } from './sessions.ts';
import { dashboardRoutesMatrix } from './access-matrix.dashboard.ts';
import { dataRoutesMatrix } from './access-matrix.data.ts';
import { goalRoutesMatrix } from './access-matrix.goals.ts';
import { insertAppeal, setAdjustmentDirectly } from './appraisal-results-fixtures.ts';

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
// scorecard templates
const templateCard = { indicators: [{ key: 'a', name: 'A', purpose: 'Why A', direction: 'higher', weight: 100, target: 10, rule: { type: 'proportional' }, cap: 1.2 }] };
const newTemplate = async (c: Ctx) => (await adminCreates(c, '/scorecard-templates', { name: c.unique('template'), period: 'month', card: templateCard })).id as string;
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
    // members never edit people (people.write): refused for any id, so nothing is revealed
    status: inWorkspace(200, 200, 403),
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

  // scorecard templates
  'GET /api/v1/workspaces/{ws}/scorecard-templates': { req: (c) => ({ url: ws(c, '/scorecard-templates?status=all') }), status: inWorkspace(200, 200, 403) },
  'GET /api/v1/workspaces/{ws}/scorecard-templates/{id}': { req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}`) }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/scorecard-templates': {
    req: (c) => ({ url: ws(c, '/scorecard-templates'), body: { name: c.unique('template'), period: 'quarter', card: templateCard } }),
    status: inWorkspace(201, 403, 403),
  },
  'PATCH /api/v1/workspaces/{ws}/scorecard-templates/{id}': {
    req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}`), body: { description: 'changed' } }),
    status: inWorkspace(200, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/{id}/copy': {
    req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}/copy`), body: { name: c.unique('copy') } }),
    status: inWorkspace(201, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/{id}/archive': { req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}/archive`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/{id}/restore': { req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}/restore`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/check': { req: (c) => ({ url: ws(c, '/scorecard-templates/check'), body: { card: templateCard } }), status: inWorkspace(200, 200, 403) },
  'GET /api/v1/workspaces/{ws}/scorecard-templates/{id}/export': { req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}/export`) }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/import': {
    req: (c) => ({ url: ws(c, '/scorecard-templates/import'), body: { format: 'kedu.scorecard/v1', name: c.unique('imported'), period: 'month', ...templateCard } }),
    status: inWorkspace(201, 403, 403),
  },
  'PUT /api/v1/workspaces/{ws}/scorecard-templates/{id}/assignments': {
    req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}/assignments`), body: { positionIds: [await newPosition(c)], personIds: [] } }),
    status: inWorkspace(200, 403, 403),
  },
  'GET /api/v1/workspaces/{ws}/scorecard-templates/{id}/targets': {
    req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}/targets?year=2026&ownerKind=position&ownerId=${c.org.positionId}`) }),
    status: inWorkspace(200, 200, 403),
  },
  'PUT /api/v1/workspaces/{ws}/scorecard-templates/{id}/targets': {
    req: async (c) => ({ url: ws(c, `/scorecard-templates/${await newTemplate(c)}/targets`), body: { year: 2026, ownerKind: 'person', ownerId: c.org.people.member, values: { a: { '2026-01': 12 } } } }),
    status: inWorkspace(200, 403, 403),
  },
  'GET /api/v1/workspaces/{ws}/scorecard-preview': {
    // each caller asks about someone they may see: admin anyone, manager someone in 销售部's subtree, member themselves
    req: (c, who) => ({ url: ws(c, `/scorecard-preview?period=2026-10&personId=${who === 'admin' ? c.org.people.hrPerson : who === 'member' ? c.org.people.member : c.org.people.eastRep}`) }),
    status: inWorkspace(200, 200, 200),
    extra: [
      { who: 'manager', label: 'someone in 人力资源部 (outside their units)', status: 404, req: (c) => ({ url: ws(c, `/scorecard-preview?period=2026-10&personId=${c.org.people.hrPerson}`) }) },
      { who: 'member', label: 'a colleague', status: 404, req: (c) => ({ url: ws(c, `/scorecard-preview?period=2026-10&personId=${c.org.people.eastRep}`) }) },
    ],
  },

  // appraisal cycles
  'GET /api/v1/workspaces/{ws}/cycles': { req: (c) => ({ url: ws(c, '/cycles') }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/cycles': { req: (c) => ({ url: ws(c, '/cycles'), body: { periodLabel: '2026-10', name: c.unique('cycle') } }), status: inWorkspace(201, 403, 403) },
  'GET /api/v1/workspaces/{ws}/cycles/{id}': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'draft')}`) }), status: inWorkspace(200, 200, 200) },
  'PATCH /api/v1/workspaces/{ws}/cycles/{id}': {
    req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'draft')}`), body: { trial: true } }),
    status: inWorkspace(200, 403, 403),
    extra: [{ who: 'admin', label: 'a closed cycle', status: 409, code: 'cycle_locked', req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'closed')}`), body: { trial: true } }) }],
  },
  'DELETE /api/v1/workspaces/{ws}/cycles/{id}': {
    req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'draft')}`) }),
    status: inWorkspace(200, 403, 403),
    extra: [{ who: 'admin', label: 'an open cycle', status: 409, code: 'invalid_state', req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}`) }) }],
  },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/preview': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'draft')}/preview`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/open': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'draft')}/open`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/sync': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}/sync`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/calibrate': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}/calibrate`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/back-to-open': {
    req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'calibrating')}/back-to-open`) }),
    status: inWorkspace(200, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/close': {
    req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'calibrating')}/close`), body: { allowIncomplete: true } }),
    status: inWorkspace(200, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/reopen': {
    req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'closed')}/reopen`), body: { reason: 'A correction of the data' } }),
    status: inWorkspace(200, 403, 403),
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/recompute': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}/recompute`) }), status: inWorkspace(200, 403, 403) },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/participants': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}/participants`) }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}': {
    // each caller asks for a participant they may see: admin anyone, manager someone in 华东区, member themselves
    req: async (c, who) => ({ url: ws(c, await participantUrl(c, 'open', who)) }),
    status: inWorkspace(200, 200, 200),
    extra: [
      { who: 'member', label: 'a colleague', status: 404, req: async (c) => ({ url: ws(c, await participantUrl(c, 'open', 'manager')) }) },
      { who: 'manager', label: 'themselves', status: 200, req: async (c) => ({ url: ws(c, await participantUrl(c, 'open', 'self-manager')) }) },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/actuals': {
    req: async (c, who) => ({ url: ws(c, `${await participantUrl(c, 'open', who)}/actuals`), body: { values: { 新大客户开发数量: 21 } } }),
    status: inWorkspace(200, 200, 403),
    extra: [
      { who: 'manager', label: 'their own', status: 403, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'self-manager')}/actuals`), body: { values: { 销售额: 1 } } }) },
      { who: 'member', label: 'a colleague', status: 404, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'manager')}/actuals`), body: { values: { 销售额: 1 } } }) },
      {
        who: 'admin',
        label: 'in a closed cycle',
        status: 409,
        code: 'cycle_locked',
        req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'closed', 'admin')}/actuals`), body: { values: { 销售额: 1 } } }),
      },
    ],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/what-if': {
    req: async (c, who) => ({ url: ws(c, `${await participantUrl(c, 'open', who)}/what-if`), body: { change: { key: '销售额', actual: 90 } } }),
    status: inWorkspace(200, 200, 200),
    extra: [{ who: 'member', label: 'a colleague', status: 404, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'manager')}/what-if`), body: { change: { key: '销售额', target: 90 } } }) }],
  },

  // appraisal results
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/ratings/{key}/self': {
    // everyone rates Max Member (the member) on 沟通能力: only he may rate himself
    req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'member')}/ratings/${RATED}/self`), body: { rating: 4, comment: 'Self-assessment' } }),
    status: inWorkspace(403, 403, 200),
    extra: [
      { who: 'manager', label: 'themselves', status: 200, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'self-manager')}/ratings/${RATED}/self`), body: { rating: 3 } }) },
      { who: 'member', label: 'in calibration', status: 409, code: 'invalid_state', req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'calibrating', 'member')}/ratings/${RATED}/self`), body: { rating: 3 } }) },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/ratings/{key}/manager': {
    req: async (c, who) => ({ url: ws(c, `${await participantUrl(c, 'open', who)}/ratings/${RATED}/manager`), body: { rating: 4, comment: 'Clear with clients' } }),
    status: inWorkspace(200, 200, 403),
    extra: [
      { who: 'manager', label: 'themselves', status: 403, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'self-manager')}/ratings/${RATED}/manager`), body: { rating: 5 } }) },
      { who: 'member', label: 'a colleague', status: 404, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'manager')}/ratings/${RATED}/manager`), body: { rating: 5 } }) },
      { who: 'admin', label: 'in a closed cycle', status: 409, code: 'cycle_locked', req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'closed', 'admin')}/ratings/${RATED}/manager`), body: { rating: 5 } }) },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/adjustment': {
    req: async (c, who) => ({ url: ws(c, `${await participantUrl(c, 'open', who)}/adjustment`), body: { total: 90, reason: 'Agreed at the calibration meeting' } }),
    status: inWorkspace(200, 200, 403),
    extra: [
      { who: 'manager', label: 'their own', status: 403, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'self-manager')}/adjustment`), body: { total: 99, reason: 'My own result' } }) },
      { who: 'member', label: 'a colleague', status: 404, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'manager')}/adjustment`), body: { total: 99, reason: 'Their result' } }) },
    ],
  },
  'DELETE /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/adjustment': {
    req: async (c, who) => ({ url: ws(c, await adjustedParticipantUrl(c, who)), body: { reason: 'Back to the computed total' } }),
    status: inWorkspace(200, 200, 403),
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/appeals': {
    // admin → Sam South, manager → Erin East: not themselves; the member appeals his own result
    req: async (c, who) => ({ url: ws(c, `${await participantUrl(c, 'calibrating', who)}/appeals`), body: { indicatorKey: '销售额', reason: 'The figure misses an order' } }),
    status: inWorkspace(403, 403, 201),
    extra: [
      { who: 'manager', label: 'their own', status: 201, req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'calibrating', 'self-manager')}/appeals`), body: { reason: 'My result as a whole' } }) },
      { who: 'member', label: 'while the cycle is open', status: 409, code: 'invalid_state', req: async (c) => ({ url: ws(c, `${await participantUrl(c, 'open', 'member')}/appeals`), body: { reason: 'Too early to appeal' } }) },
    ],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/appeals/{appealId}/accept': {
    // an open appeal of the participant the caller may see (the member: his own, which he may not answer)
    req: async (c, who) => ({ url: ws(c, `${await appealUrl(c, who)}/accept`), body: { corrections: { 销售额: 100 }, resolution: 'Checked the orders' } }),
    status: inWorkspace(200, 200, 403),
    extra: [
      { who: 'manager', label: 'their own', status: 403, req: async (c) => ({ url: ws(c, `${await appealUrl(c, 'self-manager')}/accept`), body: { corrections: { 销售额: 100 }, resolution: 'Mine' } }) },
      { who: 'member', label: "a colleague's", status: 404, req: async (c) => ({ url: ws(c, `${await appealUrl(c, 'manager')}/accept`), body: { corrections: { 销售额: 100 }, resolution: 'Theirs' } }) },
    ],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/appeals/{appealId}/reject': {
    req: async (c, who) => ({ url: ws(c, `${await appealUrl(c, who)}/reject`), body: { resolution: 'The data is right as entered' } }),
    status: inWorkspace(200, 200, 403),
    extra: [{ who: 'member', label: "a colleague's", status: 404, req: async (c) => ({ url: ws(c, `${await appealUrl(c, 'manager')}/reject`), body: { resolution: 'Not mine to answer' } }) }],
  },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/appeals': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'calibrating')}/appeals?status=open`) }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/ranking': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}/ranking`) }), status: inWorkspace(200, 200, 403) },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/results.xlsx': { req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}/results.xlsx`) }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/actuals/import': {
    req: async (c) => {
      const { payload, headers } = multipartFile('file', 'actuals.csv', 'person,销售额\nerin@acme.test,100\n');
      return { url: ws(c, `/cycles/${await cycleIn(c, 'open')}/actuals/import`), payload, headers };
    },
    status: inWorkspace(200, 200, 403),
  },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/actuals/template.xlsx': {
    req: async (c) => ({ url: ws(c, `/cycles/${await cycleIn(c, 'open')}/actuals/template.xlsx`) }),
    status: inWorkspace(200, 200, 403),
  },
  ...dataRoutesMatrix,
  ...goalRoutesMatrix,
  ...dashboardRoutesMatrix,
};

export const defaultCode: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };

// appraisal cycles: a fresh cycle in a state (seedOrg's 销售代表 and Mia Manager hold a template)
async function cycleIn(c: Ctx, state: CycleStage): Promise<string> {
  return (await seedAppraisal(c.t, c.org, { state, name: c.unique('matrix cycle') })).cycleId;
}
/** A participant path the caller may see: admin → Sam South, manager → Erin East (华东区), member → themselves; 'self-manager' → Mia Manager's own. */
async function participantUrl(c: Ctx, state: CycleStage, who: Who | 'self-manager'): Promise<string> {
  const { cycleId, participants } = await seedAppraisal(c.t, c.org, { state, name: c.unique('matrix cycle') });
  const pid = who === 'admin' ? participants.southRep : who === 'member' ? participants.member : who === 'self-manager' ? participants.manager : participants.eastRep;
  return `/cycles/${cycleId}/participants/${pid}`;
}

// appraisal results
const RATED = encodeURIComponent('沟通能力');
/** A participant path (as participantUrl) whose result has an adjustment to remove. */
async function adjustedParticipantUrl(c: Ctx, who: Who): Promise<string> {
  const path = await participantUrl(c, 'open', who);
  await setAdjustmentDirectly(c.t, path.split('/').pop()!);
  return `${path}/adjustment`;
}
/** An open appeal (in a calibrating cycle) of the participant participantUrl picks for the caller: `/cycles/:id/appeals/:appealId`. */
async function appealUrl(c: Ctx, who: Who | 'self-manager'): Promise<string> {
  const path = await participantUrl(c, 'calibrating', who);
  const [, , cycleId, , pid] = path.split('/');
  return `/cycles/${cycleId}/appeals/${await insertAppeal(c.t, c.org, pid)}`;
}
