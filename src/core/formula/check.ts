/**
 * Checks a parsed formula: names against the known terms, function names and argument
 * counts, and types (numbers vs conditions). Every variable is a number, so every type
 * error is found here, before evaluation.
 */
import { type Ast, walkAst } from './ast.ts';
import { type Diagnostic, formulaError, formulaWarning, hasErrors, sortDiagnostics } from './diagnostics.ts';
import { formatName } from './format.ts';
import { FUNCTION_NAMES, FUNCTIONS, isFunctionName } from './functions.ts';
import { describeArity, messages } from './messages.ts';
import { parseFormula } from './parser.ts';
import { closestName } from './suggest.ts';

export type FormulaType = 'number' | 'boolean';
type Inferred = FormulaType | 'unknown';

export type CheckOptions = { knownNames?: readonly string[] };

export type Analysis = { ast: Ast | null; type: FormulaType | null; variables: string[]; diagnostics: Diagnostic[] };

/**
 * Parses and checks a formula in one go (what checkFormula and compileFormula share).
 *
 * @example
 * analyseFormula('IF(a > 0, b, c)').type; // → 'number'
 */
export function analyseFormula(source: string, options: CheckOptions = {}): Analysis {
  const parsed = parseFormula(source);
  if (!parsed.ast) return { ast: null, type: null, variables: [], diagnostics: parsed.diagnostics };
  const checker = new Checker(source, options.knownNames);
  const type = checker.infer(parsed.ast);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checker.diagnostics]);
  return { ast: parsed.ast, type: type === 'unknown' || hasErrors(diagnostics) ? null : type, variables: variablesOf(parsed.ast), diagnostics };
}

/**
 * Checks a formula without evaluating it. With `knownNames`, a name that is not among them
 * is an error (with the closest known name as suggestion); without, any name is accepted.
 * `type` (an addition to the shared API) is the type of the result when `ok`.
 *
 * @example
 * checkFormula('销售额2/目标', { knownNames: ['销售额', '目标'] });
 * // → { ok: false, variables: ['销售额2', '目标'], diagnostics: [{ code: 'unknown_name', start: 0, end: 4,
 * //      message: { en: 'Unknown name 销售额2 — did you mean 销售额?', … }, suggestion: '销售额' }] }
 */
export function checkFormula(
  source: string,
  options: CheckOptions = {},
): { ok: boolean; variables: string[]; diagnostics: Diagnostic[]; type?: FormulaType } {
  const { type, variables, diagnostics } = analyseFormula(source, options);
  const ok = !hasErrors(diagnostics);
  return ok && type ? { ok, variables, diagnostics, type } : { ok, variables, diagnostics };
}

/**
 * The distinct term names of a formula, in order of first appearance.
 *
 * @example
 * variablesOf(parseFormula('a + b * a').ast!); // → ['a', 'b']
 */
export function variablesOf(ast: Ast): string[] {
  const seen = new Set<string>();
  walkAst(ast, (node) => {
    if (node.type === 'name') seen.add(node.name);
  });
  return [...seen];
}

/**
 * The type of a formula that has passed the checks (conditions are booleans).
 *
 * @example
 * staticType(parseFormula('a > b AND c').ast!); // → 'boolean'
 */
export function staticType(node: Ast): FormulaType {
  switch (node.type) {
    case 'compare':
    case 'logical':
    case 'not':
      return 'boolean';
    case 'call':
      return node.name === 'IF' && node.args.length === 3 ? staticType(node.args[1]) : 'number';
    default:
      return 'number';
  }
}

