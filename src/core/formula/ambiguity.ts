/**
 * The ambiguity warning of the seed: `销售成本÷(期初库存余额+期末库存余额)/2` is computed as
 * `(销售成本÷(…))/2`, which is not what its author meant. A division directly followed by
 * another division (`/` or `÷`) without parentheses gets a warning that spans the chain
 * and offers the two explicit readings.
 *
 * `a / b * c` is deliberately NOT flagged: it is the form of the built-in
 * 销售额目标完成率 (`实际销售额/目标销售额*100%`) and is read left to right by everyone.
 */
import { type ArithmeticOp, type ArithmeticSymbol, type Ast, PRECEDENCE } from './ast.ts';
import { type Diagnostic, formulaWarning } from './diagnostics.ts';
import { formatOperand } from './format.ts';
import { messages } from './messages.ts';

type Operator = { op: ArithmeticOp; symbol: ArithmeticSymbol };

/**
 * Looks at one chain of `* / × ÷` at one parenthesis level: `operands[k]` and
 * `operands[k + 1]` are joined by `operators[k]`, and `partials[k]` is the tree of
 * `operands[0..k]`. Returns the warning for the first run of two or more divisions.
 *
 * @example
 * // for 销售成本÷(期初库存余额+期末库存余额)/2 the parser calls
 * divisionChainWarning(source, [销售成本, (期初+期末), 2], [÷, /], partials);
 * // → { code: 'ambiguous_division', start: 0, end: source.length,
 * //     readings: ['(销售成本 ÷ (期初库存余额 + 期末库存余额)) / 2', '销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)'] }
 */
export function divisionChainWarning(
  source: string,
  operands: readonly Ast[],
  operators: readonly Operator[],
  partials: readonly Ast[],
): Diagnostic | null {
  for (let i = 0; i + 1 < operators.length; i++) {
    if (operators[i].op !== '/' || operators[i + 1].op !== '/') continue;
    let last = i + 1;
    while (last + 1 < operators.length && operators[last + 1].op === '/') last++;
    const start = operands[0].start;
    const end = operands[last + 1].end;
    const left = formatOperand(partials[i], PRECEDENCE.multiplicative);
    const b = formatOperand(operands[i + 1], PRECEDENCE.unary);
    const c = formatOperand(operands[i + 2], PRECEDENCE.unary);
    const first = operators[i].symbol;
    const second = operators[i + 1].symbol;
    const asComputed = `(${left} ${first} ${b}) ${second} ${c}`;
    const alternative = `${left} ${first} (${b} ${second} ${c})`;
    const message = messages.ambiguousDivision(source.slice(start, end), asComputed, alternative);
    return { ...formulaWarning('ambiguous_division', start, end, message), readings: [asComputed, alternative] };
  }
  return null;
}
