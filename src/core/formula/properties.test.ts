import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ast, type CallNode, numberNode } from './ast.ts';
import { checkFormula } from './check.ts';
import { compileFormula } from './compile.ts';
import { LIMITS } from './diagnostics.ts';
import { formatFormula } from './format.ts';
import { FUNCTION_NAMES } from './functions.ts';
import { parseFormula } from './parser.ts';

const RUNS = { numRuns: 500 };

/** The tree without positions, for comparing trees parsed from different texts. */
function withoutPositions(node: Ast): unknown {
  const { start: _s, end: _e, ...rest } = node as Ast & { nameStart?: number; nameEnd?: number };
  delete rest.nameStart;
  delete rest.nameEnd;
  const out: Record<string, unknown> = { ...rest };
  for (const key of ['operand', 'left', 'right'] as const) if (key in out) out[key] = withoutPositions(out[key] as Ast);
  if (node.type === 'call') out.args = node.args.map(withoutPositions);
  return out;
}

const literal = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
);
const numberArb = fc.tuple(literal, fc.boolean()).map(([value, percent]) => numberNode(value, percent));
const nameText = fc.oneof(
  fc.constantFrom('a', 'b', '销售额', '期初库存余额', 'Sales (net)', 'a]b', ']', '[', ']]', 'and', 'Not', 'SUM', 'if', '2023年', 'x1', '_', ' ', '【x】', 'a\u0301'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 }),
);
const nameArb = nameText.map((name): Ast => ({ type: 'name', name, start: 0, end: 0 }));
const at = { start: 0, end: 0 };

/** Any tree the parser can produce, well-typed or not. */
const { anyAst } = fc.letrec<{ anyAst: Ast }>((tie) => ({
  anyAst: fc.oneof(
    { maxDepth: 5, depthSize: 'small' },
    numberArb,
    nameArb,
    fc.tuple(fc.constantFrom('-', '+'), tie('anyAst')).map(([op, operand]): Ast => ({ type: 'unary', op: op as '-' | '+', operand, ...at })),
    tie('anyAst').map((operand): Ast => ({ type: 'not', operand, ...at })),
    fc
      .tuple(fc.constantFrom(['+', '+'], ['-', '-'], ['*', '*'], ['*', '×'], ['/', '/'], ['/', '÷']), tie('anyAst'), tie('anyAst'))
      .map(([[op, symbol], left, right]) => ({ type: 'binary', op, symbol, left, right, ...at }) as Ast),
    fc
      .tuple(
        fc.constantFrom(['>', '>'], ['>=', '>='], ['>=', '≥'], ['<', '<'], ['<=', '<='], ['<=', '≤'], ['=', '='], ['<>', '<>'], ['<>', '≠']),
        tie('anyAst'),
        tie('anyAst'),
      )
      .map(([[op, symbol], left, right]) => ({ type: 'compare', op, symbol, left, right, ...at }) as Ast),
    fc.tuple(fc.constantFrom('AND', 'OR'), tie('anyAst'), tie('anyAst')).map(([op, left, right]) => ({ type: 'logical', op, left, right, ...at }) as Ast),
    fc
      .tuple(fc.constantFrom(...FUNCTION_NAMES, 'FOO', '函数'), fc.array(tie('anyAst'), { maxLength: 4 }))
      .map(([name, args]): Ast => ({ type: 'call', name, nameStart: 0, nameEnd: 0, args, ...at })),
  ),
}));

const VARIABLES = ['a', 'b', '销售额', 'Sales (net)'];
/** Well-typed arithmetic over VARIABLES, with the right number of arguments. */
const { arithmetic } = fc.letrec<{ arithmetic: Ast }>((tie) => {
  const call = (name: string, args: Ast[]): Ast => ({ type: 'call', name, nameStart: 0, nameEnd: 0, args, ...at });
  return {
    arithmetic: fc.oneof(
      { maxDepth: 6, depthSize: 'small' },
      fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 0.1, 1e300)).chain((v) => fc.boolean().map((p) => numberNode(v, p))),
      fc.constantFrom(...VARIABLES).map((name): Ast => ({ type: 'name', name, ...at })),
      fc.tuple(fc.constantFrom('-', '+'), tie('arithmetic')).map(([op, operand]): Ast => ({ type: 'unary', op: op as '-' | '+', operand, ...at })),
      fc
        .tuple(fc.constantFrom(['+', '+'], ['-', '-'], ['*', '*'], ['*', '×'], ['/', '/'], ['/', '÷']), tie('arithmetic'), tie('arithmetic'))
        .map(([[op, symbol], left, right]) => ({ type: 'binary', op, symbol, left, right, ...at }) as Ast),
      tie('arithmetic').map((x) => call('ABS', [x])),
      fc.tuple(fc.constantFrom('MIN', 'MAX', 'SUM', 'AVG'), fc.array(tie('arithmetic'), { minLength: 1, maxLength: 4 })).map(([f, args]) => call(f, args)),
      fc.tuple(tie('arithmetic'), tie('arithmetic'), tie('arithmetic')).map((args) => call('DIV', args)),
    ),
  };
});

