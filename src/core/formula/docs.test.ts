import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFormula } from './check.ts';
import { compileFormula } from './compile.ts';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/formulas.md'), 'utf8');

/** The examples of docs/formulas.md, with the data they show. */
const EXAMPLES: [string, Record<string, number>, number | boolean][] = [
  ['销售成本÷((期初库存余额+期末库存余额)/2)', { 销售成本: 900, 期初库存余额: 100, 期末库存余额: 200 }, 6],
  ['实际销售额/目标销售额*100%', { 实际销售额: 1_200_000, 目标销售额: 1_000_000 }, 1.2],
  ['MIN(实际销售额/目标销售额, 120%)', { 实际销售额: 1_500_000, 目标销售额: 1_000_000 }, 1.2],
  ['DIV(销售额, 订单数, 0)', { 销售额: 5_000, 订单数: 0 }, 0],
  ['实际销售额 >= 目标销售额', { 实际销售额: 1_200_000, 目标销售额: 1_000_000 }, true],
  ['销售成本÷(期初库存余额+期末库存余额)/2', { 销售成本: 900, 期初库存余额: 100, 期末库存余额: 200 }, 1.5],
  ['ROUND(2.675, 2)', {}, 2.68],
  ['ROUND(-2.5, 0)', {}, -3],
  ['0.3/0.1 >= 3', {}, true],
  ['0.1 + 0.2 = 0.3', {}, true],
];

describe('docs/formulas.md', () => {
  it.each(EXAMPLES)('%s gives what the page says', (source, vars, expected) => {
    expect(doc).toContain(source);
    const f = compileFormula(source);
    if (!f.ok) throw new Error(f.diagnostics[0].message.en);
    expect(f.evaluate(vars)).toEqual({ ok: true, value: expected });
  });

  it('shows the real messages of the error table', () => {
    const rows = [...doc.matchAll(/^\| `([a-z_]+)`(?: \([^)]*\))? \| `([^`]+)` \| ([^|]+) \|$/gm)];
    expect(rows.length).toBeGreaterThan(10);
    for (const [, code, source, shown] of rows) {
      const d = checkFormula(source, { knownNames: ['销售额', '目标', 'a', 'b', 'c'] }).diagnostics[0];
      expect(d?.code, source).toBe(code);
      // the page shortens long messages with …
      for (const part of shown.replace(/\(points at[^)]*\)/, '').split('…').map((p) => p.trim()).filter(Boolean)) {
        expect(d.message.en, source).toContain(part);
      }
    }
  });

  it('quotes the ambiguity warning as the code writes it', () => {
    const d = checkFormula('销售成本÷(期初库存余额+期末库存余额)/2').diagnostics[0];
    const flat = doc.replace(/\n> /g, ' ').replace(/`/g, '');
    expect(flat).toContain(d.message['zh-CN']);
    expect(flat).toContain(d.message.en);
  });
});
