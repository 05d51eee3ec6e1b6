import { describe, expect, it } from 'vitest';
import type { Ast } from './ast.ts';
import { parseFormula } from './parser.ts';

/** A compact, position-free rendering of the tree: (op left right). */
function sx(node: Ast): string {
  switch (node.type) {
    case 'number':
      return node.percent ? `${node.literal}%` : String(node.value);
    case 'name':
      return node.name;
    case 'unary':
      return `(${node.op === '-' ? 'neg' : 'pos'} ${sx(node.operand)})`;
    case 'not':
      return `(NOT ${sx(node.operand)})`;
    case 'binary':
    case 'compare':
      return `(${node.symbol} ${sx(node.left)} ${sx(node.right)})`;
    case 'logical':
      return `(${node.op} ${sx(node.left)} ${sx(node.right)})`;
    case 'call':
      return `(${node.name}${node.args.map((a) => ` ${sx(a)}`).join('')})`;
  }
}

const tree = (source: string) => {
  const { ast, diagnostics } = parseFormula(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return sx(ast as Ast);
};
const error = (source: string) => {
  const { ast, diagnostics } = parseFormula(source);
  expect(ast).toBeNull();
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  return [d.code, d.start, d.end];
};

describe('parseFormula: precedence table', () => {
  it.each([
    // * / bind tighter than + -
    ['1+2*3', '(+ 1 (* 2 3))'],
    ['1*2+3', '(+ (* 1 2) 3)'],
    ['a-b/c', '(- a (/ b c))'],
    // left-associative at each level
    ['a-b-c', '(- (- a b) c)'],
    ['a/b*c', '(* (/ a b) c)'],
    ['a÷b×c', '(× (÷ a b) c)'],
    ['a*b/c', '(/ (* a b) c)'],
    ['a/b/c', '(/ (/ a b) c)'],
    // unary binds tighter than * /, looser than a call
    ['-a*b', '(* (neg a) b)'],
    ['a*-b', '(* a (neg b))'],
    ['--a', '(neg (neg a))'],
    ['+-a', '(pos (neg a))'],
    ['a - -b', '(- a (neg b))'],
    ['-SUM(a,b)', '(neg (SUM a b))'],
    ['-80%', '(neg 80%)'],
    // comparison is looser than arithmetic
    ['a+b>c*d', '(> (+ a b) (* c d))'],
    ['a-1>=b', '(>= (- a 1) b)'],
    // NOT is looser than comparison, AND looser than NOT, OR loosest
    ['NOT a>b', '(NOT (> a b))'],
    ['NOT a>b AND c<d', '(AND (NOT (> a b)) (< c d))'],
    ['a>1 OR b>1 AND c>1', '(OR (> a 1) (AND (> b 1) (> c 1)))'],
    ['a>1 AND b>1 OR c>1', '(OR (AND (> a 1) (> b 1)) (> c 1))'],
    ['a>1 OR b>1 OR c>1', '(OR (OR (> a 1) (> b 1)) (> c 1))'],
    ['NOT NOT a=1', '(NOT (NOT (= a 1)))'],
    // parentheses override everything
    ['(a+b)*c', '(* (+ a b) c)'],
    ['a/(b/c)', '(/ a (/ b c))'],
    ['NOT (a>1 OR b>1)', '(NOT (OR (> a 1) (> b 1)))'],
  ])('%s → %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });
});

describe('parseFormula: constructs', () => {
  it('parses every comparison operator, ASCII and typographic', () => {
    expect(['a>b', 'a>=b', 'a<b', 'a<=b', 'a=b', 'a<>b', 'a≥b', 'a≤b', 'a≠b'].map(tree)).toEqual([
      '(> a b)',
      '(>= a b)',
      '(< a b)',
      '(<= a b)',
      '(= a b)',
      '(<> a b)',
      '(≥ a b)',
      '(≤ a b)',
      '(≠ a b)',
    ]);
  });

  it('parses function calls, case-insensitive, with full-width punctuation', () => {
    expect(tree('IF(a>0, b, c)')).toBe('(IF (> a 0) b c)');
    expect(tree('round(x, 2)')).toBe('(ROUND x 2)');
    expect(tree('Max（a，b，c）')).toBe('(MAX a b c)');
    expect(tree('DIV(a, b, 0)')).toBe('(DIV a b 0)');
    expect(tree('SUM ( a )')).toBe('(SUM a)');
    expect(tree('SUM()')).toBe('(SUM)'); // argument count is checked later
    expect(tree('min(abs(a), avg(b, c))')).toBe('(MIN (ABS a) (AVG b c))');
  });

  it('reads a bracketed name as a name even when a parenthesis follows in the source', () => {
    expect(tree('[SUM]*(2)')).toBe('(* SUM 2)');
    expect(tree('SUM*2')).toBe('(* SUM 2)'); // a function name without ( is a term name
  });

  it('parses names, numbers and percentages', () => {
    expect(tree('实际销售额/目标销售额*100%')).toBe('(* (/ 实际销售额 目标销售额) 100%)');
    expect(tree('[Sales (net)] + [a]]b]')).toBe('(+ Sales (net) a]b)');
    expect(tree('.5 + 1e3')).toBe('(+ 0.5 1000)');
  });

  it('puts positions on every node; parentheses belong to the span of what they enclose', () => {
    const { ast } = parseFormula('SUM(a, (b + 1)) * -c');
    expect(ast).toMatchObject({
      type: 'binary',
      start: 0,
      end: 20,
      left: { type: 'call', start: 0, end: 15, nameStart: 0, nameEnd: 3, args: [{ start: 4, end: 5 }, { type: 'binary', start: 7, end: 14 }] },
      right: { type: 'unary', start: 18, end: 20, operand: { type: 'name', start: 19, end: 20 } },
    });
  });
});

describe('parseFormula: errors point at the right place', () => {
  it.each([
    ['', 'empty_formula', 0, 0],
    ['   ', 'empty_formula', 0, 3],
    ['(a + b', 'unclosed_parenthesis', 0, 1],
    ['x * ((a + b) - c', 'unclosed_parenthesis', 4, 5],
    ['SUM(a, b', 'unclosed_parenthesis', 3, 4],
    ['a + b)', 'unmatched_parenthesis', 5, 6],
    ['a +', 'unexpected_end', 2, 3],
    ['NOT', 'unexpected_end', 0, 3],
    ['a + * b', 'unexpected_token', 4, 5],
    ['* a', 'unexpected_token', 0, 1],
    ['a + )', 'unexpected_token', 4, 5],
    ['SUM(a,)', 'unexpected_token', 6, 7],
    ['SUM(a b)', 'unexpected_token', 6, 7],
    ['(a b)', 'unexpected_token', 3, 4],
    ['a, b', 'trailing_input', 1, 4],
    ['a b c', 'trailing_input', 2, 5],
    ['a AND', 'unexpected_end', 2, 5],
    ['2023年销售额 + 1', 'name_starts_with_digit', 0, 8],
    ['a < b < c', 'chained_comparison', 6, 7],
    ['a = b <> c', 'chained_comparison', 6, 8],
  ])('%j → %s at %d–%d', (source, code, start, end) => {
    expect(error(source)).toEqual([code, start, end]);
  });

  it('names the unexpected token and what was expected, in both languages', () => {
    const { diagnostics } = parseFormula('a + * b');
    expect(diagnostics[0].message.en).toBe('Unexpected "*": a number, a name, a function or "(" was expected here.');
    expect(diagnostics[0].message['zh-CN']).toBe('此处不应出现“*”，这里应为一个数字、名称、函数或“(”。');
    expect(parseFormula('a b').diagnostics[0].message.en).toBe('Unexpected name b after a complete formula. Is an operator (+ - * /) missing?');
    expect(parseFormula('(1+2').diagnostics[0].message.en).toContain('never closed');
    expect(parseFormula('SUM(1,2').diagnostics[0].message.en).toContain('SUM(');
  });

  it('returns lexical errors without parsing', () => {
    const { ast, diagnostics } = parseFormula('a $ b ( c');
    expect(ast).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['unexpected_character']);
  });
});
