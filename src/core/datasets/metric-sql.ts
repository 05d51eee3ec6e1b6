/**
 * A metric definition as one parameterised SQL query (domain.md §4): values per owner and
 * period, computed where the data is. Pure. Nothing a user typed reaches the SQL text: column
 * names become the dataset's field names (`c1`…), numbers and filter values become parameters,
 * and the table name is checked against the shape Kedu gives it.
 */
import type { PeriodKind } from '../values/periods.ts';
import { type Ast, parseFormula, walkAst } from '../formula/index.ts';
import type { DatasetColumn } from './dataset-columns.ts';
import type { MetricDefinition, MetricFilter } from './metric-definition.ts';

export type MetricQuery = { text: string; params: unknown[] };
/** Rows from the date range [from, to) only, as `YYYY-MM-DD` wall-clock dates. */
export type MetricRange = { from?: string; to?: string };

/** The table is named by the database layer (server/db/dataset-tables.ts); here it only has to be a plain identifier. */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const PERIOD_FORMAT: Record<PeriodKind, string> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };

/**
 * The query giving, per owner text and period label, the metric's value, the rows counted
 * and the rows left out because the expression had a missing value. Expects a definition that
 * passed checkMetric.
 * @example metricSql(def, 'dataset_rows_…', columns, 'month').text
 * // SELECT g.owner, to_char(g.p, 'YYYY-MM') AS period, … FROM (SELECT t.c3 AS owner, date_trunc('month', t.c4) AS p, sum((t.c5 - t.c6)) AS value, … GROUP BY 1, 2) g
 */
export function metricSql(def: MetricDefinition, tableName: string, columns: readonly DatasetColumn[], periodKind: PeriodKind, range: MetricRange = {}): MetricQuery {
  if (!PLAIN_IDENTIFIER.test(tableName)) throw new Error(`not a plain table name: ${tableName}`);
  const params: unknown[] = [];
  const param = (v: unknown, cast: string) => {
    params.push(v);
    return `$${params.length}::${cast}`;
  };
  const byName = new Map(columns.map((c) => [c.name, c]));
  const field = (name: string) => {
    const c = byName.get(name);
    if (!c) throw new Error(`unknown column ${name}`);
    return `t.${c.field}`;
  };

  const date = field(def.dateColumn);
  // owners are trimmed on import: no per-row function here
  const owner = def.owner.kind === 'workspace' ? `''` : field(def.owner.column);
  const value = valueSql(def, byName, field, param);
  const aggregate = aggregateSql(def, value, date);
  const where = [`t._replaced_by IS NULL`, `${date} IS NOT NULL`];
  if (range.from) where.push(`${date} >= ${param(range.from, 'timestamp')}`);
  if (range.to) where.push(`${date} < ${param(range.to, 'timestamp')}`);
  for (const f of def.filters) where.push(filterSql(f, byName.get(f.column)!, field(f.column), param));
  // rows left out because a column of the expression is missing (not those divided by zero)
  const inputs = value === null ? [] : expressionFields(def, byName);
  const skipped = inputs.length ? `count(*) FILTER (WHERE ${inputs.map((f) => `${f} IS NULL`).join(' OR ')})` : '0';
  // rows are grouped by the truncated timestamp and labelled once per group: formatting a
  // label for every row costs more than the aggregate itself
  const text =
    `SELECT g.owner, to_char(g.p, '${PERIOD_FORMAT[periodKind]}') AS period, g.value, g.rows, g.skipped FROM (` +
    `SELECT ${owner} AS owner, date_trunc('${periodKind}', ${date}) AS p, ${aggregate} AS value, count(*)::int AS rows, (${skipped})::int AS skipped ` +
    `FROM ${tableName} t WHERE ${where.join(' AND ')} GROUP BY 1, 2) g`;
  return { text, params };
}

type Param = (v: unknown, cast: string) => string;

/** The fields the expression reads. */
function expressionFields(def: MetricDefinition, byName: Map<string, DatasetColumn>): string[] {
  const source = def.expression?.trim() ?? '';
  const bare = source.replace(/^\[|\]$/g, '');
  if (byName.has(bare)) return [`t.${byName.get(bare)!.field}`];
  const { ast } = parseFormula(source);
  if (!ast) return [];
  const names = new Set<string>();
  walkAst(ast, (n) => {
    if (n.type === 'name') names.add(n.name);
  });
  return [...names].map((n) => `t.${byName.get(n)!.field}`);
}

