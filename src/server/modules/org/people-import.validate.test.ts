import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../i18n/messages.ts';
import { parsePeopleFile } from './people-import.parse.ts';
import { parseDate } from '../../../core/values/dates.ts';
import { type ImportPlan, validatePeopleImport, type WorkspaceSnapshot } from './people-import.validate.ts';
import { splitUnitPath } from './unit-paths.ts';

const ws: WorkspaceSnapshot = {
  units: [
    { id: 'u-sales', name: '销售部', parentId: null, status: 'active' },
    { id: 'u-east', name: '华东区', parentId: 'u-sales', status: 'active' },
    { id: 'u-old', name: '旧部门', parentId: null, status: 'inactive' },
    { id: 'u-slash', name: 'R/D', parentId: null, status: 'active' },
  ],
  positions: [
    { id: 'p-rep', name: '销售代表' },
    { id: 'p-eng', name: 'Engineer' },
  ],
  people: [
    { id: 'zhou', name: '周经理', email: 'zhou@acme.test', employeeNo: 'E001', unitId: 'u-sales', positionId: null, managerId: null, status: 'active', joinedOn: '2020-01-01' },
    { id: 'wang', name: '王五', email: 'Wang@Acme.test', employeeNo: null, unitId: 'u-east', positionId: 'p-rep', managerId: 'zhou', status: 'active', joinedOn: null },
  ],
};

