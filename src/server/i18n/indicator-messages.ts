/** Messages of the indicator library (keys used in ErrorDetail.code and as reasons). */
export const indicatorMessages = {
  'zh-CN': {
    'entity.indicator': '指标',
    'entity.builtin_indicator': '内置指标',
    // the formula checker's own message, already in both languages (params zh / en)
    'indicator.formula_error': '{zh}',
    'indicator.term_undefined': '公式中的“{name}”没有定义：请在数据项中添加它并写明口径，或修改公式。',
    'indicator.term_unused': '数据项“{name}”没有在公式中使用：请在公式中使用它，或删除它。',
    'indicator.term_duplicate': '数据项“{name}”重复了，请删除或改名。',
    'indicator.single_term_required': '没有公式的指标就是它自己的一个数据项：请只填写 1 个数据项及其口径（现在有 {count} 个），或者填写公式。',
    'indicator.formula_not_number': '公式的结果是“是/否”条件，指标需要一个数值：请用 IF(条件, 数值, 数值) 把条件换成数值。',
    'indicator.key_taken': '标识“{key}”已被本工作区的另一个指标使用，请换一个标识。',
  },
  en: {
    'entity.indicator': 'indicator',
    'entity.builtin_indicator': 'built-in indicator',
    'indicator.formula_error': '{en}',
    'indicator.term_undefined': '"{name}" in the formula is not a defined term: add it to the terms with its data definition, or correct the formula.',
    'indicator.term_unused': 'The term "{name}" is not used in the formula: use it, or remove it.',
    'indicator.term_duplicate': 'The term "{name}" is listed twice; remove or rename one.',
    'indicator.single_term_required': 'An indicator without a formula is its own single term: give exactly one term with its data definition (there are {count}), or write a formula.',
    'indicator.formula_not_number': 'The formula gives a yes/no condition, but an indicator needs a number: turn the condition into a number with IF(condition, value, value).',
    'indicator.key_taken': 'The key "{key}" is already used by another indicator of this workspace; choose another key.',
  },
} as const;
