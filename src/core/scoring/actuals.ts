/**
 * From term values to indicator actuals: each indicator's formula (by default the term named
 * by its key) evaluated with the formula language of src/core/formula. Missing terms make the
 * scorecard incomplete, a formula that cannot be computed (a zero divisor…) too, with the
 * reason; a formula that is wrong or gives true/false is an error.
 */
import { compileFormula } from '../formula/index.ts';
import { reason } from './messages.ts';
import { type PreparedScorecard, scorePreparedInOrder, scoreScorecard } from './score.ts';
import type { Indicator, ResolvedActual, ScoreResult, Scorecard } from './types.ts';
import { indicatorLabel } from './validate.ts';

/** Term values of one owner and period, by term name; null or absent when not known yet. */
export type TermValues = Readonly<Record<string, number | null | undefined>>;
export type ResolveOptions = {
  /** The names in the data dictionary: a formula naming anything else is an error, with the closest name suggested. */
  knownNames?: readonly string[];
};

const has = (terms: TermValues, name: string) => Object.hasOwn(terms, name) && terms[name] !== null && terms[name] !== undefined;

type Compiled = ReturnType<typeof compileFormula>;
// a cycle scores thousands of people with the same few formulas: compile each once.
// Only formulas checked without knownNames are cached (their result depends on the source alone).
const compiledBySource = new Map<string, Compiled>();
const CACHE_LIMIT = 1000;

function compileCached(formula: string, knownNames: readonly string[] | undefined): Compiled {
  if (knownNames) return compileFormula(formula, { knownNames });
  let compiled = compiledBySource.get(formula);
  if (!compiled) {
    if (compiledBySource.size >= CACHE_LIMIT) compiledBySource.clear();
    compiled = compileFormula(formula);
    compiledBySource.set(formula, compiled);
  }
  return compiled;
}

/**
 * The actual of one indicator from the term values.
 * @example
 * resolveActual({ key: '成品周转率', weight: 10, target: 4, formula: '销售成本÷((期初库存余额+期末库存余额)/2)' },
 *   { 销售成本: 810000, 期初库存余额: 200000, 期末库存余额: 250000 })
 * // { status: 'ok', value: 3.6, formula: '…', terms: { 销售成本: 810000, 期初库存余额: 200000, 期末库存余额: 250000 } }
 */
export function resolveActual(indicator: Indicator, terms: TermValues, options: ResolveOptions = {}): ResolvedActual {
  const formula = indicator.formula;
  if (formula === undefined) {
    const value = terms[indicator.key];
    if (typeof value === 'number' && Number.isFinite(value) && Object.hasOwn(terms, indicator.key)) return { status: 'ok', value };
    const label = { indicator: indicatorLabel(indicator) };
    if (!has(terms, indicator.key)) return { status: 'missing', reason: reason('actual.missing', label), missingTerms: [indicator.key] };
    return { status: 'error', reason: reason('actual.not_finite', label) };
  }
  const label = { indicator: indicatorLabel(indicator) };

  const compiled = compileCached(formula, options.knownNames);
  if (!compiled.ok) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error') ?? compiled.diagnostics[0];
    const detail = first?.message ?? { 'zh-CN': '无法解析', en: 'cannot be parsed' };
    return { status: 'error', reason: reason('actual.formula_invalid', { ...label, detail }), formula };
  }
  if ('type' in compiled && compiled.type === 'boolean') return { status: 'error', reason: reason('actual.boolean', label), formula };

  const used: Record<string, number> = {};
  for (const name of compiled.variables) {
    if (!has(terms, name)) {
      const missingTerms = compiled.variables.filter((n) => !has(terms, n));
      return { status: 'missing', reason: reason('actual.missing_terms', { ...label, terms: missingTerms.join(', ') }), formula, missingTerms };
    }
    defineEntry(used, name, terms[name] as number);
  }
  const result = compiled.evaluate(used);
  if (!result.ok) {
    if (result.code === 'missing_variable') {
      const name = result.variable ?? '';
      return { status: 'missing', reason: reason('actual.missing_terms', { ...label, terms: name }), formula, missingTerms: [name] };
    }
    return { status: 'not_computable', reason: reason('actual.not_computable', { ...label, detail: result.message }), formula, terms: used };
  }
  if (typeof result.value === 'boolean') return { status: 'error', reason: reason('actual.boolean', label), formula };
  return { status: 'ok', value: result.value, formula, terms: used };
}

/**
 * The actuals of every indicator of a scorecard, by key, ready for `scoreScorecard`.
 * @example resolveActuals({ indicators: [{ key: '销售额', weight: 100, target: 100 }] }, { 销售额: 90 }) // { 销售额: { status: 'ok', value: 90 } }
 */
export function resolveActuals(card: Scorecard, terms: TermValues, options: ResolveOptions = {}): Record<string, ResolvedActual> {
  const actuals: Record<string, ResolvedActual> = {};
  for (const indicator of card.indicators) defineEntry(actuals, indicator.key, resolveActual(indicator, terms, options));
  return actuals;
}

/** `record[key] = value` as `Object.fromEntries` does it: an own property, even for `__proto__`. */
function defineEntry<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

/**
 * Resolves the actuals from term values and scores the scorecard in one step.
 * @example
 * scoreWithTerms({ indicators: [{ key: '成品周转率', weight: 100, target: 4, formula: '销售成本÷((期初库存余额+期末库存余额)/2)' }] },
 *   { 销售成本: 810000, 期初库存余额: 200000, 期末库存余额: 250000 }).total // 90 (r = 3.6 / 4 = 0.9)
 */
export function scoreWithTerms(card: Scorecard, terms: TermValues, options: ResolveOptions & { notApplicable?: readonly string[] } = {}): ScoreResult {
  const { notApplicable, ...resolve } = options;
  return scoreScorecard(card, { actuals: resolveActuals(card, terms, resolve), ...(notApplicable ? { notApplicable } : {}) });
}

/**
 * `scoreWithTerms` for a scorecard prepared once (`prepareScorecard`) and scored for many
 * people: the same result.
 */
export function scoreWithTermsPrepared(prepared: PreparedScorecard, terms: TermValues, options: ResolveOptions & { notApplicable?: readonly string[] } = {}): ScoreResult {
  const { notApplicable, ...resolve } = options;
  // in scorecard order: no record by key to build and read back, for every person
  const actuals = prepared.card.indicators.map((indicator) => resolveActual(indicator, terms, resolve));
  return scorePreparedInOrder(prepared, actuals, notApplicable);
}
