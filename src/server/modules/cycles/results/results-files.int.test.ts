import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, expect, it } from 'vitest';
import { assignTemplate, ensureSalesTemplate, ON_TARGET_VALUES, seedAppraisal, setManagerRating } from '../../../testing/appraisal-fixtures.ts';
import { setTerms } from '../../../testing/appraisal-results-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';
import { multipartFile } from '../../../testing/sessions.ts';

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}
/** Every row as wide as the sheet, empty cells undefined. */
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? undefined)));
  return rows;
};

describeEachDatabase('results files: export, actuals upload and template', (kind) => {
  let t: TestApp;
  let org: Org;
  let twinId: string;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  beforeAll(async () => {
    // Hana HR takes part too (outside the manager's units), and a second "Erin East" makes the name ambiguous
    const templateId = await ensureSalesTemplate(t, org);
    await assignTemplate(t, org, templateId, { personId: org.people.hrPerson });
    const twin = await t.api('POST', `/api/v1/workspaces/${org.ws}/people`, {
      token: org.tokens.admin,
      body: { name: 'Erin East', email: 'erin2@acme.test', employeeNo: 'E0042', unitId: org.units.east, positionId: org.positionId },
    });
    expect(twin.status).toBe(201);
    twinId = twin.body.id;
  });

  const cycles = (path: string) => `/api/v1/workspaces/${org.ws}/cycles${path}`;
  const download = (url: string, token: string, language = 'en') => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, 'accept-language': language } });
  const upload = (cycleId: string, token: string, content: string | Buffer, filename = 'actuals.csv') => {
    const { payload, headers } = multipartFile('file', filename, content);
    return t.app.inject({ method: 'POST', url: cycles(`/${cycleId}/actuals/import`), headers: { ...headers, authorization: `Bearer ${token}`, 'accept-language': 'en' }, payload });
  };

  it('exports the scoped ranking as XLSX: Results and Details sheets, headers in the request language', async () => {
    const { cycleId, participants: p } = await seedAppraisal(t, org, { state: 'open' });
    await setManagerRating(t, p.member, '沟通能力', 5);
    await setTerms(t, cycleId, p.member, ON_TARGET_VALUES);
    await setManagerRating(t, p.eastRep, '沟通能力', 3);
    await setTerms(t, cycleId, p.eastRep, { ...ON_TARGET_VALUES, 销售额: 70 });
    await t.api('PUT', cycles(`/${cycleId}/participants/${p.eastRep}/adjustment`), { token: org.tokens.admin, body: { total: 60, reason: 'A booking error caused the veto' } });

    const res = await download(cycles(`/${cycleId}/results.xlsx`), org.tokens.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="results-Test cycle [^"]+\.xlsx"; filename\*=UTF-8''results-Test%20cycle/);
    const workbook = await workbookOf(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Details']);
    const results = rowsOf(workbook.getWorksheet('Results')!);
    expect(results[0]).toEqual(['Rank', 'Person', 'Unit', 'Scorecard', 'Status', 'Subtotal', 'Total', 'Adjusted total', 'Adjustment reason', 'Final grade']);
    // on target with a rating of 5: 26 + 30 + 20 + 15 + 15 = 106 (S); eastRep vetoed, adjusted to 60 (C)
    expect(results[1]).toEqual([1, 'Max Member', '华东区', '销售代表考核表 month', 'complete', 106, 106, undefined, undefined, 'S']);
    // 26 + 21 + 20 + 15 + 9 = 91, vetoed ×0.5 = 45.5, adjusted to 60 (C)
    expect(results[2]).toEqual([2, 'Erin East', '华东区', '销售代表考核表 month', 'complete', 91, 45.5, 60, 'A booking error caused the veto', 'C']);
    expect(results.slice(3).map((r) => [r[0], r[1], r[4]])).toEqual(
      expect.arrayContaining([
        [undefined, 'Mia Manager', 'incomplete'],
        [undefined, 'Sam South', 'incomplete'],
      ]),
    );
    expect(results).toHaveLength(1 + 6); // Hana and the second Erin take part too
    const details = rowsOf(workbook.getWorksheet('Details')!);
    expect(details[0]).toEqual(['Person', 'Indicator', 'Indicator status', 'Actual', 'Target', 'Achievement', 'Multiplier', 'Points', 'Veto', 'Source', 'Data owner']);
    expect(details).toHaveLength(1 + 6 * 5);
    // this card names no source or data owner: those cells stay empty (docs/scoring.md §9 warns at design time)
    expect(details[1]).toEqual(['Max Member', '新大客户开发数量', 'scored', 21, 20, 1.05, 1.3, 26, undefined, undefined, undefined]);
    const erinSales = details.find((r) => r[0] === 'Erin East' && r[1] === '销售额')!;
    expect(erinSales[3]).toBe(70);
    expect(erinSales[4]).toBe(100);
    expect(erinSales[5] as number).toBeCloseTo(0.7, 12);
    expect(erinSales[7] as number).toBeCloseTo(21, 9);
    expect(erinSales[8]).toBe('triggered');
    const erinRating = details.find((r) => r[0] === 'Erin East' && r[1] === '沟通能力')!;
    expect(erinRating[3]).toBe(3);
    expect(erinRating[4]).toBeUndefined();
    expect(erinRating[6] as number).toBeCloseTo(0.6, 12);
    expect(erinRating[7] as number).toBeCloseTo(9, 9);

    const zh = await workbookOf((await download(cycles(`/${cycleId}/results.xlsx`), org.tokens.manager, 'zh-CN')).rawPayload);
    expect(zh.worksheets.map((s) => s.name)).toEqual(['结果', '明细']);
    const zhRows = rowsOf(zh.getWorksheet('结果')!);
    expect(zhRows[0][1]).toBe('人员');
    expect(zhRows.map((r) => r[1])).not.toContain('Hana HR'); // outside the manager's units
    expect((await download(cycles(`/${cycleId}/results.xlsx`), org.tokens.member)).statusCode).toBe(403);
  });

  it('uploads actuals from a CSV: by email, employee number or name, NA marks indicators not applicable, empty cells keep values; audited once', async () => {
    const { cycleId, participants: p } = await seedAppraisal(t, org, { state: 'open' });
    await setTerms(t, cycleId, p.southRep, { 费用率: 0.04 });
    const csv = [
      'person,新大客户开发数量,销售额,回款额,应收额,费用率',
      'member@acme.test,21,"1,000",90,100,5%',
      'erin@acme.test,10,80,,,',
      'Sam South,NA,100,90,100,',
      'E0042,,,,,不适用',
    ].join('\n');
    const res = await upload(cycleId, org.tokens.manager, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 4, participants: 4, values: 10, notApplicable: 2 });

    const values = (await t.database.pool.query(`select participant_id, term, value, source from cycle_term_values where participant_id = any($1::uuid[]) order by 1, 2`, [[p.member, p.southRep]])).rows;
    expect(values.filter((v) => v.participant_id === p.member).map((v) => [v.term, v.value, v.source])).toEqual(
      expect.arrayContaining([
        ['销售额', 1000, 'upload'],
        ['费用率', 0.05, 'upload'],
      ]),
    );
    // the empty 费用率 cell kept Sam's earlier value
    expect(values.find((v) => v.participant_id === p.southRep && v.term === '费用率')).toMatchObject({ value: 0.04, source: 'entry' });
    const na = (await t.database.pool.query(`select p.not_applicable, pe.name from cycle_participants p join people pe on pe.id = p.person_id where p.cycle_id = $1 order by pe.email`, [cycleId])).rows;
    expect(na.find((r) => r.name === 'Sam South').not_applicable).toEqual(['新大客户开发数量']);
    const twin = (await t.database.pool.query(`select not_applicable from cycle_participants where cycle_id = $1 and person_id = $2`, [cycleId, twinId])).rows[0];
    expect(twin.not_applicable).toEqual(['费用率']);
    const [member] = (await t.database.pool.query(`select status, total from cycle_participants where id = $1`, [p.member])).rows;
    expect(member.status).toBe('incomplete'); // 沟通能力 is not rated yet

    const audit = await t.api('GET', `/api/v1/workspaces/${org.ws}/audit?action=cycle.actuals_import&entityId=${cycleId}`, { token: org.tokens.admin });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].after).toMatchObject({ filename: 'actuals.csv', format: 'csv', rows: 4, participants: 4 });
    expect(audit.body.items[0].before.values).toEqual([]);

    // GBK (what Chinese Excel saves) and XLSX read the same way
    const gbk = await upload(cycleId, org.tokens.admin, iconv.encode('person,销售额\nhana@acme.test,88\n', 'gbk'));
    expect(gbk.statusCode, gbk.body).toBe(200);
    expect(gbk.json()).toMatchObject({ rows: 1, values: 1 });
  });

  it('rejects a file with any problem as a whole, every problem located by row and column; nothing is written', async () => {
    const { cycleId, participants: p } = await seedAppraisal(t, org, { state: 'open' });
    const before = (await t.database.pool.query(`select count(*)::int as n from cycle_term_values v join cycle_participants p on p.id = v.participant_id where p.cycle_id = $1`, [cycleId])).rows[0].n;
    // Sam's scorecard reads no 回款额 (a card without 回款率)
    await t.database.pool.query(
      `update cycle_participants set card = jsonb_set(card, '{indicators}', (select jsonb_agg(i) from jsonb_array_elements(card->'indicators') i where i->>'key' <> '回款率')) where id = $1`,
      [p.southRep],
    );
    const csv = [
      'person,销售额,销售 额,沟通能力,回款额',
      'member@acme.test,100,,,',
      'Nobody Here,100,,,',
      'Erin East,100,,,',
      'hana@acme.test,100,,,',
      'manager@acme.test,100,,,',
      'sam@acme.test,lots,,,90',
      'member@acme.test,90,,,',
    ].join('\n');
    const res = await upload(cycleId, org.tokens.manager, csv);
    expect(res.statusCode, res.body).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('import_failed');
    expect(error.message).toContain('9 error(s)');
    expect(error.details.map((d: any) => [d.row, d.column, d.value, d.code])).toEqual([
      [1, '销售 额', '销售 额', 'actuals.unknown_column_suggest'],
      [1, '沟通能力', '沟通能力', 'actuals.rated_column'],
      [3, 'person', 'Nobody Here', 'actuals.person_unknown'],
      [4, 'person', 'Erin East', 'actuals.person_ambiguous'],
      // outside the manager's units: exactly like nobody at all
      [5, 'person', 'hana@acme.test', 'actuals.person_unknown'],
      [6, 'person', 'manager@acme.test', 'actuals.person_self'],
      [7, '销售额', 'lots', 'actuals.not_number'],
      [7, '回款额', '90', 'actuals.term_not_on_card'],
      [8, 'person', 'member@acme.test', 'actuals.person_duplicate'],
    ]);
    expect(error.details[0].message).toContain('did you mean "销售额"');
    expect(error.details[3].message).toContain('2 participants');
    expect(error.details[8].message).toContain('row 2');
    const after = (await t.database.pool.query(`select count(*)::int as n from cycle_term_values v join cycle_participants p on p.id = v.participant_id where p.cycle_id = $1`, [cycleId])).rows[0].n;
    expect(after).toBe(before);
    const audit = await t.api('GET', `/api/v1/workspaces/${org.ws}/audit?action=cycle.actuals_import&entityId=${cycleId}`, { token: org.tokens.admin });
    expect(audit.body.items).toEqual([]);
  });

  it('lists the first 100 problems with the count of all, and refuses members, other states and non-spreadsheets', async () => {
    const { cycleId } = await seedAppraisal(t, org, { state: 'open' });
    const many = ['person,销售额', ...Array.from({ length: 150 }, (_, i) => `ghost${i},1`)].join('\n');
    const res = await upload(cycleId, org.tokens.admin, many);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toHaveLength(100);
    expect(res.json().error.message).toContain('150');

    expect((await upload(cycleId, org.tokens.member, 'person,销售额\n')).statusCode).toBe(403);
    const binary = await upload(cycleId, org.tokens.admin, Buffer.from([0, 1, 2, 3, 0, 0]), 'x.bin');
    expect(binary.statusCode).toBe(415);
    const noPerson = await upload(cycleId, org.tokens.admin, '销售额\n100\n');
    expect(noPerson.json().error.details).toEqual([expect.objectContaining({ row: 1, column: 'person', code: 'actuals.person_column_missing' })]);

    const calibrating = await seedAppraisal(t, org, { state: 'calibrating' });
    const late = await upload(calibrating.cycleId, org.tokens.admin, 'person,销售额\nmember@acme.test,1\n');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('invalid_state');
  });

  it('gives a template to fill in: the participants the viewer manages and a column per term, with the values so far', async () => {
    const { cycleId, participants: p } = await seedAppraisal(t, org, { state: 'open' });
    await setTerms(t, cycleId, p.member, { 销售额: 77 });
    const res = await download(cycles(`/${cycleId}/actuals/template.xlsx`), org.tokens.manager);
    expect(res.statusCode, res.body).toBe(200);
    const workbook = await workbookOf(res.rawPayload);
    const rows = rowsOf(workbook.worksheets[0]);
    expect(rows[0]).toEqual(['person', '新大客户开发数量', '销售额', '回款额', '应收额', '费用率']);
    // names that repeat are given by email; the manager themselves and Hana (outside their units) are absent
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['Max Member', 'Sam South', 'erin2@acme.test', 'erin@acme.test']);
    expect(rows.find((r) => r[0] === 'Max Member')![2]).toBe(77);
    // the template uploads back unchanged
    const back = await t.app.inject({
      method: 'POST',
      url: cycles(`/${cycleId}/actuals/import`),
      ...(() => {
        const { payload, headers } = multipartFile('file', 'template.xlsx', res.rawPayload, 'application/octet-stream');
        return { payload, headers: { ...headers, authorization: `Bearer ${org.tokens.manager}` } };
      })(),
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ rows: 4, values: 1 });
    expect((await download(cycles(`/${cycleId}/actuals/template.xlsx`), org.tokens.member)).statusCode).toBe(403);
  });
});
