/**
 * Every message of the formula language, in zh-CN and en. Each says what is wrong and how
 * to fix it. Names are shown the way they would be written in a formula (`[Sales (net)]`).
 */
import type { Localized } from './diagnostics.ts';

const zhQ = (s: string) => `“${s}”`;
const enQ = (s: string) => `"${s}"`;

/** Builds a Localized from the two texts. */
const l = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

/** Characters that are not part of the language but that people type for an operator that is. */
const CHARACTER_HINTS: Record<string, Localized> = {
  '!=': l('不等于请写 <> 或 ≠', 'write <> or ≠ for "not equal"'),
  '==': l('等于请写一个 =', 'write a single = to compare'),
  '!': l('取反请写 NOT', 'write NOT to negate a condition'),
  '&': l('“并且”请写 AND', 'write AND'),
  '|': l('“或者”请写 OR', 'write OR'),
  '^': l('没有乘方运算，请写成连乘，如 a*a', 'there is no power operator; multiply instead, e.g. a*a'),
  '"': l('公式里没有文本；名称含空格或运算符时请写在方括号里，如 [Sales (net)]', 'formulas have no text values; put a name with spaces or operators in brackets, e.g. [Sales (net)]'),
  "'": l('公式里没有文本；名称含空格或运算符时请写在方括号里，如 [Sales (net)]', 'formulas have no text values; put a name with spaces or operators in brackets, e.g. [Sales (net)]'),
  ']': l('多了一个 ]，名称请写成 [名称]', 'there is a ] without a [; write names as [name]'),
  '》': l('这是书名号；大于号请切换到英文输入法输入 >', 'this is a Chinese title mark; type > with the English input method'),
  '《': l('这是书名号；小于号请切换到英文输入法输入 <', 'this is a Chinese title mark; type < with the English input method'),
  ';': l('函数参数之间请用逗号分隔', 'separate function arguments with commas'),
  '；': l('函数参数之间请用逗号分隔', 'separate function arguments with commas'),
};

/**
 * The message builders, one per diagnostic or not-computable reason.
 *
 * @example
 * messages.unknownName('销售额2', '销售额').en; // → 'Unknown name 销售额2 — did you mean 销售额?'
 */
