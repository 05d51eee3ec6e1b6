/**
 * Prints a syntax tree as canonical formula text: single spaces around binary operators,
 * `, ` between arguments, upper-case keywords and function names, brackets only around
 * names that need them, parentheses only where precedence requires them. Parsing the
 * output gives the same tree again (apart from positions).
 */
import { type Ast, PRECEDENCE, precedenceOf } from './ast.ts';
import { isFunctionName } from './functions.ts';
import { asciiUpper, isBareName } from './tokenizer.ts';

/**
 * Canonical text of a formula.
 *
 * @example
 * formatFormula(parseFormula('销售成本÷((期初库存余额+期末库存余额)/2)').ast!);
 * // → '销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)'
 * formatFormula(parseFormula('[Sales (net)]*80%').ast!); // → '[Sales (net)] * 80%'
 */
export function formatFormula(ast: Ast): string {
  switch (ast.type) {
    case 'number':
      return formatNumber(ast.literal, ast.percent);
    case 'name':
      return formatName(ast.name);
    case 'unary':
      return `${ast.op}${formatOperand(ast.operand, PRECEDENCE.unary)}`;
    case 'not':
      return `NOT ${formatOperand(ast.operand, PRECEDENCE.not)}`;
    case 'binary':
    case 'logical': {
      const p = precedenceOf(ast);
      const symbol = ast.type === 'binary' ? ast.symbol : ast.op;
      return `${formatOperand(ast.left, p)} ${symbol} ${formatOperand(ast.right, p + 1)}`;
    }
    case 'compare':
      // comparisons do not chain: both sides must bind tighter
      return `${formatOperand(ast.left, PRECEDENCE.compare + 1)} ${ast.symbol} ${formatOperand(ast.right, PRECEDENCE.compare + 1)}`;
    case 'call':
      return `${ast.name}(${ast.args.map(formatFormula).join(', ')})`;
  }
}

/**
 * Text of `node` as an operand that must bind at least as tightly as `minPrecedence`,
 * parenthesised when it does not.
 *
 * @example
 * formatOperand(parseFormula('a + b').ast!, PRECEDENCE.multiplicative); // → '(a + b)'
 */
export function formatOperand(node: Ast, minPrecedence: number): string {
  const text = formatFormula(node);
  return precedenceOf(node) < minPrecedence ? `(${text})` : text;
}

/**
 * A term name as it is written in a formula: bare when it is an identifier, otherwise in
 * brackets with `]` doubled. Keywords and function names are bracketed too.
 *
 * @example
 * formatName('销售额'); // → '销售额'
 * formatName('Sales (net)'); // → '[Sales (net)]'
 * formatName('a]b'); // → '[a]]b]'
 */
export function formatName(name: string): string {
  if (isBareName(name) && !isFunctionName(asciiUpper(name))) return name;
  return `[${name.replaceAll(']', ']]')}]`;
}

/**
 * A number literal; negative literals (which the parser never makes) are parenthesised.
 *
 * @example
 * formatNumber(80, true); // → '80%'
 * formatNumber(0.5, false); // → '0.5'
 */
export function formatNumber(literal: number, percent: boolean): string {
  const text = `${String(Math.abs(literal))}${percent ? '%' : ''}`;
  return literal < 0 || Object.is(literal, -0) ? `(-${text})` : text;
}