async function check(csv: string, snapshot = ws) {
  return validatePeopleImport(await parsePeopleFile(Buffer.from(csv, 'utf8'), 'people.csv'), snapshot);
}
async function plan(csv: string, snapshot = ws): Promise<ImportPlan> {
  const result = await check(csv, snapshot);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.details)}`);
  return result.plan;
}
async function errors(csv: string, snapshot = ws) {
  const result = await check(csv, snapshot);
  if (result.ok) throw new Error('expected errors');
  return result;
}

describe('validatePeopleImport: headers', () => {
  it('accepts Chinese and English headers, trimmed and in any case', async () => {
    const p = await plan(' NAME ,email,employee no,DEPARTMENT,position,Manager Email,joined on,STATUS\n');
    expect(p.rows).toBe(0);
    const r = await errors('姓名*,Employee No.,Employee no.\nA,1,2\n');
    expect(r.details).toEqual([{ row: 1, column: 'Employee no.', value: 'Employee no.', code: 'import.duplicate_column', params: { value: 'Employee no.' } }]);
  });

  it('names every unknown column at row 1 (typos are caught) and ignores columns without a header', async () => {
    const r = await errors('姓名,Emial,,部门名称\n张三,x,ignored,y\n');
    expect(r.details).toEqual([
      { row: 1, column: 'Emial', value: 'Emial', code: 'import.unknown_column', params: { value: 'Emial' } },
      { row: 1, column: '部门名称', value: '部门名称', code: 'import.unknown_column', params: { value: '部门名称' } },
    ]);
  });

  it('reports a missing required column once, at row 1, in the language of the file', async () => {
    const zh = await errors('邮箱,部门\na@b.cn,销售部\nc@d.cn,销售部\n');
    expect(zh.count).toBe(1);
    expect(zh.details).toEqual([{ row: 1, column: '姓名', code: 'import.name_column_missing', params: {} }]);
    const en = await errors('Email\na@b.cn\n');
    expect(en.details[0]).toMatchObject({ row: 1, column: 'Name', code: 'import.name_column_missing' });
  });

  it('says where the header is when a title banner sits above it', async () => {
    const r = await errors('2026 年人员名单,,\n,,\n姓名,邮箱,部门\n张三,zs@a.cn,销售部\n');
    expect(r.details).toEqual([{ row: 1, column: '2026 年人员名单', value: '2026 年人员名单', code: 'import.header_not_first_row', params: { headerRow: 3 } }]);
  });
});

describe('validatePeopleImport: rows', () => {
  const header = '姓名,邮箱,工号,部门,岗位,上级邮箱,入职日期,状态';

  it('locates each problem by its spreadsheet row and its column header', async () => {
    const r = await errors(
      [
        header,
        ',a@acme.test,,,,,,', // 2: name empty
        `${'长'.repeat(101)},,,,,,,`, // 3: name too long
        '张三,not-an-email,,,,,,', // 4: email
        '李四,li@acme.test,,,,,2026-13-01,', // 5: date
        '赵六,zhao@acme.test,,,,,,休假', // 6: status
        '钱七,qian@acme.test,,,,nobody@acme.test,,', // 7: manager not found
        '孙八,sun@acme.test,,,,SUN@acme.test,,', // 8: own manager
        '吴九,wu@acme.test,,销售部//华东区,,,,', // 9: path with an empty unit
        '郑十,zheng@acme.test,,旧部门,,,,在职', // 10: inactive unit
        '冯一,a@acme.test,,,,,,', // 11: duplicate of row 2
        `陈二,chen@acme.test,${'9'.repeat(51)},,,,,`, // 12: employee no. too long
      ].join('\n'),
    );
    const located = r.details.map((d) => [d.row, d.column, d.value, d.code]);
    expect(located).toEqual([
      [2, '姓名', '', 'import.name_required'],
      [3, '姓名', '长'.repeat(101), 'import.too_long'],
      [4, '邮箱', 'not-an-email', 'import.email_invalid'],
      [5, '入职日期', '2026-13-01', 'import.date_invalid'],
      [6, '状态', '休假', 'import.status_invalid'],
      [7, '上级邮箱', 'nobody@acme.test', 'import.manager_not_found'],
      [8, '上级邮箱', 'SUN@acme.test', 'import.manager_self'],
      [9, '部门', '销售部//华东区', 'import.unit_path_invalid'],
      [10, '部门', '旧部门', 'import.unit_inactive'],
      [11, '邮箱', 'a@acme.test', 'import.email_duplicate'],
      [12, '工号', '9'.repeat(51), 'import.too_long'],
    ]);
    expect(r.count).toBe(11);
    expect(r.details[1].params).toMatchObject({ max: 100 });
    expect(r.details[9].params).toEqual({ value: 'a@acme.test', firstRow: 2 });
  });

  it('names columns as the file does (English headers) and sorts several problems of a row by column', async () => {
    const r = await errors('Name,Email,Joined on,Status\n,bad,someday,gone\n');
    expect(r.details.map((d) => [d.row, d.column, d.code])).toEqual([
      [2, 'Name', 'import.name_required'],
      [2, 'Email', 'import.email_invalid'],
      [2, 'Joined on', 'import.date_invalid'],
      [2, 'Status', 'import.status_invalid'],
    ]);
  });

  it('flags duplicate emails regardless of case, on every repeat', async () => {
    const r = await errors('Name,Email\nA,x@acme.test\nB,X@ACME.test\nC,x@acme.test\n');
    expect(r.details.map((d) => [d.row, d.code, d.params?.firstRow])).toEqual([
      [3, 'import.email_duplicate', 2],
      [4, 'import.email_duplicate', 2],
    ]);
  });

  it('refuses managers that form a loop through the file or the workspace', async () => {
    const loop = await errors('Name,Email,Manager email\nA,a@acme.test,b@acme.test\nB,b@acme.test,a@acme.test\nC,c@acme.test,a@acme.test\n');
    expect(loop.details.map((d) => [d.row, d.column, d.code])).toEqual([
      [2, 'Manager email', 'import.manager_cycle'],
      [3, 'Manager email', 'import.manager_cycle'],
    ]);
    // 王五 reports to 周经理; making 周经理 report to 王五 closes a loop
    const viaWorkspace = await errors('Name,Email,Manager email\n周经理,zhou@acme.test,wang@acme.test\n');
    expect(viaWorkspace.details[0]).toMatchObject({ row: 2, code: 'import.manager_cycle' });
  });

  it('keeps at most 100 problems in the details and counts them all', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `P${i},bad-email-${i}`);
    const r = await errors(['Name,Email', ...rows].join('\n'));
    expect(r.count).toBe(150);
    expect(r.details).toHaveLength(100);
    expect(r.details[0]).toMatchObject({ row: 2, value: 'bad-email-0' });
    expect(r.details[99]).toMatchObject({ row: 101, value: 'bad-email-99' });
  });
});

describe('validatePeopleImport: plan', () => {
  it('creates new people, updates those whose email matches (ignoring case), and skips unchanged ones', async () => {
    const p = await plan(
      [
        '姓名,邮箱,工号,部门,岗位,上级邮箱,入职日期,状态',
        '周经理,ZHOU@acme.test,E001,销售部,,,2020-01-01,在职', // identical
        '王五,wang@acme.test,,销售部/华东区,销售代表,zhou@acme.test,2021/3/5,离职', // joined date and status change
        '新人,new@acme.test,E100,销售部/华南区/深圳,大客户经理,boss@acme.test,2026年6月25日,', // manager is a later row
        '老板,boss@acme.test,,总经办,,,46198,active',
        '无邮箱,,,,,,,',
      ].join('\n'),
    );
    expect(p.rows).toBe(5);
    expect(p.unchanged).toBe(1);
    expect(p.updates).toHaveLength(1);
    expect(p.updates[0]).toMatchObject({ row: 3, email: 'Wang@Acme.test', unit: { id: 'u-east' }, position: { id: 'p-rep' }, manager: { id: 'zhou' }, joinedOn: '2021-03-05', status: 'left' });
    expect(p.updates[0].before.id).toBe('wang');
    expect(p.creates.map((c) => c.row)).toEqual([4, 5, 6]);
    expect(p.creates[0]).toMatchObject({ email: 'new@acme.test', employeeNo: 'E100', unit: { path: ['销售部', '华南区', '深圳'] }, position: { name: '大客户经理' }, manager: { email: 'boss@acme.test' }, joinedOn: '2026-06-25', status: 'active' });
    expect(p.creates[1]).toMatchObject({ joinedOn: '2026-06-25', status: 'active', unit: { path: ['总经办'] } });
    expect(p.creates[2]).toMatchObject({ name: '无邮箱', email: null, unit: null, position: null, manager: null, joinedOn: null, status: 'active' });
    expect(p.unitsToCreate).toEqual([['销售部', '华南区'], ['销售部', '华南区', '深圳'], ['总经办']]);
    expect(p.positionsToCreate).toEqual(['大客户经理']);
  });

  it('leaves values of columns missing from the file untouched, and a missing status unchanged on update', async () => {
    const p = await plan('Email,Name\nwang@acme.test,王五五\n');
    expect(p.updates[0]).toEqual(expect.objectContaining({ name: '王五五' }));
    for (const field of ['employeeNo', 'unit', 'position', 'manager', 'joinedOn', 'status']) expect(p.updates[0]).not.toHaveProperty(field);
  });

  it('matches departments by path (with / or >), units named with a slash, and positions ignoring case', async () => {
    const p = await plan('Name,Department,Position\nA,销售部 > 华东区,engineer\nB,R/D,ENGINEER\nC,/销售部/,Designer\nD,,designer\n');
    expect(p.creates.map((c) => [c.unit, c.position])).toEqual([
      [{ id: 'u-east' }, { id: 'p-eng' }],
      [{ id: 'u-slash' }, { id: 'p-eng' }],
      [{ id: 'u-sales' }, { name: 'Designer' }],
      [null, { name: 'Designer' }],
    ]);
    expect(p.unitsToCreate).toEqual([]);
    expect(p.positionsToCreate).toEqual(['Designer']);
  });

  it('lets people who left stay in a deactivated unit but creates nothing below one', async () => {
    expect((await plan('Name,Department,Status\nA,旧部门,left\n')).creates[0].unit).toEqual({ id: 'u-old' });
    expect((await errors('Name,Department,Status\nA,旧部门/新组,left\n')).details[0]).toMatchObject({ row: 2, code: 'import.unit_inactive' });
  });
});

describe('parseDate and splitUnitPath', () => {
  it.each([
    ['2026-06-25', '2026-06-25'],
    ['2026/6/5', '2026-06-05'],
    ['2026.06.25', '2026-06-25'],
    ['2026年6月25日', '2026-06-25'],
    ['2026 年 6 月 25 日', '2026-06-25'],
    ['2026-06-25 00:00:00', '2026-06-25'],
    ['46198', '2026-06-25'],
    ['45658', '2025-01-01'],
    ['', null],
  ])('%s → %s', (raw, expected) => expect(parseDate(raw)).toBe(expected));

  it.each(['2026-13-01', '2026-02-30', '2025-02-29', '25/06/2026', 'June 25', '60', '0', '1800-01-01'])('rejects %s', (raw) => expect(parseDate(raw)).toBeUndefined());

  it('splits department paths from the top', () => {
    expect(splitUnitPath('销售部/华东区')).toEqual(['销售部', '华东区']);
    expect(splitUnitPath(' 销售部 > 华东区 ')).toEqual(['销售部', '华东区']);
    expect(splitUnitPath('销售部／华东区')).toEqual(['销售部', '华东区']);
    expect(splitUnitPath('销售部//华东区')).toBeNull();
  });
});

describe('messages of the people import', () => {
  const keys = Object.keys(messages.en).filter((k) => k.startsWith('import.'));
  it('exist in both languages with the same placeholders', () => {
    expect(keys.length).toBeGreaterThan(15);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      expect(messages['zh-CN'][key], key).toBeTruthy();
      expect(placeholders(messages['zh-CN'][key]), key).toEqual(placeholders(messages.en[key]));
    }
    expect(Object.keys(messages['zh-CN']).filter((k) => k.startsWith('import.')).sort()).toEqual([...keys].sort());
  });

  it('cover every key the import code uses', () => {
    const files = ['people-import.parse.ts', 'people-import.columns.ts', 'people-import.validate.ts', 'people-import.resolve.ts', 'people-import.service.ts', 'people-files.routes.ts'];
    const used = files.flatMap((f) => [...fs.readFileSync(path.join(import.meta.dirname, f), 'utf8').matchAll(/'(import\.[a-z_]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((k) => !keys.includes(k))).toEqual([]);
  });
});