export const messages = {
  tooLong: (length: number, max: number) =>
    l(`公式太长（${length} 个字符，上限 ${max}）。请拆分成几个指标或用 SUM(...) 等函数简化。`, `The formula is too long (${length} characters, at most ${max}). Split it into several indicators or shorten it with functions such as SUM(...).`),
  empty: () => l('公式为空。请输入一个表达式，例如 实际销售额/目标销售额*100%。', 'The formula is empty. Enter an expression, e.g. 实际销售额/目标销售额*100%.'),
  /** `key` is the ASCII form of the character (or `!=`, `==`) that selects a hint. */
  unexpectedCharacter: (text: string, key: string) => {
    const hint = CHARACTER_HINTS[key];
    return l(
      `无法识别的字符 ${zhQ(text)}。${hint ? `${hint['zh-CN']}。` : '请删除它；名称含特殊字符时请写在方括号里，如 [期初库存余额]。'}`,
      `Unexpected character ${enQ(text)}: ${hint ? `${hint.en}.` : 'remove it; put a name that contains special characters in brackets, e.g. [Sales (net)].'}`,
    );
  },
  invalidNumber: (text: string) =>
    l(`数字 ${zhQ(text)} 写法不正确。请写成 1234.5、.5、1e3 或 80% 的形式（不要用千位分隔符）。`, `${enQ(text)} is not a valid number. Write numbers like 1234.5, .5, 1e3 or 80% (no thousands separators).`),
  numberTooLarge: (text: string) => l(`数字 ${zhQ(text)} 太大，无法计算。`, `The number ${enQ(text)} is too large to compute with.`),
  misplacedPercent: () =>
    l(
      '% 只能紧跟在数字后面，如 80%（即 0.8）。比值 a/b 本身就是小数，0.8 就是 80%，不需要再加 %。',
      '% can only follow a number directly, e.g. 80% (which is 0.8). A ratio such as a/b is already a fraction: 0.8 is 80%, no % needed.',
    ),
  unclosedBracket: (opener: string, closer: string) =>
    l(`名称的方括号 ${zhQ(opener)} 没有闭合。请在名称末尾加上 ${zhQ(closer)}。`, `The bracket ${enQ(opener)} of a name is never closed. Add ${enQ(closer)} after the name.`),
  emptyName: () => l('方括号里没有名称。请写成 [名称]，或删除这对方括号。', 'The brackets contain no name. Write [name], or remove the brackets.'),
  unexpectedToken: (what: Localized, expected: Localized) =>
    l(`此处不应出现${what['zh-CN']}，这里应为${expected['zh-CN']}。`, `Unexpected ${what.en}: ${expected.en} was expected here.`),
  unexpectedEnd: (after: Localized) =>
    l(`公式在${after['zh-CN']}之后意外结束。请在后面补上一个数字、名称或括号表达式。`, `The formula ends too early, after ${after.en}. Add a number, a name or a parenthesised expression after it.`),
  unclosedParenthesis: (fn: string | null) =>
    fn
      ? l(`函数 ${fn} 的左括号没有对应的右括号。请在参数末尾加上“)”。`, `The opening parenthesis of ${fn}( is never closed. Add ")" after its arguments.`)
      : l('这个左括号没有对应的右括号。请在合适的位置加上“)”。', 'This opening parenthesis is never closed. Add ")" where the group ends.'),
  unmatchedParenthesis: () => l('多了一个右括号“)”，前面没有与之配对的“(”。请删除它或补上左括号。', 'This ")" has no matching "(". Remove it or add the opening parenthesis.'),
  trailingInput: (what: Localized) =>
    l(`公式已经完整，后面却还有${what['zh-CN']}。是否漏写了运算符（如 + - * /）？`, `Unexpected ${what.en} after a complete formula. Is an operator (+ - * /) missing?`),
  nameAfterNumber: (numberText: string, name: string) =>
    l(
      `数字 ${zhQ(numberText)} 后面紧跟着名称 ${zhQ(name)}。名称不能以数字开头：请写成 [${numberText}${name}]；如果是相乘，请写 ${numberText}*${name}。`,
      `The number ${enQ(numberText)} is directly followed by the name ${name}. Names cannot start with a digit: write [${numberText}${name}]; to multiply, write ${numberText}*${name}.`,
    ),
  chainedComparison: (op: string) =>
    l(`比较不能连写（第二个 ${zhQ(op)}）。请用 AND 连接两个比较，如 a < b AND b < c。`, `Comparisons cannot be chained (the second ${enQ(op)}). Join two comparisons with AND, e.g. a < b AND b < c.`),
  tooDeep: (max: number) =>
    l(`公式嵌套太深（括号、函数、正负号或 NOT 的嵌套超过 ${max} 层，或运算链太长）。请简化公式，连加可改用 SUM(...)。`, `The formula is nested too deeply (more than ${max} levels of parentheses, functions, signs or NOT, or too long a chain of operators). Simplify it; use SUM(...) instead of a long chain of +.`),
  tooManyArguments: (fn: string, max: number) => l(`函数 ${fn} 的参数太多（上限 ${max} 个）。`, `${fn} has too many arguments (at most ${max}).`),
  unknownFunction: (name: string, suggestion: string | null) =>
    suggestion
      ? l(`没有名为 ${name} 的函数——您是想写 ${suggestion} 吗？`, `Unknown function ${name} — did you mean ${suggestion}?`)
      : l(
          `没有名为 ${name} 的函数。可用的函数：IF、MIN、MAX、ABS、ROUND、AVG、SUM、DIV。如果是相乘，请写 ${name}*(…)。`,
          `Unknown function ${name}. The functions are IF, MIN, MAX, ABS, ROUND, AVG, SUM and DIV; to multiply, write ${name}*(…).`,
        ),
  wrongArgumentCount: (fn: string, expected: Localized, usage: Localized, got: number) =>
    l(
      `函数 ${fn} 需要${expected['zh-CN']}，这里给了 ${got} 个。用法：${usage['zh-CN']}。`,
      `${fn} takes ${expected.en}, but ${got} ${got === 1 ? 'was' : 'were'} given. Usage: ${usage.en}.`,
    ),
  unknownName: (name: string, suggestion: string | null) =>
    suggestion
      ? l(`未知名称 ${name}——您是想写 ${suggestion} 吗？`, `Unknown name ${name} — did you mean ${suggestion}?`)
      : l(
          `未知名称 ${name}。请检查拼写，或先在指标中定义这个数据项；名称含空格或运算符时请写在方括号里。`,
          `Unknown name ${name}. Check the spelling, or define this term in the indicator first; put names with spaces or operators in brackets.`,
        ),
  arithmeticOnBoolean: (op: string, operand: string) =>
    l(
      `${zhQ(op)} 需要数值，但 ${operand} 是一个条件（真/假）。如需把条件变成数值，请写 IF(${operand}, 1, 0)。`,
      `${enQ(op)} needs numbers, but ${operand} is a condition (true/false). To turn a condition into a number write IF(${operand}, 1, 0).`,
    ),
  conditionExpected: (where: string, operand: string) =>
    l(`${where} 需要一个条件（真/假），但 ${operand} 是数值。请写成比较，如 ${operand} > 0。`, `${where} needs a condition (true/false), but ${operand} is a number. Write a comparison, e.g. ${operand} > 0.`),
  numberExpected: (fn: string, operand: string) =>
    l(`函数 ${fn} 的参数需要数值，但 ${operand} 是一个条件（真/假）。可改写为 IF(${operand}, 1, 0)。`, `${fn} needs numbers, but ${operand} is a condition (true/false). Use IF(${operand}, 1, 0) instead.`),
  ifBranchesDiffer: () =>
    l('IF 的两个结果类型不一致：一个是数值，一个是条件。请让两个结果都是数值（或都是条件）。', 'The two results of IF differ in type: one is a number, the other a condition. Make both numbers (or both conditions).'),
  compareMixed: (op: string) =>
    l(`${zhQ(op)} 两边的类型不一致：一边是数值，一边是条件（真/假）。`, `The two sides of ${enQ(op)} differ in type: one is a number, the other a condition (true/false).`),
  ambiguousDivision: (text: string, asComputed: string, alternative: string) =>
    l(
      `除法后面紧跟另一个除法，容易误读：${text} 会按从左到右计算，即 ${asComputed}。如果您的本意是 ${alternative}，请加上括号；如果本意就是前者，也请加上括号以消除歧义。`,
      `A division followed by another division is easy to misread: ${text} is computed left to right, as ${asComputed}. If you meant ${alternative}, add the parentheses; if you meant the former, add its parentheses to make it explicit.`,
    ),
  constantDivisionByZero: (text: string) =>
    l(`${text} 除以常数 0，结果始终不可计算。请检查除数，或用 DIV(a, b, 备用值)。`, `${text} divides by the constant 0, so the result is never computable. Check the divisor, or use DIV(a, b, fallback).`),
  divisionByZero: (divisor: string) =>
    l(`不可计算：除数 ${divisor} 等于 0。可用 DIV(a, b, 备用值) 指定除数为 0 时的结果。`, `Not computable: the divisor ${divisor} is 0. Use DIV(a, b, fallback) to say what the result is when it is 0.`),
  missingVariable: (name: string) =>
    l(`不可计算：缺少 ${name} 的值。请为本期录入或导入该数据。`, `Not computable: there is no value for ${name}. Enter or import it for this period.`),
  notFinite: (text: string) =>
    l(`不可计算：${text} 的结果超出了可表示的数值范围。请检查数据是否有误。`, `Not computable: ${text} is outside the range of representable numbers. Check the data.`),
  valueNotNumber: (name: string) =>
    l(`不可计算：${name} 的值不是数字。`, `Not computable: the value of ${name} is not a number.`),
} as const;

