import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedAppraisal } from '../../testing/appraisal-fixtures.ts';
import { importFile, OCTOBER_ORDERS, ORDERS_DATASET, ORDERS_HEADER } from '../../testing/dataset-fixtures.ts';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';
import { writeFingerprint } from '../../testing/sessions.ts';

describeEachDatabase('datasets: import all or nothing, batches, rollback', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  let datasetId: string;

  beforeAll(async () => {
    const res = await importFile(t, org, OCTOBER_ORDERS, { create: ORDERS_DATASET });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    datasetId = res.body.dataset.id;
  });

  it('creates the dataset with its first batch: typed, normalised rows numbered as the spreadsheet shows them', async () => {
    const dataset = (await t.api('GET', ws(`/datasets/${datasetId}`), { token: org.tokens.admin })).body;
    expect(dataset).toMatchObject({ name: '订单', rowCount: 5, batchCount: 1, firstDate: '2026-10-03', lastDate: '2026-11-02', keyColumns: ['订单号'] });
    const rows = (await t.api('GET', ws(`/datasets/${datasetId}/rows`), { token: org.tokens.admin })).body;
    expect(rows.total).toBe(5);
    const first = rows.rows.find((r: { row: number }) => r.row === 2);
    // ="E1001" unguarded, "1,200.00" a number, the time as the file shows it
    expect(first.values).toEqual(['E1001', 'Erin East', '小程序', '2026-10-03 10:00:00', 1200, 0, '交易成功']);
    const closed = rows.rows.find((r: { row: number }) => r.row === 4);
    expect(closed.values[5]).toBeNull(); // "-" is missing, not zero
    const batches = (await t.api('GET', ws(`/datasets/${datasetId}/batches`), { token: org.tokens.admin })).body;
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ fileName: 'orders.csv', rowCount: 5, status: 'active', createdBy: expect.stringContaining('admin@acme.test') });
    expect(batches[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses the same file twice, unless replace: then the earlier batch is rolled back', async () => {
    const again = await importFile(t, org, OCTOBER_ORDERS, { datasetId });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0]).toMatchObject({ code: 'dataset.same_file' });
    expect(again.body.error.details[0].message).toContain('orders.csv');

    const replaced = await importFile(t, org, OCTOBER_ORDERS, { datasetId, replace: true, filename: 'orders-again.csv' });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    expect(replaced.body.replacedBatchId).toBeTruthy();
    expect(replaced.body.dataset.rowCount).toBe(5);
    const batches = (await t.api('GET', ws(`/datasets/${datasetId}/batches`), { token: org.tokens.admin })).body;
    expect(batches.map((b: { status: string }) => b.status)).toEqual(['active', 'rolled_back']);
  });

  it('rejects a file with bad rows whole: every problem located by row, column and value; nothing written', async () => {
    const before = await writeFingerprint(t);
    const bad = [ORDERS_HEADER, '="E9001",Erin East,小程序,2026-10-07,abc,0,交易成功', '="E9002",Erin East,小程序,,100,0,交易成功', '="E9003",Erin East,小程序,2026-13-45,100,0,交易成功', '="E9004",Erin East,小程序,2026-10-08,100,0,交易成功'].join('\n');
    const res = await importFile(t, org, bad, { datasetId, filename: 'bad.csv', language: 'zh-CN' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import_failed');
    expect(res.body.error.message).toContain('3');
    expect(res.body.error.details.map((d: { row: number; column: string; code: string }) => [d.row, d.column, d.code])).toEqual([
      [2, '实付金额', 'dataset.cell'],
      [3, '付款时间', 'dataset.date_missing'],
      [4, '付款时间', 'dataset.cell'],
    ]);
    expect(res.body.error.details[0].value).toBe('abc');
    expect(res.body.error.details[0].message).toContain('不是数字');
    expect(await writeFingerprint(t)).toEqual(before);
  });

  it('lists the first 100 problems and counts the rest', async () => {
    const lines = [ORDERS_HEADER, ...Array.from({ length: 150 }, (_, i) => `X${i},Erin East,小程序,2026-10-07,oops,0,交易成功`)];
    const res = await importFile(t, org, lines.join('\n'), { datasetId, filename: 'many-bad.csv' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toHaveLength(100);
    expect(res.body.error.message).toContain('150');
  });

  it('refuses two rows with the same key in one file, naming both rows', async () => {
    const dup = [ORDERS_HEADER, 'D1,Erin East,小程序,2026-10-07,100,0,交易成功', 'D2,Erin East,小程序,2026-10-07,100,0,交易成功', 'D1,Erin East,小程序,2026-10-08,200,0,交易成功'].join('\n');
    const res = await importFile(t, org, dup, { datasetId, filename: 'dup.csv' });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ row: 4, column: '订单号', value: 'D1', code: 'dataset.duplicate_key' });
    expect(res.body.error.details[0].message).toContain('row 2');
  });

  it('replaces rows with the key of an earlier import, keeps them, and restores them when the batch is rolled back', async () => {
    // E1002 was refunded in full later; a new order arrives; the header uses the alias 分销员 and columns in another order
    const update = ['订单状态,订单号,分销员,渠道,买家付款时间,实付金额,退款金额', '交易成功,E1002,Erin East,小程序,2026-10-15 11:30:00,800.50,800.50', '交易成功,E1004,Erin East,小程序,2026-10-28 16:00:00,999,0'].join('\n');
    const res = await importFile(t, org, update, { datasetId, filename: 'update.csv' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ replaced: 1, dataset: { rowCount: 6 } });
    const rows = (await t.api('GET', ws(`/datasets/${datasetId}/rows?pageSize=50`), { token: org.tokens.admin })).body;
    const e1002 = rows.rows.filter((r: { values: unknown[] }) => r.values[0] === 'E1002');
    expect(e1002).toHaveLength(1);
    expect(e1002[0].values[5]).toBe(800.5);

    const rolled = await t.api('POST', ws(`/datasets/${datasetId}/batches/${res.body.batch.id}/rollback`), { token: org.tokens.admin });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect(rolled.body.batch.status).toBe('rolled_back');
    const after = (await t.api('GET', ws(`/datasets/${datasetId}`), { token: org.tokens.admin })).body;
    expect(after.rowCount).toBe(5);
    const restored = (await t.api('GET', ws(`/datasets/${datasetId}/rows?pageSize=50`), { token: org.tokens.admin })).body;
    expect(restored.rows.find((r: { values: unknown[] }) => r.values[0] === 'E1002').values[5]).toBe(100.5);
    const twice = await t.api('POST', ws(`/datasets/${datasetId}/batches/${res.body.batch.id}/rollback`), { token: org.tokens.admin });
    expect(twice.status).toBe(409);
  });

  it('reads GBK and UTF-8 with BOM alike', async () => {
    const gbk = iconv.encode([ORDERS_HEADER, 'G1,Erin East,门店,2026年10月09日,100,0,交易成功'].join('\r\n'), 'gbk');
    const res = await importFile(t, org, gbk, { datasetId, filename: 'gbk.csv' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([ORDERS_HEADER, 'B1,Sam South,门店,20261011,50,0,交易成功'].join('\n'))]);
    expect((await importFile(t, org, bom, { datasetId, filename: 'bom.csv' })).status).toBe(201);
    const rows = (await t.api('GET', ws(`/datasets/${datasetId}/rows?pageSize=50`), { token: org.tokens.admin })).body;
    expect(rows.rows.find((r: { values: unknown[] }) => r.values[0] === 'G1').values.slice(2, 4)).toEqual(['门店', '2026-10-09']);
    expect(rows.rows.find((r: { values: unknown[] }) => r.values[0] === 'B1').values[3]).toBe('2026-10-11');
  });

  it('says which columns a file lacks, and refuses files that are not spreadsheets', async () => {
    const res = await importFile(t, org, '订单号,销售员\nA,B\n', { datasetId, filename: 'short.csv' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { column: string }) => d.column)).toEqual(['渠道', '付款时间', '实付金额', '退款金额', '订单状态']);
    const binary = await importFile(t, org, Buffer.from([0, 1, 2, 3, 0, 0, 7]), { datasetId, filename: 'x.bin' });
    expect(binary.status).toBe(415);
  });

  it('lets only admins import; managers read', async () => {
    const res = await importFile(t, org, OCTOBER_ORDERS, { datasetId, token: org.tokens.manager });
    expect(res.status).toBe(403);
    expect((await t.api('GET', ws('/datasets'), { token: org.tokens.manager })).status).toBe(200);
    expect((await t.api('GET', ws('/datasets'), { token: org.tokens.member })).status).toBe(403);
  });

  describe('metrics', () => {
    const netSales = (over: Record<string, unknown> = {}) => ({
      name: '净销售额',
      datasetId,
      spec: {
        definition: '交易成功订单的实付金额减去退款金额，按付款时间计入月份，归属销售员。',
        aggregation: 'sum',
        expression: '实付金额 - 退款金额',
        filters: [{ column: '订单状态', op: '=', values: ['交易成功'] }],
        dateColumn: '付款时间',
        owner: { kind: 'person', column: '销售员', match: 'name' },
        unit: '元',
        ...over,
      },
    });

    it('computes a metric per owner and month in the database, matching owners to people', async () => {
      const created = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body: netSales() });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const values = (await t.api('GET', ws(`/metrics/${created.body.id}/values?period=month`), { token: org.tokens.admin })).body;
      const of = (owner: string, period: string) => values.values.find((v: { owner: string; period: string }) => v.owner === owner && v.period === period);
      // E1001 1200 + E1002 (800.50 − 100.50) + G1 100; E1003 is 交易关闭
      expect(of('Erin East', '2026-10')).toMatchObject({ value: 2000, rows: 3, ownerId: org.people.eastRep });
      expect(of('Sam South', '2026-10')).toMatchObject({ value: 2050, ownerId: org.people.southRep });
      expect(of('Sam South', '2026-11')).toMatchObject({ value: 300 });
      expect(values.unmatchedOwners).toEqual([]);
      expect(values.lineage).toMatchObject({ dataset: '订单', batches: expect.any(Number) });
    });

    it('refuses a second definition of the same name, and locates problems in the expression', async () => {
      const again = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body: netSales() });
      expect(again.status).toBe(409);
      const bad = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body: netSales({ expression: '实付金额 - 退款金额2' }), headers: { 'accept-language': 'en' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0]).toMatchObject({ path: ['body', 'spec', 'expression'], start: 7, end: 12 });
      expect(bad.body.error.details[0].message).toContain('退款金额');
      const text = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body: { ...netSales({ expression: '销售员' }), name: 'x' } });
      expect(text.status).toBe(400);
      const noDefinition = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body: { ...netSales({ definition: '  ' }), name: 'y' } });
      expect(noDefinition.body.error.details[0].path).toEqual(['body', 'spec', 'definition']);
    });

    it('feeds a bound term of open cycles with lineage, refreshes on import and rollback, and leaves closed cycles frozen with a diff', async () => {
      const closed = await seedAppraisal(t, org, { state: 'closed', periodLabel: '2026-10' });
      const open = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-10' });
      const metricId = (await t.api('GET', ws('/metrics'), { token: org.tokens.admin })).body.find((m: { name: string }) => m.name === '净销售额').id;
      const bound = await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: '销售额', metricId } });
      expect(bound.status, JSON.stringify(bound.body)).toBe(200);
      // the binding announced that the data changed: the open cycle takes the actuals in that job
      await t.settleJobs();

      const termsOf = async (cycleId: string, participantId: string) => (await t.api('GET', ws(`/cycles/${cycleId}/participants/${participantId}`), { token: org.tokens.admin })).body;
      const erin = await termsOf(open.cycleId, open.participants.eastRep);
      const sales = erin.values.find((x: { term: string }) => x.term === '销售额');
      expect(sales).toMatchObject({ value: 2000, source: 'metric', lineage: { metric: '净销售额', dataset: '订单', rows: 3 } });

      // a new order for Erin: the open cycle takes it in the job the import announced
      const more = await importFile(t, org, [ORDERS_HEADER, 'E1005,Erin East,小程序,2026-10-30 10:00:00,500,0,交易成功'].join('\n'), { datasetId, filename: 'late.csv' });
      expect(more.status).toBe(201);
      expect(await t.waitForJob(more.body.actualsJob)).toMatchObject({ state: 'completed', result: { refreshedCycles: 1 } });
      expect((await termsOf(open.cycleId, open.participants.eastRep)).values.find((x: { term: string }) => x.term === '销售额').value).toBe(2500);

      // the closed cycle kept what it had; the diff shows what the data says now
      const diff = (await t.api('GET', ws(`/cycles/${closed.cycleId}/metric-diff`), { token: org.tokens.admin })).body;
      expect(diff.state).toBe('closed');
      expect(diff.rows.find((r: { personName: string }) => r.personName === 'Erin East')).toMatchObject({ term: '销售额', stored: null, current: 2500 });
      expect((await termsOf(closed.cycleId, closed.participants.eastRep)).values.find((x: { term: string }) => x.term === '销售额')).toBeUndefined();

      // rolling the late orders back takes them out again
      const rolledBack = await t.api('POST', ws(`/datasets/${datasetId}/batches/${more.body.batch.id}/rollback`), { token: org.tokens.admin });
      expect(await t.waitForJob(rolledBack.body.actualsJob)).toMatchObject({ state: 'completed', result: { refreshedCycles: 1 } });
      expect((await termsOf(open.cycleId, open.participants.eastRep)).values.find((x: { term: string }) => x.term === '销售额').value).toBe(2000);

      // unbinding removes the metric's values
      await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: '销售额', metricId: null } });
      await t.settleJobs();
      expect((await termsOf(open.cycleId, open.participants.eastRep)).values.find((x: { term: string }) => x.term === '销售额')).toBeUndefined();
    });

    it('refuses summing a snapshot column', async () => {
      const snap = await importFile(t, org, '日期,累积关注人数\n2026-10-01,100\n2026-10-31,180\n', {
        create: { name: '粉丝', description: '', columns: [{ name: '日期', type: 'datetime', snapshot: false, aliases: [] }, { name: '累积关注人数', type: 'integer', snapshot: true, aliases: [] }], keyColumns: ['日期'], dateColumn: '日期', templateKey: null },
        filename: 'fans.csv',
      });
      expect(snap.status, JSON.stringify(snap.body)).toBe(201);
      const body = { name: '粉丝数', datasetId: snap.body.dataset.id, spec: { definition: '月末累积关注人数', aggregation: 'sum', expression: '累积关注人数', filters: [], dateColumn: '日期', owner: { kind: 'workspace' }, unit: '人' } };
      const sum = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body });
      expect(sum.status).toBe(400);
      expect(sum.body.error.details[0].path).toEqual(['body', 'spec', 'aggregation']);
      const last = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body: { ...body, spec: { ...body.spec, aggregation: 'last' } } });
      expect(last.status).toBe(201);
      const values = (await t.api('GET', ws(`/metrics/${last.body.id}/values`), { token: org.tokens.admin })).body;
      expect(values.values).toEqual([expect.objectContaining({ owner: '', period: '2026-10', value: 180 })]);
    });
  });
});
