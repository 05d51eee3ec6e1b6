import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { runCommand } from './testing/run-command.ts';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerScoreCommand } from './score.command.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-score-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** The example scorecard of docs/scoring.md §11, as the docs show it. */
const seedText = fs
  .readFileSync(path.join(import.meta.dirname, '../../docs/scoring.md'), 'utf8')
  .split('<!-- example:scorecard -->')[1]
  .match(/```json\n([\s\S]*?)```/)![1];
const seed = JSON.parse(seedText);

let n = 0;
function file(name: string, content: string | Buffer | object): string {
  const p = path.join(dir, `${n++}-${name}`);
  fs.writeFileSync(p, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return p;
}
const card = () => file('card.json', seedText);

const HEADER = 'person,销售额,新大客户开发数量,应收账款回收率,销售费用率,销售成本,期初库存余额,期末库存余额,完成销售的能力';
/** The worked example of docs/scoring.md: 97.5 (S); with sales at 750,000 the veto halves it to 42.75 (D). */
const ZHANG = '张三,1150000,9,0.855,0.045,810000,200000,250000,4';
const LI = '李四,750000,9,0.855,0.045,810000,200000,250000,4';
const csv = (...lines: string[]) => file('actuals.csv', `${lines.join('\n')}\n`);

/** Runs `kedu score …` in-process; returns the exit code and what was written. */
const kedu = (...args: string[]) => runCommand(registerScoreCommand, 'score', args);

type Out = { results: { person: string; status: string; subtotal: number | null; total: number | null; grade: string | null; vetoes: string[]; indicators: Record<string, unknown>[] }[]; warnings: Record<string, unknown>[] };
async function scoreJson(actuals: string, scorecard = card()): Promise<Out> {
  const r = await kedu(scorecard, '--actuals', actuals, '--lang', 'en');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}
const ind = (o: Out, person: number, key: string) => o.results[person].indicators.find((i) => i.key === key)!;

describe('kedu score: results', () => {
  it('scores the seed sales scorecard of docs/scoring.md (97.5 S; the veto case 42.75 D)', async () => {
    const o = await scoreJson(csv(HEADER, ZHANG, LI));
    expect(o.warnings).toEqual([]);
    expect(o.results.map((r) => [r.person, r.status, r.subtotal, r.total, r.grade, r.vetoes])).toEqual([
      ['张三', 'complete', 97.5, 97.5, 'S', []],
      ['李四', 'complete', 85.5, 42.75, 'D', ['销售额']],
    ]);
    expect(o.results[0].indicators.map((i) => i.key)).toEqual(seed.indicators.map((i: { key: string }) => i.key));
    expect(ind(o, 0, '销售额')).toEqual({ key: '销售额', actual: 1150000, target: 1000000, achievement: 1.15, multiplier: 1.15, points: 34.5, notApplicable: false, vetoTriggered: false, error: null });
    expect(ind(o, 0, '成品周转率')).toMatchObject({ actual: 3.6, target: 4, multiplier: 0.9, points: 9 });
    expect(ind(o, 0, '完成销售的能力')).toMatchObject({ actual: 4, target: null, achievement: 0.8, points: 12 });
    expect(ind(o, 1, '销售额')).toMatchObject({ achievement: 0.75, points: 22.5, vetoTriggered: true });
  });

  it('NA leaves an indicator out and scales the other weights up to 100; NA in one formula term leaves its indicator out', async () => {
    const o = await scoreJson(csv(HEADER, '张三,1150000,9,0.855,0.045,810000,200000,250000,NA', '李四,1150000,9,0.855,0.045,810000,n/a,250000,4'));
    const [a, b] = o.results;
    expect(a.status).toBe('complete');
    expect(a.total).toBeCloseTo((85.5 * 100) / 85, 9); // 97.5 − 12 over the remaining 85 points
    expect(ind(o, 0, '完成销售的能力')).toMatchObject({ notApplicable: true, points: null, error: null });
    expect(ind(o, 0, '销售额').points).toBeCloseTo((30 * 100 / 85) * 1.15, 9);
    expect(b.total).toBeCloseTo((88.5 * 100) / 90, 9);
    expect(ind(o, 1, '成品周转率')).toMatchObject({ notApplicable: true, actual: null });
  });

  it('an empty cell makes that person incomplete, with the reason; the others are still scored (exit 0)', async () => {
    const o = await scoreJson(csv(HEADER, '张三,,9,0.855,0.045,810000,200000,250000,4', '王五,1150000,9,0.855,0.045,810000,200000,,4', ZHANG.replace('张三', '赵六')));
    expect(o.results.map((r) => [r.status, r.total, r.grade])).toEqual([
      ['incomplete', null, null],
      ['incomplete', null, null],
      ['complete', 97.5, 'S'],
    ]);
    expect(ind(o, 0, '销售额')).toMatchObject({ actual: null, points: null, error: { code: 'actual.missing', message: '"销售额" has no actual yet, so the scorecard is incomplete.' } });
    expect(ind(o, 0, '新大客户开发数量')).toMatchObject({ points: 22, error: null });
    expect(ind(o, 1, '成品周转率')).toMatchObject({ error: { code: 'actual.missing_terms' } });
    expect(String((ind(o, 1, '成品周转率').error as { message: string }).message)).toContain('期末库存余额');
  });

  it('a target:<key> column overrides the target for its row; an empty one keeps the scorecard target', async () => {
    const o = await scoreJson(csv(`${HEADER},target:销售额`, `${ZHANG},"1,150,000"`, `${LI},`));
    expect(ind(o, 0, '销售额')).toMatchObject({ target: 1150000, achievement: 1, points: 30 });
    expect(o.results[0].total).toBe(93);
    expect(ind(o, 1, '销售额')).toMatchObject({ target: 1000000 });
    expect(o.results[1].total).toBe(42.75);
  });

  it('reads 1,234.5, 12% and full-width digits', async () => {
    const o = await scoreJson(csv(HEADER, '张三,"1,150,000",９,85.5%,4.5％,"810,000.00",200000,250000,４'));
    expect(o.results[0].total).toBeCloseTo(97.5, 9);
    expect(ind(o, 0, '应收账款回收率').actual).toBeCloseTo(0.855, 12);
  });

  it('reads XLSX (numbers, text and percentages as the cells hold them)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('actuals');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['张三', 1150000, 9, 0.855, '4.5%', 810000, 200000, 250000, 4]);
    sheet.addRow([]);
    sheet.addRow(['李四', 750000, 9, 0.855, 0.045, 810000, 200000, 250000, 'NA']);
    const o = await scoreJson(file('actuals.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(o.results[0]).toMatchObject({ person: '张三', total: 97.5, grade: 'S' });
    expect(o.results[1]).toMatchObject({ person: '李四', vetoes: ['销售额'] });
    expect(o.results[1].total).toBeCloseTo(((85.5 - 12) * 100) / 85 / 2, 9);
  });

  it('reads a GBK CSV as saved by Chinese Excel', async () => {
    const o = await scoreJson(file('gbk.csv', iconv.encode(`${HEADER}\r\n${ZHANG}\r\n${LI}\r\n`, 'gbk')));
    expect(o.results.map((r) => [r.person, r.total])).toEqual([
      ['张三', 97.5],
      ['李四', 42.75],
    ]);
  });

  it('warnings: the design warnings of the scorecard and notes on the file', async () => {
    const from = { source: { kind: 'budget' }, dataOwner: { kind: 'position', name: '财务专员' } };
    const dominant = file('dominant.json', {
      format: 'kedu.scorecard/v1',
      name: 'd',
      indicators: [
        { key: '销售额', name: '销售额', purpose: 'p', direction: 'higher', weight: 80, target: 100, rule: { type: 'proportional' }, cap: 1.2, ...from },
        { key: '回款', name: '回款', purpose: 'p', direction: 'higher', weight: 20, target: 100, rule: { type: 'proportional' }, cap: 1.2, ...from },
      ],
    });
    const o = await scoreJson(csv('person,销售额,回款', 'a,100,', 'b,90,'), dominant);
    expect(o.warnings).toEqual([
      { source: 'scorecard', code: 'design.dominant', indicator: '销售额', message: expect.stringContaining('销售额') },
      { source: 'actuals', code: 'column.all_empty', column: '回款', message: 'The "回款" column is empty in every row: every result will be incomplete.' },
    ]);
    expect(o.results.map((r) => r.status)).toEqual(['incomplete', 'incomplete']);
  });
});

describe('kedu score: formats', () => {
  const actuals = () => csv(HEADER, ZHANG, LI, '王五,,9,0.855,0.045,810000,200000,250000,4');

  it('--format table: an aligned table in zh-CN (LANG) or en', async () => {
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    const zh = await kedu(card(), '--actuals', actuals(), '--format', 'table');
    expect(zh.code).toBe(0);
    expect(zh.err).toBe('');
    expect(zh.out).toMatchInlineSnapshot(`
      "人员  状态       总分  等级  否决
      张三  已完成    97.50  S
      李四  已完成    42.75  D     销售额
      王五  数据不全      —  —
      "
    `);
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const en = await kedu(card(), '--actuals', actuals(), '--format', 'table');
    expect(en.out).toMatchInlineSnapshot(`
      "Person  Status      Total  Grade  Vetoes
      张三    complete    97.50  S
      李四    complete    42.75  D      销售额
      王五    incomplete      —  —
      "
    `);
  });

  it('--format csv: one row per person, then the points of each indicator', async () => {
    const r = await kedu(card(), '--actuals', actuals(), '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "person,status,total,grade,vetoes,points:销售额,points:新大客户开发数量,points:应收账款回收率,points:销售费用率,points:成品周转率,points:完成销售的能力
      张三,complete,97.5,S,,34.5,22,9,11,9,12
      李四,complete,42.75,D,销售额,22.5,22,9,11,9,12
      王五,incomplete,,,,,22,9,11,9,12
      "
    `);
  });

  it('--format table/csv print the warnings on stderr', async () => {
    const r = await kedu(card(), '--actuals', csv(HEADER, ZHANG.replace(',4', ',')), '--format', 'csv', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toBe('warning: The "完成销售的能力" column is empty in every row: every result will be incomplete.\n');
  });

  it('rejects an unknown --format (exit 2)', async () => {
    expect((await kedu(card(), '--actuals', actuals(), '--format', 'xml')).code).toBe(2);
  });
});

describe('kedu score: bad input exits 2 with every problem, and prints nothing else', () => {
  async function problems(actuals: string, scorecard = card()): Promise<string[]> {
    const r = await kedu(scorecard, '--actuals', actuals, '--format', 'table', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^kedu: \d+ problems? found; nothing was scored$/);
    return lines.slice(0, -1).map((l) => l.replace(`${actuals}`, 'A').replace(scorecard, 'C'));
  }

  it('header problems: missing person, unknown column (with a suggestion), missing term, duplicate, bad target columns', async () => {
    const header = '销售额,新大客户开发数,应收账款回收率,销售费用率,销售成本,期初库存余额,期末库存余额,完成销售的能力,销售额,target:利润,target:完成销售的能力,,备注';
    expect(await problems(csv(header, '1,2,3,4,5,6,7,8,9,10,11,,x'))).toEqual([
      'A row 1, column "新大客户开发数": Unknown column "新大客户开发数": it is not person, a term of any indicator, nor target:<indicator key> — did you mean "新大客户开发数量"?',
      'A row 1, column "销售额": The column "销售额" appears more than once: each column may appear only once.',
      'A row 1, column "target:利润": Column "target:利润": the scorecard has no indicator with the key "利润".',
      'A row 1, column "target:完成销售的能力": Column "target:完成销售的能力": "完成销售的能力" is rated manually and has no target.',
      'A row 1, column "备注": Unknown column "备注": it is not person, a term of any indicator, nor target:<indicator key>. Remove it or correct its name.',
      'A row 1, column "person": There is no "person" column: row 1 (the header) needs a person column, one person a row.',
      'A row 1, column "新大客户开发数量": There is no "新大客户开发数量" column: "新大客户开发数量" needs it.',
    ]);
  });

  it('a column with data but no header is named by its letter', async () => {
    expect(await problems(csv(HEADER.replace('person,', 'person,,'), ZHANG.replace('张三,', '张三,note,')))).toEqual(['A row 1, column "B": Column B has data but no header: name it in row 1 or remove it.']);
    // an unnamed column without data is no problem
    expect((await kedu(card(), '--actuals', csv(HEADER.replace('person,', 'person,,'), ZHANG.replace('张三,', '张三,,')))).code).toBe(0);
  });

  it('cell problems, each with its row (as a spreadsheet numbers it) and column', async () => {
    const lines = await problems(
      csv(
        `${HEADER},target:销售额`,
        `${ZHANG},0`, // row 2: target 0
        '', // row 3: blank, skipped but counted
        `${LI.replace('750000', 'abc')},x`, // row 4: not a number ×2
        `${ZHANG},`, // row 5: duplicate person
        ',1,2,3,4,5,6,7,4,', // row 6: no person
        `王五,1,2,3,4,5,6,7,6,`, // row 7: rating out of scale
        '赵六,NA,NA,NA,NA,NA,NA,NA,NA,', // row 8: nothing applicable
        '钱七,"1,5",12,3,4,5,6,7,3,', // row 9: decimal comma is not a number
      ),
    );
    expect(lines).toEqual([
      'A row 2, column "target:销售额" (value "0"): A target must be above 0: achievement only makes sense against a positive target.',
      'A row 4, column "销售额" (value "abc"): Not a number: write a number (1,234.5 or 12% are fine), NA when not applicable, or leave it empty when not known.',
      `A row 4, column "target:销售额" (value "x"): The target is not a number: write a number above 0, or leave it empty for the scorecard's target.`,
      'A row 5, column "person" (value "张三"): This person is already on row 2: one row per person.',
      'A row 6, column "person": This row has data but no person.',
      'A row 7, column "完成销售的能力" (value "6"): The rating is outside the scale 1–5.',
      'A row 8: Every (weighted) indicator of this person is marked NA: at least one must apply to score.',
      'A row 9, column "销售额" (value "1,5"): Not a number: write a number (1,234.5 or 12% are fine), NA when not applicable, or leave it empty when not known.',
    ]);
  });

  it('in zh-CN, the same problems read naturally', async () => {
    const a = csv(HEADER, LI.replace('750000', 'abc'));
    const r = await kedu(card(), '--actuals', a, '--format', 'table', '--lang', 'zh-CN');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${a} 第 2 行，“销售额”列（值 “abc”）：不是数字：请填写数字（可写 1,234.5 或 12%），不适用填 NA，未知留空。\nkedu: 发现 1 处问题，未计分\n`);
  });

  it('an invalid scorecard: every problem with its path, together with the problems of the actuals file', async () => {
    const bad = structuredClone(seed);
    bad.indicators[0].weight = 40; // weights sum to 110
    bad.indicators[2].target = 0;
    const c = file('bad.json', bad);
    const lines = await problems(file('empty.csv', ''), c);
    expect(lines).toEqual([
      'C indicators[2].target: The target of "应收账款回收率" is 0, so no achievement can be computed: set a target above 0.',
      'C indicators: The weights add up to 110, not 100: adjust them so that they sum to 100.',
      'A row 1: The file is empty: row 1 is the header (person and the terms), then one person a row from row 2.',
    ]);
  });

  it('a scorecard that is not the format: the field and what is wrong', async () => {
    const bad = structuredClone(seed);
    bad.indicators[1].rule.tiers[0].multiplier = 'x';
    delete bad.name;
    expect(await problems(csv(HEADER, ZHANG), file('bad.json', bad))).toEqual(['C: name is required', 'C: indicators[1].rule.tiers[0].multiplier has the wrong type: expected number']);
  });

  it('a formula that does not compile is a scorecard problem', async () => {
    const bad = structuredClone(seed);
    bad.indicators[4].formula = '销售成本÷(期初库存余额+';
    const lines = await problems(csv(HEADER, ZHANG), file('bad.json', bad));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^C indicators\[4\]\.formula: The formula is wrong: /);
  });

  it('missing files, JSON that is not JSON, files that are not spreadsheets', async () => {
    expect(await problems(path.join(dir, 'nope.csv'), path.join(dir, 'nope.json'))).toEqual(['C: No such file.', 'A: No such file.']);
    const lines = await problems(file('x.xlsx', 'not excel'), file('bad.json', '{ "format": '));
    expect(lines[0]).toMatch(/^C: Not valid JSON: /);
    expect(lines[1]).toBe('A: Not a CSV or XLSX file (named as an Excel file but not an Excel workbook).');
  });

  it('says what a file that is not a spreadsheet is in the language asked, with no English in the Chinese', async () => {
    const zip = file('book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    const zh = await kedu(card(), '--actuals', zip, '--format', 'table', '--lang', 'zh-CN');
    expect(zh.code).toBe(2);
    const line = zh.err.split('\n').find((l) => l.startsWith(zip))!;
    expect(line.slice(zip.length)).toBe('：不是 CSV 或 XLSX 文件（zip 压缩包，但不是 Excel 工作簿）。');
    const en = await kedu(card(), '--actuals', zip, '--format', 'table', '--lang', 'en');
    expect(en.err).toContain(`${zip}: Not a CSV or XLSX file (a zip, not an Excel workbook).`);
  });

  it('--format json prints { errors } on stdout and nothing on stderr', async () => {
    const a = csv(HEADER, LI.replace('750000', 'abc'));
    const r = await kedu(card(), '--actuals', a, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({
      errors: [{ file: a, row: 2, column: '销售额', path: null, value: 'abc', code: 'cell.not_number', message: expect.stringMatching(/^Not a number/) }],
    });
  });

  it('--actuals is required', async () => {
    expect((await kedu(card())).code).toBe(2);
  });
});
