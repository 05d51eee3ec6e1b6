/**
 * Compiles a checked formula to a tree of closures: no `eval`, no `new Function`, and the
 * only data a formula can reach is the record of variables it is given, read with
 * `Object.hasOwn` (so `constructor`, `__proto__` or `toString` are just names with no
 * value). Anything that is not a finite number — a zero divisor, an overflow, a missing
 * value — ends the evaluation with a "not computable" result that says where and why.
 */
import type { Ast, CallNode } from './ast.ts';
import { analyseFormula, type CheckOptions, staticType } from './check.ts';
import type { Diagnostic, Localized } from './diagnostics.ts';
import { roundHalfAwayFromZero } from './decimal-round.ts';
import { formatName } from './format.ts';
import { messages } from './messages.ts';

export type FormulaValue = number | boolean;
export type Variables = Readonly<Record<string, number | null | undefined>>;
export type NotComputableCode = 'division_by_zero' | 'missing_variable' | 'not_finite' | 'type_error';
export type EvalResult =
  | { ok: true; value: FormulaValue }
  | { ok: false; code: NotComputableCode; start: number; end: number; message: Localized; variable?: string };

export type CompiledFormula = {
  ok: true;
  variables: string[];
  /** warnings only */
  diagnostics: Diagnostic[];
  /** 'number' or 'boolean' (an addition to the shared API) */
  type: 'number' | 'boolean';
  evaluate(vars: Variables): EvalResult;
};

/**
 * Parses, checks and compiles a formula. On success, `evaluate` can be called any number
 * of times; it never throws for any input record and never returns NaN or Infinity.
 *
 * @example
 * const f = compileFormula('销售成本÷((期初库存余额+期末库存余额)/2)');
 * if (f.ok) f.evaluate({ 销售成本: 900, 期初库存余额: 100, 期末库存余额: 200 }); // → { ok: true, value: 6 }
 * if (f.ok) f.evaluate({ 销售成本: 900, 期初库存余额: 0, 期末库存余额: 0 });
 * // → { ok: false, code: 'division_by_zero', start: 0, end: 24,
 * //      message: { en: 'Not computable: the divisor ((期初库存余额+期末库存余额)/2) is 0. …', … } }
 */
export function compileFormula(source: string, options: CheckOptions = {}): CompiledFormula | { ok: false; diagnostics: Diagnostic[] } {
  const analysis = analyseFormula(source, options);
  if (!analysis.ast || !analysis.type) return { ok: false, diagnostics: analysis.diagnostics };
  const compiler = new Compiler(source);
  const root: (v: Variables) => FormulaValue = analysis.type === 'boolean' ? compiler.condition(analysis.ast) : compiler.number(analysis.ast);
  return {
    ok: true,
    variables: analysis.variables,
    diagnostics: analysis.diagnostics,
    type: analysis.type,
    evaluate(vars: Variables): EvalResult {
      try {
        const value = root(vars);
        return { ok: true, value: value === 0 ? 0 : value }; // no -0
      } catch (err) {
        if (err instanceof NotComputable) return err.result;
        throw err;
      }
    },
  };
}

/** Thrown inside the closures, caught by `evaluate`; never escapes. */
class NotComputable {
  constructor(readonly result: EvalResult & { ok: false }) {}
}

type NumberFn = (v: Variables) => number;
type ConditionFn = (v: Variables) => boolean;

const hasOwn = Object.hasOwn;
/** Two numbers closer than 4 units in the last place compare equal, so that 0.3/0.1 >= 3 holds. */
const TOLERANCE = 4 * Number.EPSILON;
const near = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));

class Compiler {
  constructor(private readonly source: string) {}

  number(node: Ast): NumberFn {
    switch (node.type) {
      case 'number': {
        const value = node.value;
        return () => value;
      }
      case 'name':
        return this.variable(node.name, node.start, node.end);
      case 'unary': {
        const operand = this.number(node.operand);
        return node.op === '-' ? (v) => -operand(v) : operand;
      }
      case 'binary':
        return this.arithmetic(node);
      case 'call':
        return this.call(node);
      default:
        throw new Error(`internal: ${node.type} is not a number`);
    }
  }

  condition(node: Ast): ConditionFn {
    switch (node.type) {
      case 'compare':
        return this.comparison(node);
      case 'logical': {
        const left = this.condition(node.left);
        const right = this.condition(node.right);
        return node.op === 'AND' ? (v) => left(v) && right(v) : (v) => left(v) || right(v);
      }
      case 'not': {
        const operand = this.condition(node.operand);
        return (v) => !operand(v);
      }
      case 'call': {
        const [c, a, b] = node.args.map((arg) => this.condition(arg));
        return (v) => (c(v) ? a(v) : b(v));
      }
      default:
        throw new Error(`internal: ${node.type} is not a condition`);
    }
  }

