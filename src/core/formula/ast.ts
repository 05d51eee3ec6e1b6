/**
 * The syntax tree of a formula. Every node carries `start`/`end`: UTF-16 offsets into the
 * source it was parsed from (end exclusive). Parentheses leave no node: `(a)` is `a`.
 */

export type ArithmeticOp = '+' | '-' | '*' | '/';
/** How the operator was written: `×` and `÷` are kept so the canonical text uses the author's signs. */
export type ArithmeticSymbol = ArithmeticOp | '×' | '÷';
export type ComparisonOp = '>' | '>=' | '<' | '<=' | '=' | '<>';
export type ComparisonSymbol = ComparisonOp | '≥' | '≤' | '≠';

type Span = { start: number; end: number };

/** A number literal. `80%` has `literal` 80, `percent` true and `value` 0.8. */
export type NumberNode = Span & { type: 'number'; value: number; literal: number; percent: boolean };
/** A term name, written bare (`销售额`) or in brackets (`[Sales (net)]`); `name` is unescaped. */
export type NameNode = Span & { type: 'name'; name: string };
export type UnaryNode = Span & { type: 'unary'; op: '-' | '+'; operand: Ast };
export type NotNode = Span & { type: 'not'; operand: Ast };
export type BinaryNode = Span & { type: 'binary'; op: ArithmeticOp; symbol: ArithmeticSymbol; left: Ast; right: Ast };
export type CompareNode = Span & { type: 'compare'; op: ComparisonOp; symbol: ComparisonSymbol; left: Ast; right: Ast };
export type LogicalNode = Span & { type: 'logical'; op: 'AND' | 'OR'; left: Ast; right: Ast };
/** A function call; `name` is upper-cased (function names are case-insensitive). */
export type CallNode = Span & { type: 'call'; name: string; nameStart: number; nameEnd: number; args: Ast[] };

export type Ast = NumberNode | NameNode | UnaryNode | NotNode | BinaryNode | CompareNode | LogicalNode | CallNode;

/** Binding strength, weakest first: OR < AND < NOT < comparison < + - < * / < unary < primary. */
export const PRECEDENCE = { or: 1, and: 2, not: 3, compare: 4, additive: 5, multiplicative: 6, unary: 7, primary: 8 } as const;

/**
 * How strongly a node binds, for deciding where parentheses are needed.
 *
 * @example
 * precedenceOf(parseFormula('a + b').ast!); // → PRECEDENCE.additive (5)
 */
export function precedenceOf(node: Ast): number {
  switch (node.type) {
    case 'logical':
      return node.op === 'OR' ? PRECEDENCE.or : PRECEDENCE.and;
    case 'not':
      return PRECEDENCE.not;
    case 'compare':
      return PRECEDENCE.compare;
    case 'binary':
      return node.op === '+' || node.op === '-' ? PRECEDENCE.additive : PRECEDENCE.multiplicative;
    case 'unary':
      return PRECEDENCE.unary;
    default:
      return PRECEDENCE.primary;
  }
}

/**
 * The value of a number literal as written (`digits`, ASCII, no sign), divided by 100 when
 * followed by `%`. The division is done on the decimal text, so `1.1%` is exactly the
 * double nearest to 0.011 (not 1.1 / 100, which is one ulp off).
 *
 * @example
 * literalValue('80', true); // → 0.8
 * literalValue('1e3', false); // → 1000
 */
export function literalValue(digits: string, percent: boolean): number {
  if (!percent) return Number(digits);
  const e = /[eE]/.exec(digits);
  const mantissa = e ? digits.slice(0, e.index) : digits;
  const exponent = e ? Number(digits.slice(e.index + 1)) : 0;
  return Number(`${mantissa}e${exponent - 2}`);
}

/**
 * Builds a number node (used by tests and by code that assembles formulas).
 *
 * @example
 * numberNode(80, true); // → { type: 'number', literal: 80, percent: true, value: 0.8, start: 0, end: 0 }
 */
export function numberNode(literal: number, percent = false, start = 0, end = 0): NumberNode {
  return { type: 'number', value: literalValue(String(literal), percent), literal, percent, start, end };
}

/**
 * Calls `visit` on every node, parents before children, left to right (source order).
 *
 * @example
 * const names: string[] = [];
 * walkAst(ast, (n) => { if (n.type === 'name') names.push(n.name); });
 */
export function walkAst(node: Ast, visit: (node: Ast) => void): void {
  visit(node);
  switch (node.type) {
    case 'unary':
    case 'not':
      walkAst(node.operand, visit);
      break;
    case 'binary':
    case 'compare':
    case 'logical':
      walkAst(node.left, visit);
      walkAst(node.right, visit);
      break;
    case 'call':
      for (const arg of node.args) walkAst(arg, visit);
      break;
    default:
      break;
  }
}
