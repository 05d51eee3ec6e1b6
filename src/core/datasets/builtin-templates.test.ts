import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cellText, readSpreadsheet } from '../../server/files/spreadsheet.ts';
import { openTableStream } from '../../server/files/table-stream.ts';
import { BUILTIN_TEMPLATES } from './builtin-templates.ts';
import { normaliseCell } from './cell-values.ts';
import { findHeaderRow, headerKey, matchTemplate } from './templates.ts';
import { BUILTIN_INDICATORS } from '../indicators/builtin.ts';
import { SUGGESTED_METRICS } from './builtin-metrics.ts';
import { withFields } from './dataset-columns.ts';
import { checkMetric } from './metric-definition.ts';

const samples = path.resolve(import.meta.dirname, '../../../samples/imports');
const sampleFiles = fs.readdirSync(samples).filter((f) => /\.(csv|xlsx)$/.test(f));

async function read(file: string) {
  const stream = await openTableStream(path.join(samples, file));
  const records: string[][] = [];
  for await (const r of stream.records) records.push(r.values);
  const at = findHeaderRow(records, BUILTIN_TEMPLATES);
  return { encoding: stream.encoding, headerAt: at, headers: records[at]!, rows: records.slice(at + 1) };
}

/** Every row of the first worksheet as the texts a spreadsheet shows. */
async function xlsxRecords(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const records: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const values: string[] = [];
    row.eachCell((cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    records.push(Array.from(values, (v) => v ?? ''));
  });
  return records;
}

