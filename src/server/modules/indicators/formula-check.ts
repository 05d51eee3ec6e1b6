import type { z } from 'zod';
import type { checkFormulaInput, checkFormulaResult } from '../../../contracts/indicators.ts';
import { checkIndicatorDefinition } from '../../../core/indicators/definition.ts';
import type { Locale } from '../../i18n/messages.ts';

/**
 * What the web editor shows while someone types a formula: every diagnostic (errors and
 * warnings such as the ambiguous division) in the request's language, and the terms the
 * formula leaves unused. Writes nothing.
 */
export function checkFormulaFor(input: z.output<typeof checkFormulaInput>, locale: Locale): z.infer<typeof checkFormulaResult> {
  const terms = input.terms.map((name) => ({ name }));
  const result = checkIndicatorDefinition(input.formula, terms);
  const diagnostics = result.diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    start: d.start,
    end: d.end,
    message: d.message[locale],
    ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }),
    ...(d.readings === undefined ? {} : { readings: [...d.readings] }),
  }));
  // a condition where a number is needed is not a formula-language error, but the editor must say it too
  for (const p of result.problems) {
    if (p.code !== 'indicator.formula_not_number') continue;
    diagnostics.push({ severity: 'error', code: p.code, start: p.start ?? 0, end: p.end ?? input.formula.length, message: p.message[locale] });
  }
  const unusedTerms = result.problems.filter((p) => p.code === 'indicator.term_unused').map((p) => String(p.params.name));
  return { ok: result.ok, variables: result.variables, diagnostics, unusedTerms };
}
