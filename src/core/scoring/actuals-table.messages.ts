/** The messages of src/core/scoring/actuals-table.ts, in zh-CN and en; each says what is wrong and how to fix it. */
import type { LocalizedText } from './types.ts';

/** The person column's header. */
export const PERSON_COLUMN = 'person';
/** Prefix of a column overriding an indicator's target: `target:销售额`. */
export const TARGET_PREFIX = 'target:';

export const messages = {
  'column.person_missing': (): LocalizedText => ({
    'zh-CN': `缺少 “${PERSON_COLUMN}” 列：第 1 行（表头）需要一列 ${PERSON_COLUMN}，每行填写一个人。`,
    en: `There is no "${PERSON_COLUMN}" column: row 1 (the header) needs a ${PERSON_COLUMN} column, one person a row.`,
  }),
  'column.term_missing': (p: { term: string; indicators: string }): LocalizedText => ({
    'zh-CN': `缺少 “${p.term}” 列：指标 ${p.indicators} 需要它。`,
    en: `There is no "${p.term}" column: ${p.indicators} needs it.`,
  }),
  'column.unknown': (p: { column: string; suggestion: string | null }): LocalizedText => ({
    'zh-CN': `不认识的列 “${p.column}”：它不是 ${PERSON_COLUMN}、任何指标的数据项，也不是 ${TARGET_PREFIX}<指标标识>${p.suggestion ? `——您是想写 “${p.suggestion}” 吗？` : '。请删除该列或改正列名。'}`,
    en: `Unknown column "${p.column}": it is not ${PERSON_COLUMN}, a term of any indicator, nor ${TARGET_PREFIX}<indicator key>${p.suggestion ? ` — did you mean "${p.suggestion}"?` : '. Remove it or correct its name.'}`,
  }),
  'column.target_unknown': (p: { column: string; key: string }): LocalizedText => ({
    'zh-CN': `列 “${p.column}”：考核表中没有标识为 “${p.key}” 的指标。`,
    en: `Column "${p.column}": the scorecard has no indicator with the key "${p.key}".`,
  }),
  'column.target_manual': (p: { column: string; key: string }): LocalizedText => ({
    'zh-CN': `列 “${p.column}”：指标 “${p.key}” 是人工评分，没有目标值。`,
    en: `Column "${p.column}": "${p.key}" is rated manually and has no target.`,
  }),
  'column.duplicate': (p: { column: string }): LocalizedText => ({
    'zh-CN': `列 “${p.column}” 出现了不止一次：每列只能出现一次。`,
    en: `The column "${p.column}" appears more than once: each column may appear only once.`,
  }),
  'column.no_header': (p: { column: string }): LocalizedText => ({
    'zh-CN': `第 ${p.column} 列有数据但没有表头：请在第 1 行填写列名，或删除该列。`,
    en: `Column ${p.column} has data but no header: name it in row 1 or remove it.`,
  }),
  'column.all_empty': (p: { column: string }): LocalizedText => ({
    'zh-CN': `“${p.column}” 列全部为空：所有人的结果都将是数据不全。`,
    en: `The "${p.column}" column is empty in every row: every result will be incomplete.`,
  }),
  'person.empty': (): LocalizedText => ({
    'zh-CN': '这一行有数据但没有填写人员。',
    en: 'This row has data but no person.',
  }),
  'person.duplicate': (p: { first: number }): LocalizedText => ({
    'zh-CN': `这个人在第 ${p.first} 行已经出现过：每人只能有一行。`,
    en: `This person is already on row ${p.first}: one row per person.`,
  }),
  'row.nothing_applicable': (): LocalizedText => ({
    'zh-CN': '这个人的所有（有权重的）指标都标为 NA：至少要有一个适用的指标才能计分。',
    en: 'Every (weighted) indicator of this person is marked NA: at least one must apply to score.',
  }),
  'cell.not_number': (): LocalizedText => ({
    'zh-CN': '不是数字：请填写数字（可写 1,234.5 或 12%），不适用填 NA，未知留空。',
    en: 'Not a number: write a number (1,234.5 or 12% are fine), NA when not applicable, or leave it empty when not known.',
  }),
  'cell.target_not_number': (): LocalizedText => ({
    'zh-CN': '目标值不是数字：请填写大于 0 的数字，或留空以使用考核表的目标值。',
    en: "The target is not a number: write a number above 0, or leave it empty for the scorecard's target.",
  }),
  'cell.target_not_positive': (): LocalizedText => ({
    'zh-CN': '目标值必须大于 0：达成率只对正的目标值有意义。',
    en: 'A target must be above 0: achievement only makes sense against a positive target.',
  }),
  'cell.rating_out_of_scale': (p: { min: number; max: number }): LocalizedText => ({
    'zh-CN': `评分超出量表 ${p.min}–${p.max}。`,
    en: `The rating is outside the scale ${p.min}–${p.max}.`,
  }),
  'formula.invalid': (p: { detail: LocalizedText }): LocalizedText => ({
    'zh-CN': `公式有误：${p.detail['zh-CN']}`,
    en: `The formula is wrong: ${p.detail.en}`,
  }),
  'formula.boolean': (): LocalizedText => ({
    'zh-CN': '公式得到的是“是/否”，不是数值。',
    en: 'The formula gives true/false, not a number.',
  }),
} as const;

export type TableProblemCode = Exclude<keyof typeof messages, `formula.${string}`>;