describe('built-in templates', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))('%s is consistent: unique names, key and date columns among its columns, a datetime date column', (_key, t) => {
    const names = t.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const labels = t.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])].map(headerKey));
    expect(new Set(labels).size, 'a name or alias names two columns').toBe(labels.length);
    for (const k of t.keyColumns) expect(names).toContain(k);
    for (const c of t.columns) {
      for (const alias of c.aliases ?? []) expect(names.map(headerKey), `${c.name}'s alias ${alias} is another column's name`).not.toContain(headerKey(alias));
    }
    const date = t.columns.find((c) => c.name === t.dateColumn);
    expect(date?.type).toBe('datetime');
    // a dataset cannot be made without its date column, so a file without it must not match
    expect(date?.required, `${t.dateColumn} is required`).toBe(true);
    expect(t.columns.some((c) => c.required)).toBe(true);
    expect(t.name.en).not.toBe('');
    expect(t.description['zh-CN']).not.toBe('');
  });

  it('ships a sample file for every template', () => {
    const files = fs.readdirSync(samples).filter((f) => /\.(csv|xlsx)$/.test(f));
    expect(files.map((f) => f.replace(/\.(csv|xlsx)$/, '')).sort()).toEqual(BUILTIN_TEMPLATES.map((t) => t.key).sort());
  });

  it.each(fs.readdirSync(samples).filter((f) => /\.(csv|xlsx)$/.test(f)))('%s is recognised with no mapping, and every cell reads as its column’s type', async (file) => {
    const { headers, rows } = await read(file);
    const match = matchTemplate(headers, BUILTIN_TEMPLATES);
    expect(match?.template.key).toBe(file.replace(/\.(csv|xlsx)$/, ''));
    expect(match!.unused).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    match!.template.columns.forEach((c, i) => {
      const at = match!.indexes[i];
      if (at === null || at === undefined) return;
      for (const row of rows) {
        const cell = normaliseCell(row[at] ?? '', c.type);
        expect(cell.ok, `${file} ${c.name} "${row[at]}": ${cell.ok ? '' : cell.message.en}`).toBe(true);
      }
    });
  });

  it.each(sampleFiles)('%s reads the same with readSpreadsheet (row 1 as header; the header row found under a banner)', async (file) => {
    const table = await readSpreadsheet(fs.readFileSync(path.join(samples, file)), file);
    let records = [table.headers, ...table.rows.map((r) => r.values)];
    if (file.startsWith('xiaohongshu')) {
      // readSpreadsheet takes row 1 — the banner — for the header and cuts rows to its one cell,
      // so the banner file is read row by row with ExcelJS, as the import's stream reads it
      expect(table.headers).toEqual(['最多导出排序后前1000条笔记']);
      records = await xlsxRecords(path.join(samples, file));
    }
    const at = findHeaderRow(records, BUILTIN_TEMPLATES);
    expect(at).toBe(file.startsWith('xiaohongshu') ? 1 : 0);
    const match = matchTemplate(records[at]!, BUILTIN_TEMPLATES);
    expect(match?.template.key).toBe(file.replace(/\.(csv|xlsx)$/, ''));
    const rows = records.slice(at + 1);
    const streamed = await read(file);
    expect(rows.length).toBe(streamed.rows.length);
    match!.template.columns.forEach((c, i) => {
      const index = match!.indexes[i];
      if (index === null || index === undefined) return;
      for (const row of rows) expect(normaliseCell(row[index] ?? '', c.type).ok, `${file} ${c.name} "${row[index]}"`).toBe(true);
    });
  });

  it.each(sampleFiles)('%s imports whole: every row has its date and key, and no key repeats', async (file) => {
    const { headers, rows } = await read(file);
    const match = matchTemplate(headers, BUILTIN_TEMPLATES)!;
    const { template, indexes } = match;
    const value = (row: string[], name: string) => {
      const i = template.columns.findIndex((c) => c.name === name);
      const at = indexes[i];
      const cell = at === null || at === undefined ? null : normaliseCell(row[at] ?? '', template.columns[i]!.type);
      return cell?.ok ? cell.value : null;
    };
    const keys = new Set<string>();
    for (const row of rows) {
      expect(value(row, template.dateColumn), `${file}: a row without ${template.dateColumn}`).not.toBeNull();
      if (template.keyColumns.length === 0) continue;
      const key = template.keyColumns.map((k) => value(row, k));
      expect(key, `${file}: a row without its key`).not.toContain(null);
      keys.add(JSON.stringify(key));
    }
    if (template.keyColumns.length) expect(keys.size, `${file}: a key repeats`).toBe(rows.length);
  });

  it('reads exact values of the samples as documented', async () => {
    const cell = async (file: string, row: number, name: string) => {
      const { headers, rows } = await read(file);
      const m = matchTemplate(headers, BUILTIN_TEMPLATES)!;
      const i = m.template.columns.findIndex((c) => c.name === name);
      const raw = rows[row]![m.indexes[i]!]!;
      return { raw, ...normaliseCell(raw, m.template.columns[i]!.type) };
    };
    expect(await cell('wechat-channels-videos.csv', 0, '完播率')).toEqual({ raw: '28.64%', ok: true, value: 0.2864 });
    expect(await cell('wechat-channels-videos.csv', 0, '平均播放时长')).toEqual({ raw: '10秒', ok: true, value: 10 });
    expect(await cell('wechat-channels-videos.csv', 0, '发布时间')).toEqual({ raw: '2026/10/02', ok: true, value: '2026-10-02' });
    expect(await cell('wechat-content-notified.csv', 0, '发表时间')).toEqual({ raw: '20261001', ok: true, value: '2026-10-01' });
    // a plain number in a percent column is a fraction already
    expect(await cell('wechat-content-notified.csv', 0, '送达阅读率')).toEqual({ raw: '0.0446', ok: true, value: 0.0446 });
    expect(await cell('taobao-sold-items.csv', 0, '订单编号')).toEqual({ raw: '="3987654321098765"', ok: true, value: '3987654321098765' });
    expect(await cell('taobao-sold-items.csv', 0, '联系手机')).toEqual({ raw: '="18620325378"', ok: true, value: '18620325378' });
    expect(await cell('taobao-sold-items.csv', 0, '买家实际支付金额')).toEqual({ raw: '459.00', ok: true, value: 459 });
    expect(await cell('taobao-sold-items.csv', 1, '订单付款时间')).toEqual({ raw: '', ok: true, value: null });
    expect(await cell('xiaohongshu-notes.xlsx', 0, '首次发布时间')).toEqual({ raw: '2026年10月02日16时16分02秒', ok: true, value: '2026-10-02T16:16:02' });
    expect(await cell('xiaohongshu-notes.xlsx', 0, '封面点击率')).toEqual({ raw: '13.8%', ok: true, value: 0.138 });
    expect(await cell('douyin-works.xlsx', 0, '平均播放时长')).toEqual({ raw: '18秒', ok: true, value: 18 });
    expect(await cell('wechat-user-analysis.csv', 0, '累积关注人数')).toEqual({ raw: '48354', ok: true, value: 48354 });
    expect(await cell('wechat-user-analysis.csv', 60, '时间')).toEqual({ raw: '2026-11-30', ok: true, value: '2026-11-30' });
    expect(await cell('youzan-order-items.csv', 5, '商品规格')).toEqual({ raw: '', ok: true, value: null });
  });

  it('has Youzan orders for the demo people: 30 orders of Oct–Nov 2026 by 王芳 and 李娜, some closed, some refunded', async () => {
    const { headers, rows } = await read('youzan-orders.csv');
    const at = (name: string) => headers.indexOf(name);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r[at('分销员')]))).toEqual(new Set(['王芳', '李娜']));
    expect(new Set(rows.map((r) => r[at('订单状态')]))).toEqual(new Set(['交易成功', '交易关闭']));
    expect(rows.every((r) => /^2026-1[01]-/.test(r[at('订单创建时间')]!))).toBe(true);
    expect(new Set(rows.map((r) => r[at('订单创建时间')]!.slice(0, 7)))).toEqual(new Set(['2026-10', '2026-11']));
    expect(rows.filter((r) => Number(r[at('订单已退款金额')]) > 0).length).toBeGreaterThanOrEqual(2);
    // a closed order was never paid: no payment time, nothing paid
    for (const r of rows.filter((x) => x[at('订单状态')] === '交易关闭')) {
      expect(r[at('买家付款时间')]).toBe('');
      expect(Number(r[at('订单实付金额')])).toBe(0);
    }
  });

  it('reads the real forms: GBK and ="…" in Taobao, BOM and 28.64% / 10秒 in 视频号, the banner of Xiaohongshu, - as missing in Douyin', async () => {
    const taobao = await read('taobao-sold-items.csv');
    expect(taobao.encoding).toBe('gb18030');
    const order = taobao.rows[0]![taobao.headers.indexOf('订单编号')]!;
    expect(order).toMatch(/^="\d{16}"$/);
    expect(normaliseCell(order, 'text')).toEqual({ ok: true, value: order.slice(2, -1) });

    const channels = await read('wechat-channels-videos.csv');
    expect(channels.encoding).toBe('utf-8');
    expect(channels.headers[0]).toBe('视频描述');
    const rate = channels.rows[0]![channels.headers.indexOf('完播率')]!;
    expect(rate).toMatch(/^\d+\.\d{2}%$/);
    expect(normaliseCell(rate, 'percent')).toEqual({ ok: true, value: Number(rate.slice(0, -1)) / 100 });
    expect(channels.rows.some((r) => /^\d+秒$/.test(r[channels.headers.indexOf('平均播放时长')]!))).toBe(true);

    const xhs = await read('xiaohongshu-notes.xlsx');
    expect(xhs.headerAt).toBe(1);
    expect(normaliseCell(xhs.rows[0]![1]!, 'datetime')).toMatchObject({ ok: true, value: expect.stringMatching(/^2026-10-\d\dT\d\d:\d\d:\d\d$/) });

    const douyin = await read('douyin-works.xlsx');
    const plays = douyin.headers.indexOf('播放量');
    expect(douyin.rows.some((r) => r[plays] === '-')).toBe(true);
    expect(normaliseCell('-', 'integer')).toEqual({ ok: true, value: null });
  });

  it('has a WeChat user analysis whose numbers add up: 净增 = 新关注 − 取消关注, 累积 a running total', async () => {
    const { headers, rows } = await read('wechat-user-analysis.csv');
    const col = (name: string) => headers.indexOf(name);
    expect(rows).toHaveLength(61);
    let total = Number(rows[0]![col('累积关注人数')]) - Number(rows[0]![col('净增关注人数')]);
    for (const r of rows) {
      expect(Number(r[col('净增关注人数')])).toBe(Number(r[col('新关注人数')]) - Number(r[col('取消关注人数')]));
      total += Number(r[col('净增关注人数')]);
      expect(Number(r[col('累积关注人数')])).toBe(total);
    }
  });
});

describe('suggested metrics', () => {
  it('suggest only metrics their template can compute, named after library terms, with a definition', () => {
    for (const [key, suggestions] of Object.entries(SUGGESTED_METRICS)) {
      const t = BUILTIN_TEMPLATES.find((x) => x.key === key);
      expect(t, key).toBeDefined();
      const columns = withFields(t!.columns.map((c) => ({ name: c.name, type: c.type, snapshot: c.snapshot ?? false, aliases: [...(c.aliases ?? [])] })));
      for (const s of suggestions) {
        expect(checkMetric(s.spec, columns), `${key} ${s.name}`).toEqual([]);
        const terms = BUILTIN_INDICATORS.filter((i) => s.indicators.includes(i.key)).flatMap((i) => (i.formula === null ? [i.name['zh-CN']] : i.terms.map((x) => x.name)));
        expect(terms, `${key} ${s.name}`).toContain(s.name);
      }
    }
    const names = Object.values(SUGGESTED_METRICS).flat().map((s) => s.name);
    expect(new Set(names).size, 'one definition per name across templates').toBe(names.length);
  });
});