/** How a token is named inside a message: 名称“销售额” / name 销售额. */
export const describe = {
  name: (shown: string) => l(`名称${zhQ(shown)}`, `name ${shown}`),
  number: (text: string) => l(`数字${zhQ(text)}`, `number ${text}`),
  symbol: (text: string) => l(zhQ(text), enQ(text)),
  keyword: (word: string) => l(`关键字${zhQ(word)}`, `keyword ${word}`),
  end: () => l('公式结尾', 'end of the formula'),
  operand: () => l('一个数字、名称、函数或“(”', 'a number, a name, a function or "("'),
  operatorOrClose: () => l('运算符或“)”', 'an operator or ")"'),
  commaOrClose: () => l('“,”或“)”', '"," or ")"'),
} as const;

/**
 * How many arguments a function takes, for messages.
 *
 * @example
 * describeArity(3, 3); // → { 'zh-CN': '恰好 3 个参数', en: '3 arguments' }
 * describeArity(1, Infinity); // → { 'zh-CN': '至少 1 个参数', en: 'at least 1 argument' }
 */
export function describeArity(min: number, max: number): Localized {
  if (min === max) return l(`恰好 ${min} 个参数`, `${min} argument${min === 1 ? '' : 's'}`);
  return l(`至少 ${min} 个参数`, `at least ${min} argument${min === 1 ? '' : 's'}`);
}
