import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFormula } from '../formula/index.ts';
import { BUILTIN_INDICATORS, findBuiltinIndicator } from './builtin.ts';
import { checkIndicatorDefinition } from './definition.ts';

/** Every indicator the built-in library must ship (domain.md §2). */
const REQUIRED = [
  '销售额目标完成率', '成品周转率', '应收账款回收率', '客户订单批次按时完成率', '要货数量按时完成率', '成品检验合格率', '成品检验不良率',
  '人员流失率', '新大客户开发数量', '粉丝数', '净增关注人数', '互动率', '转化率', '点击率', '转发率', '用户留存率', '复购率', '月度曝光量',
  '客户满意度', '重点工作完成率', '内容发布数',
];

describe('built-in indicator library', () => {
  it('ships every indicator domain.md §2 names', () => {
    const names = BUILTIN_INDICATORS.map((i) => i.name['zh-CN']);
    expect(REQUIRED.filter((n) => !names.includes(n))).toEqual([]);
  });

  it('has unique ASCII keys and unique names in both languages', () => {
    const keys = BUILTIN_INDICATORS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const lang of ['zh-CN', 'en'] as const) {
      const names = BUILTIN_INDICATORS.map((i) => i.name[lang]);
      expect(new Set(names).size, lang).toBe(names.length);
    }
  });

  it.each(BUILTIN_INDICATORS.map((i) => [i.key, i] as const))('%s: formula checks against its terms, every term has both definitions', (_key, indicator) => {
    for (const text of [indicator.name, indicator.purpose]) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en.length).toBeGreaterThan(3);
      expect(text.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(indicator.terms.length).toBeGreaterThan(0);
    for (const term of indicator.terms) {
      expect(term.definition['zh-CN'].length, term.name).toBeGreaterThan(10);
      expect(term.definition.en.length, term.name).toBeGreaterThan(10);
    }
    const names = indicator.terms.map((t) => t.name);
    if (indicator.formula !== null) {
      const checked = checkFormula(indicator.formula, { knownNames: names });
      expect(checked.diagnostics, indicator.formula).toEqual([]);
      expect(checked.ok).toBe(true);
      expect(checked.type).toBe('number');
      expect(checked.variables.sort()).toEqual([...names].sort());
    } else {
      expect(names).toHaveLength(1);
    }
    expect(checkIndicatorDefinition(indicator.formula, indicator.terms).problems).toEqual([]);
    if (indicator.unit === '%') expect(indicator.rollUp).toBe('recompute');
  });

  it('writes 成品周转率 the way its author meant it: cost over the AVERAGE stock', () => {
    expect(findBuiltinIndicator('finished_goods_turnover')?.formula).toBe('销售成本÷((期初库存余额+期末库存余额)/2)');
    const terms = findBuiltinIndicator('finished_goods_turnover')!.terms;
    expect(Object.fromEntries(terms.map((t) => [t.name, t.rollUp]))).toEqual({ 销售成本: 'sum', 期初库存余额: 'first', 期末库存余额: 'last' });
  });

  it('says which 销售额 is meant (paid, excluding tax), not just "sales"', () => {
    const sales = findBuiltinIndicator('sales_target_achievement')!.terms.find((t) => t.name === '实际销售额')!;
    expect(sales.definition['zh-CN']).toMatch(/不含税/);
    expect(sales.definition.en).toMatch(/excluding VAT/);
  });

  it('splits 要货计划完成率 into batches and quantity, and offers both quality directions', () => {
    expect(findBuiltinIndicator('order_batches_on_time_rate')).toBeDefined();
    expect(findBuiltinIndicator('order_quantity_on_time_rate')).toBeDefined();
    expect(findBuiltinIndicator('fg_inspection_pass_rate')?.direction).toBe('higher');
    expect(findBuiltinIndicator('fg_inspection_defect_rate')?.direction).toBe('lower');
  });
});

describe('checkIndicatorDefinition', () => {
  it('locates a formula name without a definition, and an unused term', () => {
    const { problems } = checkIndicatorDefinition('实际销售额/目标销售额', [{ name: '实际销售额' }, { name: '回款' }]);
    expect(problems.map((p) => [p.code, p.path, p.start, p.end])).toEqual([
      ['indicator.term_undefined', ['formula'], 6, 11],
      ['indicator.term_unused', ['terms', 1, 'name'], undefined, undefined],
    ]);
  });

  it('reports a syntax error with its range, without calling every term unused', () => {
    const { problems } = checkIndicatorDefinition('a/(b', [{ name: 'a' }, { name: 'b' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'indicator.formula_error', path: ['formula'] });
    expect(problems[0].message.en.length).toBeGreaterThan(0);
    expect(typeof problems[0].start).toBe('number');
  });

  it('keeps the ambiguity warning of the seed 成品周转率 as a diagnostic, not a problem', () => {
    const r = checkIndicatorDefinition('销售成本÷(期初库存余额+期末库存余额)/2', [{ name: '销售成本' }, { name: '期初库存余额' }, { name: '期末库存余额' }]);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ambiguous_division']);
  });

  it('requires one term without a formula, refuses duplicates and conditions', () => {
    expect(checkIndicatorDefinition(null, []).problems[0].code).toBe('indicator.single_term_required');
    expect(checkIndicatorDefinition('a+a', [{ name: 'a' }, { name: 'a' }]).problems.map((p) => p.code)).toEqual(['indicator.term_duplicate']);
    expect(checkIndicatorDefinition('a > 1', [{ name: 'a' }]).problems.map((p) => p.code)).toEqual(['indicator.formula_not_number']);
  });
});

describe('docs/indicators.md', () => {
  it('lists every built-in indicator with its formula, as shipped', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/indicators.md'), 'utf8');
    for (const b of BUILTIN_INDICATORS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${b.key}\` |`));
      expect(row, b.key).toBeDefined();
      expect(row).toContain(b.name['zh-CN']);
      if (b.formula) expect(row).toContain(`\`${b.formula}\``);
    }
  });
});
