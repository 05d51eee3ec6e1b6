import { expect } from 'vitest';
import type { TestApp } from './harness.ts';

export type Org = {
  ws: string;
  otherWs: string;
  tokens: { admin: string; manager: string; member: string; otherAdmin: string };
  units: { sales: string; east: string; south: string; hr: string };
  people: { admin: string; manager: string; member: string; eastRep: string; southRep: string; hrPerson: string };
  positionId: string;
};

const PASSWORD = 'correct horse battery';

/** Signs in with email and password through the API and returns a fresh API token for that user. */
export async function tokenFor(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'kedu_session')!;
  const csrf = login.json().csrfToken as string;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    cookies: { kedu_session: cookie.value },
    headers: { 'x-csrf-token': csrf },
    payload: { name: 'tests' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().token as string;
}

/**
 * A workspace with three roles, set up only through the API: an admin (first-run setup),
 * a manager who leads 销售部 (and so 华东区 below it), a member in 华东区, people in
 * 华南区 and 人力资源部, and a second workspace with its own admin.
 */
export async function seedOrg(t: TestApp): Promise<Org> {
  const setup = await t.api('POST', '/api/v1/setup', {
    body: { workspaceName: 'Acme', workspaceSlug: 'acme', adminName: 'Ada Admin', email: 'admin@acme.test', password: PASSWORD },
  });
  expect(setup.status, JSON.stringify(setup.body)).toBe(200);
  const admin = await tokenFor(t, 'admin@acme.test');
  const ws = 'acme';
  const post = async (path: string, body: unknown, token = admin) => {
    const res = await t.api('POST', `/api/v1/workspaces/${ws}${path}`, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const sales = await post('/units', { name: '销售部' });
  const east = await post('/units', { name: '华东区', parentId: sales });
  const south = await post('/units', { name: '华南区', parentId: sales });
  const hr = await post('/units', { name: '人力资源部' });
  const positionId = await post('/positions', { name: '销售代表' });
  const manager = await post('/people', { name: 'Mia Manager', email: 'manager@acme.test', unitId: sales });
  const member = await post('/people', { name: 'Max Member', email: 'member@acme.test', unitId: east, positionId, managerId: manager });
  const eastRep = await post('/people', { name: 'Erin East', email: 'erin@acme.test', unitId: east, positionId, managerId: manager });
  const southRep = await post('/people', { name: 'Sam South', email: 'sam@acme.test', unitId: south, positionId });
  const hrPerson = await post('/people', { name: 'Hana HR', email: 'hana@acme.test', unitId: hr });
  const lead = await t.api('PATCH', `/api/v1/workspaces/${ws}/units/${sales}`, { token: admin, body: { leadPersonId: manager } });
  expect(lead.status).toBe(200);
  const adminPerson = (await t.api('GET', '/api/v1/auth/me', { token: admin })).body.workspaces[0].personId as string;

  await post('/members', { email: 'manager@acme.test', name: 'Mia Manager', role: 'manager', personId: manager, password: PASSWORD });
  await post('/members', { email: 'member@acme.test', name: 'Max Member', role: 'member', personId: member, password: PASSWORD });
  const managerToken = await tokenFor(t, 'manager@acme.test');
  const memberToken = await tokenFor(t, 'member@acme.test');

  // a second workspace, created by another user who is not in the first one
  await post('/members', { email: 'other@else.test', name: 'Otto Other', role: 'member', password: PASSWORD });
  const otherAdmin = await tokenFor(t, 'other@else.test');
  const created = await t.api('POST', '/api/v1/workspaces', { token: otherAdmin, body: { name: 'Elsewhere', slug: 'elsewhere' } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const removed = await t.api('DELETE', `/api/v1/workspaces/${ws}/members/${(await t.api('GET', '/api/v1/auth/me', { token: otherAdmin })).body.user.id}`, { token: admin });
  expect(removed.status).toBe(200);

  return {
    ws,
    otherWs: 'elsewhere',
    tokens: { admin, manager: managerToken, member: memberToken, otherAdmin },
    units: { sales, east, south, hr },
    people: { admin: adminPerson, manager, member, eastRep, southRep, hrPerson },
    positionId,
  };
}

export { PASSWORD as TEST_PASSWORD };