/** The per-row value: the expression, or null when counting rows. */
function valueSql(def: MetricDefinition, byName: Map<string, DatasetColumn>, field: (name: string) => string, param: Param): string | null {
  const source = def.expression?.trim() ?? '';
  if (source === '') return null;
  const bare = source.replace(/^\[|\]$/g, '');
  if (def.aggregation === 'count_distinct' && byName.has(bare)) return field(bare);
  const { ast } = parseFormula(source);
  if (!ast) throw new Error('expression does not parse');
  return exprSql(ast, field, param);
}

function aggregateSql(def: MetricDefinition, value: string | null, date: string): string {
  switch (def.aggregation) {
    case 'count':
      return value === null ? 'count(*)' : `count(${value})`;
    case 'count_distinct':
      return `count(DISTINCT ${value})`;
    case 'sum':
      return `sum(${value})`;
    case 'avg':
      return `avg(${value})`;
    case 'min':
      return `min(${value})`;
    case 'max':
      return `max(${value})`;
    case 'last':
      // the latest row of the period that has a value (a snapshot's value at the period's end)
      return `(array_agg(${value} ORDER BY ${date} DESC, t._row DESC) FILTER (WHERE ${value} IS NOT NULL))[1]`;
  }
}

/**
 * A formula as SQL over fields. Division by zero gives NULL (not computable), never an
 * error; DIV gives its fallback. Numbers are parameters.
 */
export function exprSql(node: Ast, field: (name: string) => string, param: Param): string {
  const sub = (n: Ast) => exprSql(n, field, param);
  switch (node.type) {
    case 'number':
      return param(node.value, 'numeric');
    case 'name':
      return field(node.name);
    case 'unary':
      return node.op === '-' ? `(-${sub(node.operand)})` : sub(node.operand);
    case 'not':
      return `(NOT ${sub(node.operand)})`;
    case 'binary':
      return node.op === '/' ? `(${sub(node.left)} / NULLIF(${sub(node.right)}, 0))` : `(${sub(node.left)} ${node.op} ${sub(node.right)})`;
    case 'compare':
      return `(${sub(node.left)} ${node.op} ${sub(node.right)})`;
    case 'logical':
      return `(${sub(node.left)} ${node.op} ${sub(node.right)})`;
    case 'call':
      return callSql(node.name, node.args.map(sub));
  }
}

function callSql(name: string, args: string[]): string {
  switch (name) {
    case 'IF':
      return `(CASE WHEN ${args[0]} THEN ${args[1]} ELSE ${args[2]} END)`;
    case 'MIN':
      return `LEAST(${args.join(', ')})`;
    case 'MAX':
      return `GREATEST(${args.join(', ')})`;
    case 'ABS':
      return `abs(${args[0]})`;
    case 'ROUND':
      return `round((${args[0]})::numeric, (${args[1]})::int)`;
    case 'AVG':
      return `((${args.join(' + ')}) / ${args.length})`;
    case 'SUM':
      return `(${args.join(' + ')})`;
    case 'DIV':
      return `(CASE WHEN (${args[1]}) = 0 THEN ${args[2]} ELSE ${args[0]} / ${args[1]} END)`;
    default:
      throw new Error(`unknown function ${name}`);
  }
}

const CAST: Record<DatasetColumn['type'], string> = { text: 'text', integer: 'numeric', decimal: 'numeric', percent: 'double precision', duration: 'double precision', datetime: 'timestamp' };

function filterSql(f: MetricFilter, column: DatasetColumn, ref: string, param: Param): string {
  const cast = CAST[column.type];
  const one = () => param(column.type === 'text' ? String(f.values[0]) : f.values[0], cast);
  const many = () => param(f.values.map((v) => (column.type === 'text' ? String(v) : v)), `${cast}[]`);
  switch (f.op) {
    case 'missing':
      return `${ref} IS NULL`;
    case 'present':
      return `${ref} IS NOT NULL`;
    case 'in':
      return `${ref} = ANY(${many()})`;
    case 'not_in':
      // a missing value is not among the values either
      return `(${ref} IS NULL OR ${ref} <> ALL(${many()}))`;
    case '<>':
      return `(${ref} IS NULL OR ${ref} <> ${one()})`;
    default:
      return `${ref} ${f.op} ${one()}`;
  }
}