  private variable(name: string, start: number, end: number): NumberFn {
    return (v) => {
      const x = hasOwn(v, name) ? v[name] : undefined;
      if (typeof x === 'number' && x - x === 0) return x;
      const shown = formatName(name);
      if (x === null || x === undefined) {
        throw new NotComputable({ ok: false, code: 'missing_variable', start, end, message: messages.missingVariable(shown), variable: name });
      }
      if (typeof x === 'number') throw new NotComputable({ ok: false, code: 'not_finite', start, end, message: messages.notFinite(shown), variable: name });
      throw new NotComputable({ ok: false, code: 'type_error', start, end, message: messages.valueNotNumber(shown), variable: name });
    };
  }

  /** `x` unless it is NaN or ±Infinity, in which case the evaluation stops at `node`. */
  private finite(node: Ast): (x: number) => number {
    return (x) => {
      if (x - x === 0) return x;
      throw new NotComputable({ ok: false, code: 'not_finite', start: node.start, end: node.end, message: messages.notFinite(this.text(node)) });
    };
  }

  private arithmetic(node: Ast & { type: 'binary' }): NumberFn {
    const left = this.number(node.left);
    const right = this.number(node.right);
    const finite = this.finite(node);
    switch (node.op) {
      case '+':
        return (v) => finite(left(v) + right(v));
      case '-':
        return (v) => finite(left(v) - right(v));
      case '*':
        return (v) => finite(left(v) * right(v));
      case '/': {
        const zero = this.divisionByZero(node, node.right);
        return (v) => {
          const a = left(v);
          const b = right(v);
          if (b === 0) throw zero();
          return finite(a / b);
        };
      }
    }
  }

  private divisionByZero(node: Ast, divisor: Ast): () => NotComputable {
    const message = messages.divisionByZero(this.text(divisor));
    return () => new NotComputable({ ok: false, code: 'division_by_zero', start: node.start, end: node.end, message });
  }

  private comparison(node: Ast & { type: 'compare' }): ConditionFn {
    if (staticType(node.left) === 'boolean') {
      const left = this.condition(node.left);
      const right = this.condition(node.right);
      return node.op === '=' ? (v) => left(v) === right(v) : (v) => left(v) !== right(v);
    }
    const left = this.number(node.left);
    const right = this.number(node.right);
    switch (node.op) {
      case '=':
        return (v) => near(left(v), right(v));
      case '<>':
        return (v) => !near(left(v), right(v));
      case '<':
        return (v) => {
          const a = left(v);
          const b = right(v);
          return a < b && !near(a, b);
        };
      case '<=':
        return (v) => {
          const a = left(v);
          const b = right(v);
          return a < b || near(a, b);
        };
      case '>':
        return (v) => {
          const a = left(v);
          const b = right(v);
          return a > b && !near(a, b);
        };
      case '>=':
        return (v) => {
          const a = left(v);
          const b = right(v);
          return a > b || near(a, b);
        };
    }
  }

  private call(node: CallNode): NumberFn {
    if (node.name === 'IF') {
      const condition = this.condition(node.args[0]);
      const [a, b] = [this.number(node.args[1]), this.number(node.args[2])];
      return (v) => (condition(v) ? a(v) : b(v));
    }
    const args = node.args.map((arg) => this.number(arg));
    const finite = this.finite(node);
    switch (node.name) {
      case 'ABS': {
        const [x] = args;
        return (v) => Math.abs(x(v));
      }
      case 'ROUND': {
        const [x, places] = args;
        return (v) => finite(roundHalfAwayFromZero(x(v), places(v)));
      }
      case 'DIV': {
        const [a, b, fallback] = args;
        return (v) => {
          const x = a(v);
          const y = b(v);
          return y === 0 ? fallback(v) : finite(x / y);
        };
      }
      case 'MIN':
        return (v) => {
          let m = args[0](v);
          for (let i = 1; i < args.length; i++) m = Math.min(m, args[i](v));
          return m;
        };
      case 'MAX':
        return (v) => {
          let m = args[0](v);
          for (let i = 1; i < args.length; i++) m = Math.max(m, args[i](v));
          return m;
        };
      case 'SUM':
        return (v) => {
          let s = 0;
          for (const f of args) s += f(v);
          return finite(s);
        };
      case 'AVG':
        return (v) => {
          const values = args.map((f) => f(v));
          const sum = values.reduce((s, x) => s + x, 0);
          // a sum can overflow where the mean does not
          return finite(sum - sum === 0 ? sum / values.length : values.reduce((s, x) => s + x / values.length, 0));
        };
      default:
        throw new Error(`internal: unknown function ${node.name}`);
    }
  }

  private text(node: Ast): string {
    return this.source.slice(node.start, node.end);
  }
}
