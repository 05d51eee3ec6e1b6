import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTableStream } from '../files/table-stream.ts';
import { BUILTIN_TEMPLATES } from './builtin-templates.ts';
import { normaliseCell } from './cell-values.ts';
import { findHeaderRow, headerKey, matchTemplate } from './templates.ts';
import { BUILTIN_INDICATORS } from '../indicators/builtin.ts';
import { SUGGESTED_METRICS } from './builtin-metrics.ts';
import { withFields } from './dataset-columns.ts';
import { checkMetric } from './metric-definition.ts';

const samples = path.resolve(import.meta.dirname, '../../../samples/imports');

async function read(file: string) {
  const stream = await openTableStream(path.join(samples, file));
  const records: string[][] = [];
  for await (const r of stream.records) records.push(r.values);
  const at = findHeaderRow(records, BUILTIN_TEMPLATES);
  return { encoding: stream.encoding, headerAt: at, headers: records[at]!, rows: records.slice(at + 1) };
}

describe('built-in templates', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))('%s is consistent: unique names, key and date columns among its columns, a datetime date column', (_key, t) => {
    const names = t.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const labels = t.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])].map(headerKey));
    expect(new Set(labels).size, 'a name or alias names two columns').toBe(labels.length);
    for (const k of t.keyColumns) expect(names).toContain(k);
    expect(t.columns.find((c) => c.name === t.dateColumn)?.type).toBe('datetime');
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
