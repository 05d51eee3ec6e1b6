import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Org, seedOrg } from '../../testing/fixtures.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { parsePeopleFile } from './people-import.parse.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(filename: string, bytes: Buffer, field = 'file') {
  const boundary = `----kedu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), 'content-type': `multipart/form-data; boundary=${boundary}` };
}

async function xlsxOf(rows: (string | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('人员');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDatabase('people import and export', (kind) => {
  let t: TestApp;
  let org: Org;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    org = await seedOrg(t);
    base = `/api/v1/workspaces/${org.ws}`;
  });
  afterAll(() => t?.close());

  const upload = async (filename: string, bytes: Buffer, options: { token?: string; dryRun?: boolean; field?: string; locale?: string } = {}) => {
    const { payload, 'content-type': contentType } = multipart(filename, bytes, options.field);
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/people/import${options.dryRun ? '?dryRun=true' : ''}`,
      headers: { authorization: `Bearer ${options.token ?? org.tokens.admin}`, 'content-type': contentType, 'accept-language': options.locale ?? 'en' },
      payload,
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };
  const download = async (path: string, token = org.tokens.admin, locale = 'en') => {
    const res = await t.app.inject({ method: 'GET', url: `${base}${path}`, headers: { authorization: `Bearer ${token}`, 'accept-language': locale } });
    return { status: res.statusCode, raw: res.rawPayload, headers: res.headers, json: () => res.json() };
  };
  const allPeople = async (token = org.tokens.admin) => (await t.api('GET', `${base}/people?status=all&pageSize=200`, { token })).body.items as Record<string, unknown>[];
  const count = async (table: string) => Number((await t.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n);
  const importAudit = async () => (await t.api('GET', `${base}/audit?action=person.import&pageSize=100`, { token: org.tokens.admin })).body.items as Record<string, any>[];

  it('checks a file without writing on a dry run, then creates units, positions and people with one audit entry each', async () => {
    const file = await xlsxOf([
      ['姓名', '邮箱', '工号', '部门', '岗位', '上级邮箱', '入职日期', '状态'],
      ['新人甲', 'jia@acme.test', '0042', '销售部/华南区/深圳', '大客户经理', 'boss@acme.test', new Date(Date.UTC(2026, 5, 25)), '在职'],
      ['老板', 'Boss@acme.test', null, '总经办', null, null, '2019/1/2', null],
      ['Erin East', 'ERIN@acme.test', null, '销售部/华东区', '大客户经理', 'manager@acme.test', null, null],
    ]);
    const before = await count('people');
    const dry = await upload('人员.xlsx', file, { dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, created: 2, updated: 1, unitsCreated: 2, positionsCreated: 1, rows: 3 });
    expect(await count('people')).toBe(before);

    const res = await upload('人员.xlsx', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ dryRun: false, created: 2, updated: 1, unitsCreated: 2, positionsCreated: 1, rows: 3 });

    const units = (await t.api('GET', `${base}/units`, { token: org.tokens.admin })).body as { id: string; name: string; parentId: string | null }[];
    expect(units.find((u) => u.name === '深圳')?.parentId).toBe(org.units.south);
    expect(units.find((u) => u.name === '总经办')?.parentId).toBeNull();
    const people = await allPeople();
    const jia = people.find((p) => p.email === 'jia@acme.test');
    expect(jia).toMatchObject({ name: '新人甲', employeeNo: '0042', unitName: '深圳', positionName: '大客户经理', managerName: '老板', joinedOn: '2026-06-25', status: 'active' });
    expect(people.find((p) => p.email === 'boss@acme.test')).toMatchObject({ name: '老板', joinedOn: '2019-01-02', unitName: '总经办' });
    expect(people.find((p) => p.email === 'erin@acme.test')).toMatchObject({ positionName: '大客户经理', managerName: 'Mia Manager', unitId: org.units.east });

    const audit = await importAudit();
    expect(audit.filter((a) => a.action === 'person.import_create')).toHaveLength(2);
    const update = audit.find((a) => a.action === 'person.import_update')!;
    expect(update.entityId).toBe(org.people.eastRep);
    expect(update.before.positionId).toBe(org.positionId);
    expect(update.after.positionId).not.toBe(org.positionId);
    const summary = (await t.api('GET', `${base}/audit?action=people.import`, { token: org.tokens.admin })).body.items;
    expect(summary).toHaveLength(1);
    expect(summary[0].after).toMatchObject({ filename: '人员.xlsx', created: 2, updated: 1, rows: 3 });
  });

  it('writes nothing when one row is bad, and lists the problem with its row, column, value and reason', async () => {
    const counts = async () => [await count('people'), await count('org_units'), await count('positions'), await count('audit_log')];
    const before = await counts();
    const csv = '姓名,邮箱,部门,岗位,入职日期\n丙,bing@acme.test,新部门,新岗位,2026-01-01\n丁,ding@acme.test,新部门,新岗位,2026-13-01\n';
    const res = await upload('bad.csv', Buffer.from(csv), { locale: 'zh-CN' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import_failed');
    expect(res.body.error.message).toContain('1');
    expect(res.body.error.details).toEqual([
      { row: 3, column: '入职日期', value: '2026-13-01', code: 'import.date_invalid', message: expect.stringContaining('2026-13-01') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('exports a file that imports back as a no-op', async () => {
    const before = await allPeople();
    const res = await download('/people/export?status=all');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''people-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const table = await parsePeopleFile(res.raw);
    expect(table.headers).toEqual(['Name', 'Email', 'Employee no.', 'Department', 'Position', 'Manager email', 'Joined on', 'Status']);
    expect(table.rows).toHaveLength(before.length);
    expect(table.rows.find((r) => r.values[1] === 'jia@acme.test')?.values).toEqual(['新人甲', 'jia@acme.test', '0042', '销售部/华南区/深圳', '大客户经理', 'boss@acme.test', '2026-06-25', 'active']);

    const again = await upload('people.xlsx', res.raw);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual({ dryRun: false, created: 0, updated: 0, unitsCreated: 0, positionsCreated: 0, rows: before.length });
    expect(await allPeople()).toEqual(before);
  });

  it('exports with Chinese headers and a UTF-8 file name for a Chinese request', async () => {
    const res = await download('/people/export', org.tokens.admin, 'zh-CN');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('人员-')}`);
    const table = await parsePeopleFile(res.raw);
    expect(table.headers).toEqual(['姓名', '邮箱', '工号', '部门', '岗位', '上级邮箱', '入职日期', '状态']);
    expect(table.rows.every((r) => r.values[7] === '在职')).toBe(true);
  });

  it('exports only the scope of a manager, and refuses members', async () => {
    const res = await download('/people/export?status=all', org.tokens.manager);
    expect(res.status).toBe(200);
    const names = (await parsePeopleFile(res.raw)).rows.map((r) => r.values[0]).sort();
    expect(names).toEqual((await allPeople(org.tokens.manager)).map((p) => p.name).sort());
    expect(names).toContain('Sam South');
    expect(names).not.toContain('Hana HR');
    expect(names).not.toContain('老板');
    expect((await download('/people/export', org.tokens.member)).status).toBe(403);
  });

  it('gives admins a template with a help sheet, which imports', async () => {
    const res = await download('/people/import-template', org.tokens.admin, 'zh-CN');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['人员', '说明']);
    expect(wb.worksheets[1].rowCount).toBeGreaterThan(8);
    const dry = await upload('template.xlsx', res.raw, { dryRun: true });
    expect(dry.body).toMatchObject({ created: 1, rows: 1 });
    expect((await download('/people/import-template', org.tokens.manager)).status).toBe(403);
  });

  it('refuses imports by non-admins, without a file, of other file types, and over 20 MB', async () => {
    const csv = Buffer.from('Name\nZed\n');
    expect((await upload('p.csv', csv, { token: org.tokens.manager })).status).toBe(403);

    const noFile = await upload('p.csv', csv, { field: 'attachment' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.message).toMatch(/file/);
    const json = await t.api('POST', `${base}/people/import`, { token: org.tokens.admin, body: { name: 'x' } });
    expect(json.status).toBe(400);
    expect(json.body.error.details[0].code).toBe('import.file_missing');

    const png = await upload('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(png.status).toBe(415);
    expect(png.body.error.code).toBe('unsupported_media_type');

    const big = await upload('big.csv', Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('documents the routes in the OpenAPI description', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const path of ['/people/import', '/people/export', '/people/import-template']) {
      const item = spec.paths[`/api/v1/workspaces/{ws}${path}`];
      expect(item, path).toBeDefined();
      expect(Object.values(item as Record<string, { tags: string[] }>)[0].tags).toEqual(['people']);
    }
  });
});