const EXCERPT_LENGTH = 40;

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly known: ReadonlySet<string> | null;

  constructor(
    private readonly source: string,
    knownNames: readonly string[] | undefined,
  ) {
    this.known = knownNames ? new Set(knownNames) : null;
  }

  infer(node: Ast): Inferred {
    switch (node.type) {
      case 'number':
        return 'number';
      case 'name':
        if (this.known && !this.known.has(node.name)) {
          const suggestion = closestName(node.name, this.known);
          const message = messages.unknownName(formatName(node.name), suggestion === null ? null : formatName(suggestion));
          this.report({ ...formulaError('unknown_name', node.start, node.end, message), ...(suggestion === null ? {} : { suggestion }) });
        }
        return 'number';
      case 'unary':
        this.expectNumber(node.operand, this.infer(node.operand), node.op);
        return 'number';
      case 'binary': {
        this.expectNumber(node.left, this.infer(node.left), node.symbol);
        this.expectNumber(node.right, this.infer(node.right), node.symbol);
        if (node.op === '/' && node.right.type === 'number' && node.right.value === 0) {
          this.report(formulaWarning('constant_division_by_zero', node.start, node.end, messages.constantDivisionByZero(this.excerpt(node))));
        }
        return 'number';
      }
      case 'compare': {
        const left = this.infer(node.left);
        const right = this.infer(node.right);
        if (node.op === '=' || node.op === '<>') {
          if (left !== 'unknown' && right !== 'unknown' && left !== right) {
            this.report(formulaError('type_error', node.start, node.end, messages.compareMixed(node.symbol)));
          }
        } else {
          this.expectNumber(node.left, left, node.symbol);
          this.expectNumber(node.right, right, node.symbol);
        }
        return 'boolean';
      }
      case 'logical':
        this.expectCondition(node.left, this.infer(node.left), node.op);
        this.expectCondition(node.right, this.infer(node.right), node.op);
        return 'boolean';
      case 'not':
        this.expectCondition(node.operand, this.infer(node.operand), 'NOT');
        return 'boolean';
      case 'call':
        return this.inferCall(node);
    }
  }

  private inferCall(node: Ast & { type: 'call' }): Inferred {
    const types = node.args.map((arg) => this.infer(arg));
    if (!isFunctionName(node.name)) {
      const suggestion = closestName(node.name, FUNCTION_NAMES);
      const message = messages.unknownFunction(this.source.slice(node.nameStart, node.nameEnd), suggestion);
      this.report({ ...formulaError('unknown_function', node.nameStart, node.nameEnd, message), ...(suggestion === null ? {} : { suggestion }) });
      return 'unknown';
    }
    const signature = FUNCTIONS[node.name];
    const count = node.args.length;
    if (count < signature.min || count > signature.max) {
      const message = messages.wrongArgumentCount(node.name, describeArity(signature.min, signature.max), signature.usage, count);
      this.report(formulaError('wrong_argument_count', node.start, node.end, message));
    }
    if (node.name !== 'IF') {
      node.args.forEach((arg, i) => {
        this.expectNumber(arg, types[i], node.name);
      });
      return 'number';
    }
    if (count !== 3) return 'unknown';
    this.expectCondition(node.args[0], types[0], 'IF');
    const [, a, b] = types;
    if (a !== 'unknown' && b !== 'unknown' && a !== b) {
      this.report(formulaError('type_error', node.args[2].start, node.args[2].end, messages.ifBranchesDiffer()));
      return 'unknown';
    }
    return a === 'unknown' ? b : a;
  }

  private expectNumber(node: Ast, type: Inferred, where: string): void {
    if (type !== 'boolean') return;
    const text = this.excerpt(node);
    const message = /^[A-Z]+$/.test(where) ? messages.numberExpected(where, text) : messages.arithmeticOnBoolean(where, text);
    this.report(formulaError('type_error', node.start, node.end, message));
  }

  private expectCondition(node: Ast, type: Inferred, where: string): void {
    if (type !== 'number') return;
    this.report(formulaError('type_error', node.start, node.end, messages.conditionExpected(where, this.excerpt(node))));
  }

  private report(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  /** The source text of a node, shortened for messages. */
  private excerpt(node: Ast): string {
    const chars = Array.from(this.source.slice(node.start, node.end));
    return chars.length <= EXCERPT_LENGTH ? chars.join('') : `${chars.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
  }
}
