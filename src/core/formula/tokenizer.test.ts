import { describe, expect, it } from 'vitest';
import { isBareName, tokenize } from './tokenizer.ts';

const kinds = (source: string) => tokenize(source).tokens.map((t) => t.kind);
const first = (source: string) => tokenize(source).tokens[0];
const errors = (source: string) => tokenize(source).diagnostics.map((d) => [d.code, d.start, d.end]);

describe('tokenize: numbers', () => {
  it.each([
    ['1234.5', 1234.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['2.5e+2', 250],
    ['０．５', 0.5], // full-width digits and point
  ])('%s is %d', (source, value) => {
    expect(first(source)).toMatchObject({ kind: 'number', value, percent: false, start: 0, end: source.length });
  });

  it('reads a trailing % as ÷100, exactly on the decimal text', () => {
    expect(first('80%')).toMatchObject({ kind: 'number', value: 0.8, literal: 80, percent: true, end: 3 });
    expect(first('1.1%')).toMatchObject({ value: 0.011, literal: 1.1 });
    expect(first('5e2%')).toMatchObject({ value: 5 });
    expect(first('100％')).toMatchObject({ value: 1, percent: true }); // full-width %
  });

  it('does not read a comma as a thousands separator', () => {
    expect(kinds('1,234.5')).toEqual(['number', 'comma', 'number', 'eof']);
  });

  it('leaves an e without exponent digits to the next token', () => {
    expect(kinds('2e')).toEqual(['number', 'name', 'eof']);
  });

  it('reports malformed and overflowing numbers', () => {
    expect(errors('1.2.3 + 1')).toEqual([['invalid_number', 0, 5]]);
    expect(errors('x + 1e999')).toEqual([['number_too_large', 4, 9]]);
  });
});

describe('tokenize: names', () => {
  it('reads Chinese and other Unicode identifiers', () => {
    expect(first('期初库存余额')).toMatchObject({ kind: 'name', name: '期初库存余额', bracketed: false, end: 6 });
    expect(first('销售额2')).toMatchObject({ name: '销售额2' });
    expect(first('_x_1')).toMatchObject({ name: '_x_1' });
    expect(first('Umsatz_März')).toMatchObject({ name: 'Umsatz_März' });
    expect(first('𠀀a')).toMatchObject({ name: '𠀀a', end: 3 }); // a character outside the BMP is two UTF-16 units
  });

  it('reads bracketed names with ]] as an escaped ]', () => {
    expect(first('[期初库存余额]')).toMatchObject({ kind: 'name', name: '期初库存余额', bracketed: true, start: 0, end: 8 });
    expect(first('[Sales (net)]')).toMatchObject({ name: 'Sales (net)' });
    expect(first('[a]]b]')).toMatchObject({ name: 'a]b', end: 6 });
    expect(first('[x+y AND z]')).toMatchObject({ name: 'x+y AND z' });
  });

  it('accepts full-width and Chinese brackets, each closed by its own kind', () => {
    expect(first('【期初库存余额】')).toMatchObject({ name: '期初库存余额', end: 8 });
    expect(first('［期初］')).toMatchObject({ name: '期初' });
    expect(first('【重点]工作】')).toMatchObject({ name: '重点]工作' });
  });

  it('reports unclosed and empty brackets', () => {
    expect(errors('1 + [期初')).toEqual([['unclosed_bracket', 4, 5]]);
    expect(errors('[a]] + 1')).toEqual([['unclosed_bracket', 0, 1]]);
    expect(errors('[] + 1')).toEqual([['empty_name', 0, 2]]);
  });

  it('reads AND OR NOT in any case as keywords, and not inside longer names', () => {
    expect(tokenize('a and b Or NOT c').tokens.filter((t) => t.kind === 'keyword').map((t) => (t as { word: string }).word)).toEqual([
      'AND',
      'OR',
      'NOT',
    ]);
    expect(first('ANDROID')).toMatchObject({ kind: 'name', name: 'ANDROID' });
    expect(first('[AND]')).toMatchObject({ kind: 'name', name: 'AND' });
  });

  it('knows which names can be written bare', () => {
    expect(isBareName('期初库存余额')).toBe(true);
    expect(isBareName('Sales (net)')).toBe(false);
    expect(isBareName('2023年')).toBe(false);
    expect(isBareName('or')).toBe(false);
    expect(isBareName('')).toBe(false);
  });
});

describe('tokenize: operators', () => {
  it('reads ASCII, typographic and full-width operators', () => {
    const ops = (source: string) => tokenize(source).tokens.filter((t) => t.kind === 'arith' || t.kind === 'compare').map((t) => [
      (t as { op: string }).op,
      (t as { symbol: string }).symbol,
    ]);
    expect(ops('a + b - c * d / e × f ÷ g')).toEqual([['+', '+'], ['-', '-'], ['*', '*'], ['/', '/'], ['*', '×'], ['/', '÷']]);
    expect(ops('a ＋ b － c ＊ d ／ e − f')).toEqual([['+', '+'], ['-', '-'], ['*', '*'], ['/', '/'], ['-', '-']]);
    expect(ops('a>b a>=b a<b a<=b a=b a<>b')).toEqual([['>', '>'], ['>=', '>='], ['<', '<'], ['<=', '<='], ['=', '='], ['<>', '<>']]);
    expect(ops('a≥b a≤b a≠b a＞b a＜＝b')).toEqual([['>=', '≥'], ['<=', '≤'], ['<>', '≠'], ['>', '>'], ['<=', '<=']]);
  });

  it('reads full-width parentheses and comma', () => {
    expect(kinds('MAX（a，b）')).toEqual(['name', 'lparen', 'name', 'comma', 'name', 'rparen', 'eof']);
  });

  it('skips all kinds of white space, including the ideographic space', () => {
    expect(kinds(' a\u3000+\n\tb ')).toEqual(['name', 'arith', 'name', 'eof']);
  });

  it('gives a hint for operators of other languages', () => {
    const message = (source: string) => tokenize(source).diagnostics[0].message.en;
    expect(message('a != b')).toContain('<>');
    expect(message('a == b')).toContain('single =');
    expect(message('a && b')).toContain('AND');
    expect(message('a || b')).toContain('OR');
    expect(message('!a')).toContain('NOT');
    expect(message('a ^ 2')).toContain('no power operator');
    expect(message('a 》 b')).toContain('>');
    expect(errors('a != b')).toEqual([['unexpected_character', 2, 4]]);
  });

  it('reports a run of unknown characters once, and a stray %', () => {
    expect(errors('a $$$ b')).toEqual([['unexpected_character', 2, 5]]);
    expect(errors('a $ b # c')).toEqual([
      ['unexpected_character', 2, 3],
      ['unexpected_character', 6, 7],
    ]);
    expect(errors('(a) %')).toEqual([['misplaced_percent', 4, 5]]);
  });

  it('always ends with an eof token at the end of the source', () => {
    expect(tokenize('').tokens).toEqual([{ kind: 'eof', start: 0, end: 0 }]);
    expect(tokenize('a  ').tokens.at(-1)).toEqual({ kind: 'eof', start: 3, end: 3 });
  });
});
