/**
 * Checks that an indicator's formula and its terms fit together: every name in the formula
 * is a term with a data definition (口径), every term is used, no term is listed twice, and
 * the formula computes a number. Shared by the API contracts, the web editor and the tests.
 */
import { checkFormula, type Diagnostic, type Localized } from '../formula/index.ts';

/**
 * One problem, located: `path` inside the indicator (`['formula']`, `['terms', 2, 'name']`),
 * `start`/`end` the UTF-16 range inside the formula for formula problems. `code` is a
 * message key of the server's catalogue; `message` the same text, ready in both languages.
 */
export type DefinitionProblem = {
  path: (string | number)[];
  code: 'indicator.formula_error' | 'indicator.term_undefined' | 'indicator.term_unused' | 'indicator.term_duplicate' | 'indicator.single_term_required' | 'indicator.formula_not_number';
  params: Record<string, string | number>;
  start?: number;
  end?: number;
  message: Localized;
};

export type DefinitionCheck = {
  ok: boolean;
  /** The term names the formula uses, in order of appearance. */
  variables: string[];
  /** Everything the formula checker found, warnings (e.g. ambiguous_division) included. */
  diagnostics: Diagnostic[];
  /** The problems that make the definition invalid. */
  problems: DefinitionProblem[];
};

/**
 * Checks a formula against its terms. Without a formula the indicator is its own single
 * term, so exactly one term is required.
 *
 * @example
 * checkIndicatorDefinition('a/b×100%', [{ name: 'a' }, { name: 'c' }]).problems.map((p) => p.code);
 * // → ['indicator.term_undefined', 'indicator.term_unused']  (b has no definition, c is not used)
 */
export function checkIndicatorDefinition(formula: string | null | undefined, terms: readonly { name: string }[]): DefinitionCheck {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, number>();
  terms.forEach((t, i) => {
    if (seen.has(t.name)) {
      problems.push({
        path: ['terms', i, 'name'],
        code: 'indicator.term_duplicate',
        params: { name: t.name },
        message: { 'zh-CN': `数据项“${t.name}”重复了，请删除或改名。`, en: `The term "${t.name}" is listed twice; remove or rename one.` },
      });
    } else seen.set(t.name, i);
  });

  if (formula === null || formula === undefined || formula.trim() === '') {
    if (terms.length !== 1) {
      problems.push({
        path: ['terms'],
        code: 'indicator.single_term_required',
        params: { count: terms.length },
        message: {
          'zh-CN': `没有公式的指标就是它自己的一个数据项：请只填写 1 个数据项及其口径（现在有 ${terms.length} 个），或者填写公式。`,
          en: `An indicator without a formula is its own single term: give exactly one term with its data definition (there are ${terms.length}), or write a formula.`,
        },
      });
    }
    return { ok: problems.length === 0, variables: terms.length === 1 ? [terms[0].name] : [], diagnostics: [], problems };
  }

  const result = checkFormula(formula, { knownNames: [...seen.keys()] });
  for (const d of result.diagnostics) {
    if (d.severity !== 'error') continue;
    const name = formula.slice(d.start, d.end);
    if (d.code === 'unknown_name') {
      const hint = d.suggestion ? { zh: `（是不是“${d.suggestion}”？）`, en: ` (did you mean "${d.suggestion}"?)` } : { zh: '', en: '' };
      problems.push({
        path: ['formula'],
        code: 'indicator.term_undefined',
        params: { name, start: d.start, end: d.end },
        start: d.start,
        end: d.end,
        message: {
          'zh-CN': `公式中的“${name}”没有定义${hint.zh}：请在数据项中添加它并写明口径，或修改公式。`,
          en: `"${name}" in the formula is not a defined term${hint.en}: add it to the terms with its data definition, or correct the formula.`,
        },
      });
    } else {
      problems.push({ path: ['formula'], code: 'indicator.formula_error', params: { zh: d.message['zh-CN'], en: d.message.en, start: d.start, end: d.end }, start: d.start, end: d.end, message: d.message });
    }
  }
  if (result.ok && result.type === 'boolean') {
    problems.push({
      path: ['formula'],
      code: 'indicator.formula_not_number',
      params: { start: 0, end: formula.length },
      start: 0,
      end: formula.length,
      message: {
        'zh-CN': '公式的结果是“是/否”条件，指标需要一个数值：请用 IF(条件, 数值, 数值) 把条件换成数值。',
        en: 'The formula gives a yes/no condition, but an indicator needs a number: turn the condition into a number with IF(condition, value, value).',
      },
    });
  }
  // after a syntax error the formula's names are unknown: do not call every term unused
  const parsed = !problems.some((p) => p.code === 'indicator.formula_error');
  const used = new Set(result.variables);
  if (parsed) terms.forEach((t, i) => {
    if (!used.has(t.name) && seen.get(t.name) === i) {
      problems.push({
        path: ['terms', i, 'name'],
        code: 'indicator.term_unused',
        params: { name: t.name },
        message: { 'zh-CN': `数据项“${t.name}”没有在公式中使用：请在公式中使用它，或删除它。`, en: `The term "${t.name}" is not used in the formula: use it, or remove it.` },
      });
    }
  });
  return { ok: problems.length === 0, variables: result.variables, diagnostics: result.diagnostics, problems };
}
