import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DatasetColumn, withFields } from './dataset-columns.ts';
import { checkMetric, type MetricDefinition } from './metric-definition.ts';
import { metricSql } from './metric-sql.ts';

const TABLE = `dataset_rows_${'a'.repeat(32)}`;
const columns: DatasetColumn[] = withFields([
  { name: '订单号', type: 'text', snapshot: false, aliases: [] },
  { name: '销售员', type: 'text', snapshot: false, aliases: [] },
  { name: '付款时间', type: 'datetime', snapshot: false, aliases: [] },
  { name: '实付金额', type: 'decimal', snapshot: false, aliases: [] },
  { name: '退款金额', type: 'decimal', snapshot: false, aliases: [] },
  { name: '订单状态', type: 'text', snapshot: false, aliases: [] },
  { name: '累积关注人数', type: 'integer', snapshot: true, aliases: [] },
]);
const netSales: MetricDefinition = {
  definition: '交易成功订单的实付金额减退款',
  aggregation: 'sum',
  expression: '实付金额 - 退款金额',
  filters: [{ column: '订单状态', op: '=', values: ['交易成功'] }],
  dateColumn: '付款时间',
  owner: { kind: 'person', column: '销售员', match: 'name' },
  unit: '元',
};

describe('metricSql', () => {
  it('aggregates the expression per owner and period over the rows that count, filters as parameters', () => {
    const q = metricSql(netSales, TABLE, columns, 'month', { from: '2026-10-01', to: '2026-11-01' });
    expect(q.text).toBe(
      "SELECT g.owner, to_char(g.p, 'YYYY-MM') AS period, g.value, g.rows, g.skipped FROM (" +
        "SELECT t.c2 AS owner, date_trunc('month', t.c3) AS p, sum((t.c4 - t.c5)) AS value, count(*)::int AS rows, " +
        `(count(*) FILTER (WHERE t.c4 IS NULL OR t.c5 IS NULL))::int AS skipped FROM ${TABLE} t WHERE t._replaced_by IS NULL AND t.c3 IS NOT NULL ` +
        'AND t.c3 >= $1::timestamp AND t.c3 < $2::timestamp AND t.c6 = $3::text GROUP BY 1, 2) g',
    );
    expect(q.params).toEqual(['2026-10-01', '2026-11-01', '交易成功']);
  });

  it('formats quarters and years, counts rows, and takes the last value of a snapshot', () => {
    const quarter = metricSql({ ...netSales, aggregation: 'count', expression: null }, TABLE, columns, 'quarter').text;
    expect(quarter).toContain(`to_char(g.p, 'YYYY-"Q"Q') AS period`);
    expect(quarter).toContain(`date_trunc('quarter', t.c3) AS p, count(*) AS value`);
    const last = metricSql({ ...netSales, aggregation: 'last', expression: '累积关注人数', owner: { kind: 'workspace' }, filters: [] }, TABLE, columns, 'year');
    expect(last.text).toContain("SELECT '' AS owner, date_trunc('year', t.c3) AS p, (array_agg(t.c7 ORDER BY t.c3 DESC, t._row DESC) FILTER (WHERE t.c7 IS NOT NULL))[1] AS value");
    expect(metricSql({ ...netSales, aggregation: 'count_distinct', expression: '订单号' }, TABLE, columns, 'month').text).toContain('count(DISTINCT t.c1) AS value');
  });

  it('never divides by zero, and writes functions as SQL', () => {
    const q = metricSql({ ...netSales, aggregation: 'avg', expression: 'DIV(退款金额, 实付金额, 0) + IF(实付金额 > 100, 1, 0) + ROUND(实付金额 / 退款金额, 2)' }, TABLE, columns, 'month');
    expect(q.text).toContain('(CASE WHEN (t.c4) = 0 THEN $1::numeric ELSE t.c5 / t.c4 END)');
    expect(q.text).toContain('(CASE WHEN (t.c4 > $2::numeric) THEN $3::numeric ELSE $4::numeric END)');
    expect(q.text).toContain('round(((t.c4 / NULLIF(t.c5, 0)))::numeric, ($5::numeric)::int)');
  });

  it('writes in / not in / missing filters; a missing value is not among the values', () => {
    const q = metricSql({ ...netSales, filters: [{ column: '订单状态', op: 'not_in', values: ['交易关闭', '退款'] }, { column: '退款金额', op: 'missing', values: [] }, { column: '实付金额', op: '>=', values: [100] }] }, TABLE, columns, 'month');
    expect(q.text).toContain('(t.c6 IS NULL OR t.c6 <> ALL($1::text[])) AND t.c5 IS NULL AND t.c4 >= $2::numeric');
    expect(q.params).toEqual([['交易关闭', '退款'], 100]);
  });

  it('refuses a table name Kedu did not make', () => {
    expect(() => metricSql(netSales, 'users; drop table x', columns, 'month')).toThrow();
  });

  it('keeps anything a user typed out of the SQL text (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ maxLength: 30 }), (name, value) => {
        const named = withFields([{ name, type: 'text', snapshot: false, aliases: [] }, { name: `${name}时间`, type: 'datetime', snapshot: false, aliases: [] }, { name: `${name}额`, type: 'decimal', snapshot: false, aliases: [] }]);
        const def: MetricDefinition = { ...netSales, expression: `[${name.replace(/[[\]]/g, '')}额]`, filters: [{ column: name, op: '=', values: [value] }], dateColumn: `${name}时间`, owner: { kind: 'channel', column: name } };
        if (checkMetric(def, named).length) return;
        const q = metricSql(def, TABLE, named, 'month');
        expect(q.text).toMatch(/^[\x20-\x7e]+$/); // only what Kedu wrote: ASCII SQL, fields and placeholders
        expect(q.params).toContain(value);
      }),
    );
  });
});

