import { expect, it } from 'vitest';
import type { Org } from './testing/fixtures.ts';
import { TEST_PASSWORD, tokenFor } from './testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from './testing/harness.ts';
import { useSeededOrg } from './testing/seeded-org.ts';

/**
 * Invariants under truly concurrent requests (issue 13). On PostgreSQL the requests of one round
 * run in parallel transactions on separate connections; each race is repeated and the violations
 * are counted — the count must be 0. (The embedded database runs one transaction at a time, so
 * there the same rounds check that the rules hold at all.)
 */
const ROUNDS = 20;

describeEachDatabase('concurrent writes', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = () => `/api/v1/workspaces/${org.ws}`;

  it(`never leaves a workspace without an administrator when two admins demote each other (${ROUNDS} rounds)`, async () => {
    const added = await t.api('POST', `${ws()}/members`, { token: org.tokens.admin, body: { email: 'bea@acme.test', name: 'Bea Admin', role: 'admin', password: TEST_PASSWORD } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const tokens = { a: org.tokens.admin, b: await tokenFor(t, 'bea@acme.test') };
    const ids = { a: (await t.api('GET', '/api/v1/auth/me', { token: tokens.a })).body.user.id as string, b: added.body.userId as string };
    let violations = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const [ab, ba] = await Promise.all([
        t.api('PATCH', `${ws()}/members/${ids.b}`, { token: tokens.a, body: { role: 'member' } }),
        t.api('PATCH', `${ws()}/members/${ids.a}`, { token: tokens.b, body: { role: 'member' } }),
      ]);
      const admins = await adminsOf(tokens);
      if (admins.length === 0) violations++;
      // exactly one demotion goes through; the other is refused as the last admin, or because its sender no longer is one
      expect([ab.status, ba.status].sort(), JSON.stringify([ab.body, ba.body])).toEqual([200, ab.status === 200 ? ba.status : ab.status].sort());
      expect([ab.status, ba.status].filter((s) => s === 200)).toHaveLength(1);
      // the survivor makes the other an admin again for the next round
      const survivor = admins[0] === ids.a ? 'a' : 'b';
      const other = survivor === 'a' ? 'b' : 'a';
      const back = await t.api('PATCH', `${ws()}/members/${ids[other]}`, { token: tokens[survivor], body: { role: 'admin' } });
      expect(back.status).toBe(200);
    }
    expect(violations, 'rounds that left no administrator').toBe(0);
  });

  /** The user ids of the workspace's administrators, asked with whichever token still may. */
  async function adminsOf(tokens: Record<string, string>): Promise<string[]> {
    for (const token of Object.values(tokens)) {
      const res = await t.api('GET', `${ws()}/members`, { token });
      if (res.status === 200) return (res.body as { userId: string; role: string }[]).filter((m) => m.role === 'admin').map((m) => m.userId);
    }
    return [];
  }

  /** Follows parents from every unit: a unit met twice on its own way up is in a loop. */
  async function unitLoops(): Promise<number> {
    const units = (await t.api('GET', `${ws()}/units`, { token: org.tokens.admin })).body as { id: string; parentId: string | null }[];
    const parent = new Map(units.map((u) => [u.id, u.parentId]));
    let loops = 0;
    for (const u of units) {
      const seen = new Set<string>();
      for (let at: string | null | undefined = u.id; at; at = parent.get(at)) {
        if (seen.has(at)) {
          loops++;
          break;
        }
        seen.add(at);
      }
    }
    return loops;
  }

  it(`never lets crossed moves form a loop in the unit tree, of two or three units (${ROUNDS} rounds each)`, async () => {
    let violations = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const make = async (name: string) => (await t.api('POST', `${ws()}/units`, { token: org.tokens.admin, body: { name: `${name}-${round}` } })).body.id as string;
      const [u, v, w] = [await make('U'), await make('V'), await make('W')];
      const move = (id: string, parentId: string) => t.api('PATCH', `${ws()}/units/${id}`, { token: org.tokens.admin, body: { parentId } });
      const two = await Promise.all([move(u, v), move(v, u)]);
      expect(two.map((r) => r.status).sort()).toEqual([200, 422]);
      if ((await unitLoops()) > 0) violations++;
      // three-way: w under u is fine; then u→w, and the other two moves race it
      const three = await Promise.all([move(w, v), move(u, w), move(v, u)]);
      expect(three.every((r) => r.status === 200 || r.status === 422)).toBe(true);
      if ((await unitLoops()) > 0) violations++;
    }
    expect(violations, 'rounds that left a loop in the unit tree').toBe(0);
  });

  it(`keeps a goal's current value equal to its latest check-in under four check-ins at once (${ROUNDS} rounds)`, async () => {
    const token = org.tokens.admin;
    const indicator = await t.api('POST', `${ws()}/indicator-library/sales_amount/copy`, { token, body: {} });
    const plan = await t.api('POST', `${ws()}/plans`, { token, body: { name: '回款计划', startsOn: '2026-01-01', endsOn: '2026-12-31' } });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const created = await t.api('POST', `${ws()}/goals`, {
      token,
      body: { planId: plan.body.id, statement: '华东区今年回款 100 万元', owner: { kind: 'unit', unitId: org.units.east }, indicatorId: indicator.body.id, baseline: 0, target: 100, startsOn: '2026-01-01', deadline: '2026-12-31', source: 'strategy' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const goalId = created.body.id as string;
    let violations = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const values = [10, 20, 30, 40].map((v) => v + round);
      const sent = await Promise.all(values.map((value) => t.api('POST', `${ws()}/goals/${goalId}/check-ins`, { token: org.tokens.admin, body: { value, on: '2026-06-01' } })));
      expect(sent.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const detail = (await t.api('GET', `${ws()}/goals/${goalId}`, { token: org.tokens.admin })).body;
      const newest = detail.checkIns[0];
      if (detail.current !== newest.value) violations++;
    }
    expect(violations, 'rounds whose goal value was not its latest check-in').toBe(0);
  });

  /**
   * Two edits sent at once with the same base version: one is saved, the other is a 409 — never
   * both saved with the second silently overwriting the first (a lost update: 25 of 25 runs
   * before versions). Returns how many rounds saved both.
   */
  async function lostUpdates(read: () => Promise<{ version: number }>, write: (version: number, n: number) => Promise<{ status: number; body: unknown }>): Promise<number> {
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { version } = await read();
      const both = await Promise.all([write(version, 2 * round), write(version, 2 * round + 1)]);
      const statuses = both.map((r) => r.status).sort();
      if (statuses[0] === 200 && statuses[1] === 200) lost++;
      expect(statuses, JSON.stringify(both.map((r) => r.body))).toEqual([200, 409]);
      expect((await read()).version).toBe(version + 1);
    }
    return lost;
  }

  it(`never loses one of two edits of a goal sent at once with the same version (${ROUNDS} rounds)`, async () => {
    const token = org.tokens.admin;
    const indicator = await t.api('POST', `${ws()}/indicator-library/sales_amount/copy`, { token, body: { key: 'sales_edits', name: '回款（并发编辑）' } });
    const plan = await t.api('POST', `${ws()}/plans`, { token, body: { name: '并发编辑计划', startsOn: '2030-01-01', endsOn: '2030-12-31' } });
    const fields = (n: number) => ({ statement: `华东区回款 ${n} 万元`, owner: { kind: 'unit', unitId: org.units.east }, indicatorId: indicator.body.id, baseline: 0, target: 100 + n, startsOn: '2030-01-01', deadline: '2030-12-31', source: 'strategy' });
    const created = await t.api('POST', `${ws()}/goals`, { token, body: { planId: plan.body.id, ...fields(0) } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const url = `${ws()}/goals/${created.body.id}`;
    const lost = await lostUpdates(
      async () => (await t.api('GET', url, { token })).body,
      (version, n) => t.api('PUT', url, { token, body: { ...fields(n), version } }),
    );
    expect(lost, 'rounds where both edits of the goal were saved').toBe(0);
  });

  it(`never loses one of two edits of a scorecard template, or of its targets, sent at once with the same version (${ROUNDS} rounds each)`, async () => {
    const token = org.tokens.admin;
    const indicator = { key: 'sales', name: 'sales', purpose: 'Why sales', direction: 'higher', weight: 100, target: 10, rule: { type: 'proportional' }, cap: 1.2, source: { kind: 'annual_plan' }, dataOwner: { kind: 'position', name: '销售运营' } };
    const created = await t.api('POST', `${ws()}/scorecard-templates`, { token, body: { name: '并发编辑模板', period: 'month', card: { indicators: [indicator] } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const url = `${ws()}/scorecard-templates/${created.body.id}`;
    const read = async () => (await t.api('GET', url, { token })).body;
    const card = await lostUpdates(read, (version, n) => t.api('PATCH', url, { token, body: { description: `第 ${n} 版说明`, card: { indicators: [{ ...indicator, target: 10 + n }] }, version } }));
    expect(card, 'rounds where both edits of the template were saved').toBe(0);
    const targets = await lostUpdates(read, (version, n) =>
      t.api('PUT', `${url}/targets`, { token, body: { year: 2030, ownerKind: 'position', ownerId: org.positionId, values: { sales: { '2030-01': 20 + n } }, version } }),
    );
    expect(targets, 'rounds where both edits of the targets were saved').toBe(0);
  });

  it(`never loses one of two edits of a metric, of a cycle's settings or of a member's role sent at once with the same version (${ROUNDS} rounds each)`, async () => {
    const token = org.tokens.admin;
    const columns = [{ name: '日期', type: 'datetime', snapshot: false, aliases: [] }, { name: '金额', type: 'decimal', snapshot: false, aliases: [] }];
    const dataset = await t.api('POST', `${ws()}/datasets`, { token, body: { name: '并发编辑数据集', columns, dateColumn: '日期' } });
    expect(dataset.status, JSON.stringify(dataset.body)).toBe(201);
    const metricBody = (n: number) => ({ name: '并发编辑度量', datasetId: dataset.body.id, spec: { definition: `第 ${n} 版口径`, aggregation: 'sum', expression: '金额', dateColumn: '日期', owner: { kind: 'workspace' } } });
    const metric = await t.api('POST', `${ws()}/metrics`, { token, body: metricBody(0) });
    expect(metric.status, JSON.stringify(metric.body)).toBe(201);
    const metricUrl = `${ws()}/metrics/${metric.body.id}`;
    const metricLost = await lostUpdates(
      async () => (await t.api('GET', metricUrl, { token })).body,
      (version, n) => t.api('PUT', metricUrl, { token, body: { ...metricBody(n), version } }),
    );
    expect(metricLost, 'rounds where both edits of the metric were saved').toBe(0);

    const cycle = await t.api('POST', `${ws()}/cycles`, { token, body: { periodLabel: '2031-03', name: '并发编辑考核' } });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    const cycleUrl = `${ws()}/cycles/${cycle.body.id}`;
    const cycleLost = await lostUpdates(
      async () => (await t.api('GET', cycleUrl, { token })).body,
      (version, n) => t.api('PATCH', cycleUrl, { token, body: { forcedDistribution: [{ grade: 'S', maxShare: (n % 50) / 100 }], version } }),
    );
    expect(cycleLost, "rounds where both edits of the cycle's settings were saved").toBe(0);

    const added = await t.api('POST', `${ws()}/members`, { token, body: { email: 'race@acme.test', name: 'Rae Race', role: 'member', password: TEST_PASSWORD } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const memberUrl = `${ws()}/members/${added.body.userId}`;
    // each round's two edits set the two roles the member does not have (an unchanged role writes nothing)
    let others: string[] = [];
    const memberLost = await lostUpdates(
      async () => {
        const me = ((await t.api('GET', `${ws()}/members`, { token })).body as { userId: string; role: string; version: number }[]).find((m) => m.userId === added.body.userId)!;
        others = ['member', 'manager', 'admin'].filter((r) => r !== me.role);
        return me;
      },
      (version, n) => t.api('PATCH', memberUrl, { token, body: { role: others[n % 2], version } }),
    );
    expect(memberLost, "rounds where both edits of the member's role were saved").toBe(0);
  });
});
