/**
 * A metric (度量) of the data dictionary, defined with a structured builder rather than SQL
 * (domain.md §4): an aggregation of an expression over a dataset's columns, filters, the date
 * column that places a row in a period and the column that names the owner. Pure: this file
 * checks a definition against the dataset's columns; metric-sql.ts turns it into SQL.
 */
import { analyseFormula, type Ast, walkAst } from '../formula/index.ts';
import type { LocalizedText } from '../scoring/types.ts';
import { type DatasetColumn, isNumericType } from './dataset-columns.ts';

export type Aggregation = 'sum' | 'count' | 'count_distinct' | 'avg' | 'min' | 'max' | 'last';
export const AGGREGATIONS: readonly Aggregation[] = ['sum', 'count', 'count_distinct', 'avg', 'min', 'max', 'last'];

export type FilterOp = '=' | '<>' | 'in' | 'not_in' | '>' | '>=' | '<' | '<=' | 'missing' | 'present';
export const FILTER_OPS: readonly FilterOp[] = ['=', '<>', 'in', 'not_in', '>', '>=', '<', '<=', 'missing', 'present'];

/** `订单状态 = 交易成功`: values are compared as the column's type (text, number, date). */
export type MetricFilter = { column: string; op: FilterOp; values: (string | number)[] };

/**
 * Whose value a row counts for: a person (the column holds their name, email or employee
 * number), a unit (its name), a channel (any text), or the whole workspace (account-level
 * exports such as 公众号 用户分析 have no owner column).
 */
export type MetricOwner =
  | { kind: 'person'; column: string; match: 'name' | 'email' | 'employee_no' }
  | { kind: 'unit'; column: string }
  | { kind: 'channel'; column: string }
  | { kind: 'workspace' };

export type MetricDefinition = {
  /** 口径 in plain words: what is counted, from which source, at which time; the denominator when a rate. */
  definition: string;
  aggregation: Aggregation;
  /** A formula over column names (`订单实付金额 - 订单已退款金额`); for count, null counts rows. */
  expression: string | null;
  filters: MetricFilter[];
  dateColumn: string;
  owner: MetricOwner;
  /** 元, 人, 次, % … */
  unit: string;
};

/** A problem with a definition: which field (`expression`, `filters.0.values`…), where in a formula, and what. */
export type MetricProblem = { path: (string | number)[]; start?: number; end?: number; message: LocalizedText };

const problem = (path: (string | number)[], zh: string, en: string): MetricProblem => ({ path, message: { 'zh-CN': zh, en } });

/**
 * Every problem of a definition against the dataset's columns; empty when it can be computed.
 * @example checkMetric({ aggregation: 'sum', expression: '累积关注人数', … }, columns)
 * // [{ path: ['aggregation'], message: { en: '累积关注人数 is a snapshot … use last value', … } }]
 */
export function checkMetric(def: MetricDefinition, columns: readonly DatasetColumn[]): MetricProblem[] {
  const problems: MetricProblem[] = [];
  const byName = new Map(columns.map((c) => [c.name, c]));
  if (def.definition.trim() === '') problems.push(problem(['definition'], '请用一句话写明口径：统计什么、取自哪里、按什么时间计入期间（比率要写明分母）。', 'Write the data definition (口径) in plain words: what is counted, from where, and which time places it in a period (for a rate, the denominator).'));

  const date = byName.get(def.dateColumn);
  if (!date) problems.push(unknownColumn(['dateColumn'], def.dateColumn, columns));
  else if (date.type !== 'datetime') problems.push(problem(['dateColumn'], `“${date.name}”不是日期列：请选择一个日期/时间列来确定每行计入哪个期间。`, `"${date.name}" is not a date column: choose a date/time column to place each row in a period.`));

  if (def.owner.kind !== 'workspace') {
    const owner = byName.get(def.owner.column);
    if (!owner) problems.push(unknownColumn(['owner', 'column'], def.owner.column, columns));
    else if (owner.type !== 'text') problems.push(problem(['owner', 'column'], `“${owner.name}”不是文本列：归属列应写明人员姓名、部门名称或渠道。`, `"${owner.name}" is not a text column: the owner column names a person, a unit or a channel.`));
  }

  problems.push(...checkExpression(def, columns));
  def.filters.forEach((f, i) => {
    problems.push(...checkFilter(f, i, byName, columns));
  });
  return problems;
}

function unknownColumn(path: (string | number)[], name: string, columns: readonly DatasetColumn[]): MetricProblem {
  const names = columns.map((c) => c.name).join('、');
  return problem(path, `数据集中没有“${name}”列，可选：${names}。`, `The dataset has no column "${name}"; its columns are: ${names}.`);
}