/** A plain evaluator to compare with: null when not computable. */
function reference(node: Ast, vars: Record<string, number>): number | null {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const all = (args: Ast[]) => {
    const values: number[] = [];
    for (const arg of args) {
      const v = reference(arg, vars);
      if (v === null) return null;
      values.push(v);
    }
    return values;
  };
  switch (node.type) {
    case 'number':
      return node.value;
    case 'name':
      return vars[node.name];
    case 'unary': {
      const x = reference(node.operand, vars);
      return x === null ? null : node.op === '-' ? -x : x;
    }
    case 'binary': {
      const l = reference(node.left, vars);
      if (l === null) return null;
      const r = reference(node.right, vars);
      if (r === null) return null;
      if (node.op === '/' && r === 0) return null;
      return finite(node.op === '+' ? l + r : node.op === '-' ? l - r : node.op === '*' ? l * r : l / r);
    }
    case 'call':
      return referenceCall(node, vars, all);
    default:
      throw new Error('not arithmetic');
  }
}

function referenceCall(node: CallNode, vars: Record<string, number>, all: (args: Ast[]) => number[] | null): number | null {
  if (node.name === 'DIV') {
    const [a, b] = [reference(node.args[0], vars), reference(node.args[1], vars)];
    if (a === null || b === null) return null;
    if (b === 0) return reference(node.args[2], vars);
    return Number.isFinite(a / b) ? a / b : null;
  }
  const values = all(node.args);
  if (values === null) return null;
  const sum = values.reduce((s, x) => s + x, 0);
  switch (node.name) {
    case 'ABS':
      return Math.abs(values[0]);
    case 'MIN':
      return Math.min(...values);
    case 'MAX':
      return Math.max(...values);
    case 'SUM':
      return Number.isFinite(sum) ? sum : null;
    case 'AVG': {
      const mean = Number.isFinite(sum) ? sum / values.length : values.reduce((s, x) => s + x / values.length, 0);
      return Number.isFinite(mean) ? mean : null;
    }
    default:
      throw new Error(node.name);
  }
}

const formulaChars = fc.constantFrom(...'()（）[]]【】,，+-*/×÷<>=≥≤≠%.0123456789eE abc销售额AND OR NOT IF SUM ROUND DIV MIN \n\t$'.split(''));
const formulaish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: formulaChars, maxLength: 60 }),
  fc.tuple(anyAst.map(formatFormula), fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: formulaChars, maxLength: 3 })).map(
    ([text, i, remove, insert]) => text.slice(0, i % (text.length + 1)) + insert + text.slice((i % (text.length + 1)) + remove),
  ),
);

describe('properties', () => {
  it('(a) printing any tree and parsing it again gives the same tree', () => {
    fc.assert(
      fc.property(anyAst, (ast) => {
        const text = formatFormula(ast);
        fc.pre(text.length <= LIMITS.maxSourceLength);
        const parsed = parseFormula(text);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(withoutPositions(parsed.ast as Ast)).toEqual(withoutPositions(ast));
        expect(formatFormula(parsed.ast as Ast)).toBe(text);
      }),
      RUNS,
    );
  });

  it('(b) evaluating generated arithmetic equals a plain evaluator on the same tree', () => {
    const value = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 1e300, -1e300));
    const record = fc.tuple(value, value, value, value).map((values) => Object.fromEntries(VARIABLES.map((name, i) => [name, values[i]])));
    fc.assert(
      fc.property(arithmetic, record, (ast, vars) => {
        const compiled = compileFormula(formatFormula(ast));
        if (!compiled.ok) throw new Error(compiled.diagnostics[0].message.en);
        const result = compiled.evaluate(vars);
        const expected = reference(ast, vars);
        if (expected === null) {
          expect(result.ok).toBe(false);
        } else {
          expect(result).toEqual({ ok: true, value: expected === 0 ? 0 : expected });
        }
      }),
      RUNS,
    );
  });

  it('(c) the parser, checker and compiler never throw, whatever the input', () => {
    fc.assert(
      fc.property(formulaish, (source) => {
        parseFormula(source);
        checkFormula(source, { knownNames: ['a', 'b', '销售额'] });
        const compiled = compileFormula(source);
        if (compiled.ok) compiled.evaluate({ a: 0, b: 1, 销售额: 2, c: null });
      }),
      { numRuns: 2000 },
    );
  });

  it('(d) every position lies within the source', () => {
    const inside = (source: string, d: { start: number; end: number }) => {
      expect(Number.isInteger(d.start) && Number.isInteger(d.end)).toBe(true);
      expect(0 <= d.start && d.start <= d.end && d.end <= source.length).toBe(true);
    };
    fc.assert(
      fc.property(formulaish, (source) => {
        for (const d of checkFormula(source, { knownNames: ['a'] }).diagnostics) inside(source, d);
        const compiled = compileFormula(source);
        if (!compiled.ok) return;
        for (const d of compiled.diagnostics) inside(source, d);
        const result = compiled.evaluate({ a: 0, b: 0, c: 1e308 });
        if (!result.ok) inside(source, result);
      }),
      { numRuns: 2000 },
    );
  });

  it('(d) every node of a parsed tree lies within the source and within its parent', () => {
    const within = (node: Ast, start: number, end: number): void => {
      expect(start <= node.start && node.start <= node.end && node.end <= end).toBe(true);
      if ('operand' in node) within(node.operand, node.start, node.end);
      if ('left' in node) within(node.left, node.start, node.end);
      if ('right' in node) within(node.right, node.start, node.end);
      if (node.type === 'call') for (const arg of node.args) within(arg, node.start, node.end);
    };
    fc.assert(
      fc.property(formulaish, (source) => {
        const { ast } = parseFormula(source);
        if (ast) within(ast, 0, source.length);
      }),
      { numRuns: 2000 },
    );
  });
});
