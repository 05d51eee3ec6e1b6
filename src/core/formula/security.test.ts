import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFormula } from './check.ts';
import { compileFormula } from './compile.ts';
import { LIMITS } from './diagnostics.ts';
import { parseFormula } from './parser.ts';

const DANGEROUS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'process', 'globalThis', 'this', 'window', 'require', 'eval', 'Function'];

describe('names reach nothing but the record they are given', () => {
  it.each(DANGEROUS)('%s is an ordinary name with no value', (name) => {
    const f = compileFormula(`${name} + 1`);
    if (!f.ok) throw new Error(f.diagnostics[0].message.en);
    expect(f.variables).toEqual([name]);
    expect(f.evaluate({})).toMatchObject({ ok: false, code: 'missing_variable', start: 0, end: name.length });
    expect(f.evaluate(Object.create(null))).toMatchObject({ ok: false, code: 'missing_variable' });
  });

  it.each(DANGEROUS)('%s is an unknown name when knownNames are given', (name) => {
    expect(checkFormula(name, { knownNames: ['销售额'] }).diagnostics).toMatchObject([{ code: 'unknown_name', start: 0, end: name.length }]);
  });

  it('reads only own properties: inherited ones do not count', () => {
    const f = compileFormula('a * 2');
    if (!f.ok) throw new Error();
    expect(f.evaluate(Object.create({ a: 5 }))).toMatchObject({ ok: false, code: 'missing_variable' });
  });

  it('reads an own property called __proto__ or constructor like any other', () => {
    const f = compileFormula('__proto__ + constructor');
    if (!f.ok) throw new Error();
    expect(f.evaluate(JSON.parse('{"__proto__": 7, "constructor": 1}'))).toEqual({ ok: true, value: 8 });
  });

  it('a function name that is not ours is an error, not a lookup', () => {
    for (const source of ['constructor(1)', 'toString()', 'eval(1)', 'process(1)']) {
      expect(compileFormula(source)).toMatchObject({ ok: false, diagnostics: [{ code: 'unknown_function' }] });
    }
  });

  it('the implementation uses no eval, Function or dynamic import', () => {
    const dir = import.meta.dirname;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(text, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(|\bimport\s*\(|\brequire\s*\(/);
    }
  });
});

describe('limits: hostile input gives an error, never a crash', () => {
  it('refuses 100,000 characters', () => {
    const source = `${'a+'.repeat(50_000)}`;
    const r = parseFormula(source);
    expect(r.ast).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 'too_long', start: 0, end: 100_000 }]);
    expect(r.diagnostics[0].message.en).toContain('at most 10000');
  });

  it('refuses 10,000 nested parentheses', () => {
    const source = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    expect(() => compileFormula(source)).not.toThrow();
    expect(compileFormula(source)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_long' }] });
  });

  it('refuses parentheses nested deeper than the limit, within the length limit', () => {
    const ok = `${'('.repeat(LIMITS.maxNestingDepth)}1${')'.repeat(LIMITS.maxNestingDepth)}`;
    expect(compileFormula(ok)).toMatchObject({ ok: true });
    const deep = `${'('.repeat(4_000)}1${')'.repeat(4_000)}`;
    expect(compileFormula(deep)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_deep', start: 200, end: 201 }] });
    const calls = `${'ABS('.repeat(1_500)}1${')'.repeat(1_500)}`;
    expect(compileFormula(calls)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_deep' }] });
  });

  it('refuses 10,000 unary minus signs, and 9,999 too', () => {
    expect(compileFormula(`${'-'.repeat(10_000)}1`)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_long' }] });
    expect(compileFormula(`${'-'.repeat(9_999)}1`)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_deep', start: 200, end: 201 }] });
    expect(compileFormula(`${'NOT '.repeat(2_000)}1>2`)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_deep' }] });
    const f = compileFormula(`${'-'.repeat(LIMITS.maxNestingDepth)}1`);
    expect(f.ok && f.evaluate({})).toEqual({ ok: true, value: 1 });
  });

  it('refuses an overlong chain of operators (the tree would be too tall to walk)', () => {
    const chain = Array.from({ length: 4_000 }, () => 'a').join('+');
    expect(compileFormula(chain)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_deep' }] });
    const fine = compileFormula(Array.from({ length: 900 }, () => 'a').join('+'));
    expect(fine.ok && fine.evaluate({ a: 1 })).toEqual({ ok: true, value: 900 });
  });

  it('refuses more than 1,000 arguments', () => {
    const args = (n: number) => Array.from({ length: n }, () => '1').join(',');
    expect(compileFormula(`SUM(${args(1_001)})`)).toMatchObject({ ok: false, diagnostics: [{ code: 'too_many_arguments', start: 2004, end: 2005 }] });
    const f = compileFormula(`SUM(${args(1_000)})`);
    expect(f.ok && f.evaluate({})).toEqual({ ok: true, value: 1000 });
  });

  it('copes with a 10,000-character line of junk', () => {
    const junk = '$'.repeat(5_000) + ' @'.repeat(2_500);
    const r = parseFormula(junk);
    expect(r.ast).toBeNull();
    expect(r.diagnostics.length).toBeLessThanOrEqual(50);
  });
});
