/**
 * The formula language of indicators (domain.md §2): numbers, + - * / × ÷, comparisons,
 * AND OR NOT, IF MIN MAX ABS ROUND AVG SUM DIV, Chinese term names and [bracketed names].
 * Parsed and evaluated by our own code only — see docs/formulas.md for the user's guide.
 */
export type { Ast, ArithmeticOp, ComparisonOp } from './ast.ts';
export { numberNode, PRECEDENCE, walkAst } from './ast.ts';
export { analyseFormula, checkFormula, type FormulaType, staticType, variablesOf } from './check.ts';
export { type CompiledFormula, compileFormula, type EvalResult, type FormulaValue, type Variables } from './compile.ts';
export { roundHalfAwayFromZero } from './decimal-round.ts';
export { type Diagnostic, LIMITS, type Localized } from './diagnostics.ts';
export { formatFormula, formatName } from './format.ts';
export { FUNCTION_NAMES } from './functions.ts';
export { parseFormula } from './parser.ts';
export { closestName } from './suggest.ts';
