import { expect, it } from 'vitest';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';

describeEachDatabase('organisation API', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });

  it('lists the unit tree with headcounts and leads', async () => {
    const res = await t.api('GET', `/api/v1/workspaces/${org.ws}/units`, { token: org.tokens.member });
    expect(res.status).toBe(200);
    const sales = res.body.find((u: { name: string }) => u.name === '销售部');
    expect(sales).toMatchObject({ leadName: 'Mia Manager', headcount: 1, parentId: null });
    expect(res.body.find((u: { name: string }) => u.name === '华东区')).toMatchObject({ parentId: org.units.sales, headcount: 2 });
  });

  it('refuses to move a unit into its own subtree, with a located message', async () => {
    const res = await t.api('PATCH', `/api/v1/workspaces/${org.ws}/units/${org.units.sales}`, { token: org.tokens.admin, body: { parentId: org.units.east } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_move');
    expect(res.body.error.details[0].path).toEqual(['body', 'parentId']);
  });

  it('searches and pages people, scoped to what a manager leads', async () => {
    const all = await t.api('GET', `/api/v1/workspaces/${org.ws}/people?pageSize=2&page=1`, { token: org.tokens.admin });
    expect(all.body.total).toBe(6);
    expect(all.body.items).toHaveLength(2);
    const mine = await t.api('GET', `/api/v1/workspaces/${org.ws}/people?pageSize=50`, { token: org.tokens.manager });
    expect(mine.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['Erin East', 'Max Member', 'Mia Manager', 'Sam South']);
    const search = await t.api('GET', `/api/v1/workspaces/${org.ws}/people?q=erin`, { token: org.tokens.admin });
    expect(search.body.items.map((p: { name: string }) => p.name)).toEqual(['Erin East']);
    const self = await t.api('GET', `/api/v1/workspaces/${org.ws}/people`, { token: org.tokens.member });
    expect(self.body.items.map((p: { name: string }) => p.name)).toEqual(['Max Member']);
  });

  it('deactivates a person and records before and after in the audit log', async () => {
    const res = await t.api('PATCH', `/api/v1/workspaces/${org.ws}/people/${org.people.southRep}`, { token: org.tokens.admin, body: { status: 'left', leftOn: '2026-11-01' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'left', leftOn: '2026-11-01' });
    const audit = await t.api('GET', `/api/v1/workspaces/${org.ws}/audit?entityId=${org.people.southRep}`, { token: org.tokens.admin });
    const entry = audit.body.items[0];
    expect(entry).toMatchObject({ action: 'person.deactivate', actorLabel: 'Ada Admin <admin@acme.test>' });
    expect(entry.before.status).toBe('active');
    expect(entry.after.status).toBe('left');
  });

  it('refuses a manager cycle', async () => {
    const res = await t.api('PATCH', `/api/v1/workspaces/${org.ws}/people/${org.people.manager}`, { token: org.tokens.admin, body: { managerId: org.people.member } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: ['body', 'managerId'], code: 'person.manager_cycle' });
  });

  it('answers in the request language', async () => {
    const res = await t.api('DELETE', `/api/v1/workspaces/${org.ws}/units/${org.units.sales}`, { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/无法删除/);
  });
});
