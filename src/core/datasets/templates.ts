/**
 * Import templates (导入模板): the column layout of a kind of export, so that a file is mapped
 * to a dataset's columns by its headers with no manual mapping (domain.md §4). Pure: finding
 * the header row under a banner, matching headers (loosely, with aliases) and choosing the
 * template that fits a file best. The built-in layouts are in builtin-templates.ts.
 */
import type { LocalizedText } from '../scoring/types.ts';
import type { ColumnType } from './cell-values.ts';

export type TemplateColumn = {
  /** The dataset column's name: the export's usual header, e.g. 累积关注人数. */
  name: string;
  /** English label, e.g. Total followers. */
  nameEn: string;
  /** Other headers seen for the same column, e.g. 累计关注人数. */
  aliases?: readonly string[];
  type: ColumnType;
  /** A point-in-time value (累积关注人数): rolls up as the last value, never summed. */
  snapshot?: boolean;
  /** The file must have it for the template to apply. */
  required?: boolean;
};

export type ImportTemplate = {
  /** ASCII kebab case for built-ins (`wechat-user-analysis`); a saved template's id. */
  key: string;
  name: LocalizedText;
  /** Where users download the file (the menu path), in both languages. */
  description: LocalizedText;
  columns: readonly TemplateColumn[];
  /** Columns identifying a row across imports (a later import replaces the row with the same key). */
  keyColumns: readonly string[];
  /** The datetime column that places a row in a period. */
  dateColumn: string;
};

/**
 * A header compared loosely: NFKC (full-width → half-width), BOM and all white space removed,
 * lower case — `累积关注人数 `, `累积 关注人数` and `累积关注人数` are one header.
 * @example headerKey(' ＣＴＲ（%） ') // 'ctr(%)'
 */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\uFEFF/g, '').replace(/\s+/g, '').toLowerCase();
}

/**
 * For each column, the index of the file header naming it (by name first, then by alias), or
 * null; the required columns not found; and the headers no column reads. A header is used once.
 * @example mapHeaders(['日期', '新增关注', '备注'], [
 *   { name: '时间', nameEn: 'Date', aliases: ['日期'], type: 'datetime', required: true },
 *   { name: '新关注人数', nameEn: 'New followers', aliases: ['新增关注'], type: 'integer' },
 *   { name: '取消关注人数', nameEn: 'Unfollows', type: 'integer', required: true },
 * ]) // { indexes: [0, 1, null], missing: ['取消关注人数'], unused: ['备注'] }
 */
export function mapHeaders(headers: readonly string[], columns: readonly TemplateColumn[]): { indexes: (number | null)[]; missing: string[]; unused: string[] } {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const find = (label: string) => {
    const key = headerKey(label);
    const at = keys.findIndex((k, i) => k === key && k !== '' && !taken.has(i));
    return at < 0 ? null : at;
  };
  const indexes: (number | null)[] = columns.map(() => null);
  // names before aliases, so that an alias of one column never takes another column's own header
  columns.forEach((c, i) => {
    const at = find(c.name);
    if (at !== null) {
      indexes[i] = at;
      taken.add(at);
    }
  });
  columns.forEach((c, i) => {
    if (indexes[i] !== null) return;
    for (const alias of c.aliases ?? []) {
      const at = find(alias);
      if (at !== null) {
        indexes[i] = at;
        taken.add(at);
        break;
      }
    }
  });
  const missing = columns.filter((c, i) => c.required && indexes[i] === null).map((c) => c.name);
  const unused = headers.filter((h, i) => !taken.has(i) && h.trim() !== '');
  return { indexes, missing, unused };
}

/**
 * The template that fits the headers best: all its required columns present, then the most
 * columns matched, then the fewest headers left unread. Null when none fits.
 * @example matchTemplate(['订单号', '订单状态', '买家付款时间', …], BUILTIN_TEMPLATES)?.template.key // 'youzan-orders'
 */
export function matchTemplate(headers: readonly string[], templates: readonly ImportTemplate[]): { template: ImportTemplate; indexes: (number | null)[]; unused: string[] } | null {
  let best: { template: ImportTemplate; indexes: (number | null)[]; unused: string[]; matched: number } | null = null;
  for (const template of templates) {
    const { indexes, missing, unused } = mapHeaders(headers, template.columns);
    if (missing.length) continue;
    const matched = indexes.filter((i) => i !== null).length;
    // a template none of whose columns is required fits only files that have its date column
    if (!template.columns.some((c) => c.required) && indexes[template.columns.findIndex((c) => c.name === template.dateColumn)] == null) continue;
    if (matched === 0) continue;
    if (!best || matched > best.matched || (matched === best.matched && unused.length < best.unused.length)) best = { template, indexes, unused, matched };
  }
  return best && { template: best.template, indexes: best.indexes, unused: best.unused };
}

/** Records looked at for the header. */
const HEADER_SEARCH = 10;
const NUMBER_OR_DATE = /^[\s¥￥$+\-−]*[\d.,:%/年月日时分秒\s-]+$/;

/**
 * Which of the first records (0-based) is the header: banner rows above it — Xiaohongshu's
 * single-cell “最多导出排序后前1000条笔记”, a report title — are skipped. The first of the first
 * 10 records that a template fits is the header; otherwise the first record with at least two
 * non-empty cells, at least half as many as the widest of those records, and mostly words
 * rather than numbers or dates. 0 when nothing qualifies (the first record is then the header).
 * @example findHeaderRow([['最多导出排序后前1000条笔记'], ['笔记标题', '首次发布时间', '曝光'], ['春日穿搭', '2026年06月25日12时01分35秒', '1200']]) // 1
 */
export function findHeaderRow(records: readonly (readonly string[])[], templates: readonly ImportTemplate[] = []): number {
  const head = records.slice(0, HEADER_SEARCH);
  if (templates.length) {
    const fitting = head.findIndex((r) => matchTemplate(r, templates) !== null);
    if (fitting >= 0) return fitting;
  }
  const filled = head.map((r) => r.filter((c) => c.trim() !== ''));
  const widest = Math.max(0, ...filled.map((f) => f.length));
  const found = filled.findIndex((cells) => {
    if (cells.length < 2 || cells.length < widest / 2) return false;
    const wordy = cells.filter((c) => !NUMBER_OR_DATE.test(c.trim())).length;
    return wordy > cells.length / 2;
  });
  return found < 0 ? 0 : found;
}