function checkExpression(def: MetricDefinition, columns: readonly DatasetColumn[]): MetricProblem[] {
  const expression = def.expression?.trim() ?? '';
  if (expression === '') {
    if (def.aggregation === 'count') return [];
    return [problem(['expression'], '请填写要汇总的表达式，例如 订单实付金额 - 订单已退款金额。', 'Write the expression to aggregate, such as 订单实付金额 - 订单已退款金额.')];
  }
  const byName = new Map(columns.map((c) => [c.name, c]));
  // count distinct may count a text column (distinct buyers); everything else is arithmetic
  if (def.aggregation === 'count_distinct' && byName.has(expression)) return [];
  if (def.aggregation === 'count_distinct' && byName.has(expression.replace(/^\[|\]$/g, ''))) return [];
  const numeric = columns.filter((c) => isNumericType(c.type)).map((c) => c.name);
  const analysis = analyseFormula(expression, { knownNames: columns.map((c) => c.name) });
  const problems: MetricProblem[] = analysis.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ path: ['expression'], start: d.start, end: d.end, message: d.message }));
  if (!analysis.ast || problems.length) return problems;
  for (const name of analysis.variables) {
    const column = byName.get(name)!;
    if (!numeric.includes(name)) {
      const span = firstSpan(analysis.ast, name);
      problems.push({ path: ['expression'], ...span, message: { 'zh-CN': `“${name}”是${column.type === 'datetime' ? '日期' : '文本'}列，不能参与计算：表达式只能使用数字列（${numeric.join('、') || '无'}）。要按它筛选，请添加筛选条件。`, en: `"${name}" is a ${column.type === 'datetime' ? 'date' : 'text'} column and cannot be calculated with: expressions use number columns only (${numeric.join(', ') || 'none'}). To select rows by it, add a filter.` } });
    } else if (column.snapshot && def.aggregation !== 'last' && def.aggregation !== 'min' && def.aggregation !== 'max' && def.aggregation !== 'avg') {
      problems.push(problem(['aggregation'], `“${name}”是快照列（某一时点的数值，如累积关注人数），按期间汇总时只能取最后一个值，不能${def.aggregation === 'sum' ? '求和' : '计数'}：请把汇总方式改为“最后值”。`, `"${name}" is a snapshot column (a point-in-time value such as total followers): a period takes its last value, it is never ${def.aggregation === 'sum' ? 'summed' : 'counted'}. Choose the aggregation "last value".`));
    }
  }
  if (analysis.type === 'boolean' && def.aggregation !== 'count') problems.push(problem(['expression'], '表达式是一个条件（真/假），不是数值：条件请写在筛选里，或用 IF(条件, 1, 0)。', 'The expression is a condition (true/false), not a number: put conditions in filters, or write IF(condition, 1, 0).'));
  return problems;
}

function firstSpan(ast: Ast, name: string): { start?: number; end?: number } {
  let span: { start?: number; end?: number } = {};
  walkAst(ast, (n) => {
    if (n.type === 'name' && n.name === name && span.start === undefined) span = { start: n.start, end: n.end };
  });
  return span;
}

function checkFilter(f: MetricFilter, i: number, byName: Map<string, DatasetColumn>, columns: readonly DatasetColumn[]): MetricProblem[] {
  const column = byName.get(f.column);
  if (!column) return [unknownColumn(['filters', i, 'column'], f.column, columns)];
  const needs = f.op === 'missing' || f.op === 'present' ? 0 : f.op === 'in' || f.op === 'not_in' ? -1 : 1;
  if (needs === 1 && f.values.length !== 1) return [problem(['filters', i, 'values'], `筛选“${column.name} ${f.op}”需要一个值。`, `The filter "${column.name} ${f.op}" takes one value.`)];
  if (needs === -1 && f.values.length === 0) return [problem(['filters', i, 'values'], `筛选“${column.name}”至少需要一个值。`, `The filter on "${column.name}" needs at least one value.`)];
  if (column.type === 'text' && ['>', '>=', '<', '<='].includes(f.op)) return [problem(['filters', i, 'op'], `“${column.name}”是文本列，只能用 等于/不等于/属于/为空 筛选。`, `"${column.name}" is a text column: filter it with equals, not equals, in, or missing.`)];
  const problems: MetricProblem[] = [];
  f.values.forEach((v, j) => {
    if (isNumericType(column.type) && !Number.isFinite(Number(v))) problems.push(problem(['filters', i, 'values', j], `“${v}”不是数字，而“${column.name}”是数字列。`, `"${v}" is not a number, but "${column.name}" holds numbers.`));
    if (column.type === 'datetime' && !/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(String(v))) problems.push(problem(['filters', i, 'values', j], `“${v}”不是日期：请写作 2026-10-01 或 2026-10-01 08:00。`, `"${v}" is not a date: write it as 2026-10-01 or 2026-10-01 08:00.`));
  });
  return problems;
}
