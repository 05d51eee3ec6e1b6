/**
 * Diagnostics of the formula language: what is wrong, where (UTF-16 offsets into the
 * source, end exclusive) and how to fix it, in both languages of the product.
 */

/** A message in every language of the product. */
export type Localized = { 'zh-CN': string; en: string };

export type Severity = 'error' | 'warning';

/**
 * One finding about a formula. `start`/`end` are UTF-16 offsets into the source (end
 * exclusive), so `source.slice(start, end)` is the text it is about.
 * `suggestion` (unknown names and functions) is the closest known spelling, ready for a
 * quick fix; `readings` (ambiguity warnings) are the two explicit ways to write it.
 */
export type Diagnostic = {
  severity: Severity;
  code: string;
  start: number;
  end: number;
  message: Localized;
  suggestion?: string;
  readings?: readonly [string, string];
};

/** The limits that keep a hostile or runaway formula from costing more than a small one. */
export const LIMITS = {
  /** characters (UTF-16 code units) of source */
  maxSourceLength: 10_000,
  /** parentheses, function calls, unary operators and NOT nested inside each other */
  maxNestingDepth: 200,
  /** height of the syntax tree, so that `a+a+a+…` cannot overflow a recursive walk */
  maxTreeHeight: 1_000,
  /** arguments of one function call */
  maxArguments: 1_000,
} as const;

/**
 * Builds an error diagnostic.
 *
 * @example
 * formulaError('empty_formula', 0, 0, { 'zh-CN': '公式为空', en: 'The formula is empty' });
 */
export function formulaError(code: string, start: number, end: number, message: Localized): Diagnostic {
  return { severity: 'error', code, start, end, message };
}

/**
 * Builds a warning diagnostic (the formula still compiles and evaluates).
 *
 * @example
 * formulaWarning('ambiguous_division', 0, 5, { 'zh-CN': '…', en: '…' });
 */
export function formulaWarning(code: string, start: number, end: number, message: Localized): Diagnostic {
  return { severity: 'warning', code, start, end, message };
}

/**
 * Orders diagnostics by position, errors before warnings at the same position.
 *
 * @example
 * sortDiagnostics([warningAt5, errorAt0]); // → [errorAt0, warningAt5]
 */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.start - b.start || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.end - b.end);
}

/**
 * True when any diagnostic is an error.
 *
 * @example
 * hasErrors([{ severity: 'warning', … }]); // → false
 */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