describe('checkMetric', () => {
  it('accepts a sound definition', () => {
    expect(checkMetric(netSales, columns)).toEqual([]);
  });

  it('names every problem: no definition, unknown names (with the position), text in arithmetic, a non-date date column, a summed snapshot', () => {
    const problems = checkMetric({ ...netSales, definition: ' ', expression: '实付金额 - 退款金额2 + 订单号', dateColumn: '订单状态', owner: { kind: 'person', column: '付款时间', match: 'name' } }, columns);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['definition', 'dateColumn', 'owner.column', 'expression']);
    expect(problems[3]).toMatchObject({ start: 7, end: 12 });
    expect(problems[3]!.message.en).toContain('退款金额');
    const text = checkMetric({ ...netSales, expression: '订单号 * 2' }, columns);
    expect(text[0]!.message.en).toContain('text column');
    const snapshot = checkMetric({ ...netSales, expression: '累积关注人数' }, columns);
    expect(snapshot).toEqual([expect.objectContaining({ path: ['aggregation'] })]);
    expect(snapshot[0]!.message['zh-CN']).toContain('最后值');
    expect(checkMetric({ ...netSales, aggregation: 'last', expression: '累积关注人数' }, columns)).toEqual([]);
  });

  it('checks filters: known column, the right number of values, values of the column type', () => {
    const problems = checkMetric(
      {
        ...netSales,
        filters: [
          { column: '状态', op: '=', values: ['x'] },
          { column: '订单状态', op: '=', values: [] },
          { column: '订单状态', op: '>', values: ['a'] },
          { column: '实付金额', op: '>', values: ['abc'] },
          { column: '付款时间', op: '>=', values: ['yesterday'] },
          { column: '订单状态', op: 'in', values: [] },
        ],
      },
      columns,
    );
    expect(problems.map((p) => p.path.join('.'))).toEqual(['filters.0.column', 'filters.1.values', 'filters.2.op', 'filters.3.values.0', 'filters.4.values.0', 'filters.5.values']);
  });

  it('counts rows with no expression, counts distinct text, but needs an expression to sum', () => {
    expect(checkMetric({ ...netSales, aggregation: 'count', expression: null }, columns)).toEqual([]);
    expect(checkMetric({ ...netSales, aggregation: 'count_distinct', expression: '订单号' }, columns)).toEqual([]);
    expect(checkMetric({ ...netSales, expression: '' }, columns)[0]!.path).toEqual(['expression']);
    expect(checkMetric({ ...netSales, expression: '实付金额 > 0' }, columns)[0]!.message.en).toContain('condition');
  });
});
