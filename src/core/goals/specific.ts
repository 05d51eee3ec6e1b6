/**
 * The Specific letter's question: does a goal's statement name a measurable quantity?
 * "提升品牌知名度" does not; "月度曝光量达到50万次" does (seed). A date or a duration is not a
 * quantity: "2027年提升品牌知名度" and "3个月内提升品牌知名度" are still vague (the time is the
 * T letter's business), so time expressions are removed before looking for a number.
 */

const CN_DIGIT = '零〇一二两三四五六七八九十百千万亿';
const TIME_EXPRESSIONS: RegExp[] = [
  /\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*[日号]?)?\s*月?/g, // 2027-03-31, 2027年3月, 2027/3
  /\d{2,4}\s*年度?/g,
  new RegExp(`(?:[0-9０-９]+|[${CN_DIGIT}半]+)\\s*个?\\s*(?:小时|工作日|天|日|周|星期|月份|月|季度|年)`, 'g'), // 3个月, 三周, 12月
  /\b[QH][1-4]\b/gi,
  /\b\d+\s*(?:hours?|days?|weeks?|months?|quarters?|years?)\b/gi,
  /\b(?:19|20)\d{2}\b/g,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/gi,
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/gi,
];
const ARABIC_OR_PERCENT = /[0-9０-９%％‰]/;
/**
 * Chinese numerals count when they read as a number: two or more numeral characters starting
 * with a digit (五万, 一千万, 十五) or numerals before a measure word (三条, 两倍, 九成). A lone
 * 一 inside a word (进一步, 统一, 第一) or 千万 as "by all means" does not.
 */
const CN_NUMBER = new RegExp(`[零〇一二两三四五六七八九十][${CN_DIGIT}]+|[${CN_DIGIT}]+(?=[个条次篇人元块份件位家倍番成名单场项款笔张套盒瓶户台])`);
const EN_NUMBER_WORD = /\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|double|triple|percent)\b/i;

/**
 * Whether the statement names a measurable quantity: a number (Arabic or Chinese digits, a
 * percentage) other than a date or a duration, or the name of the indicator it is bound to.
 *
 * @example
 * namesQuantity('粉丝数量达到5万');          // → true
 * namesQuantity('3个月内提升品牌知名度');     // → false (only a duration)
 * namesQuantity('提升粉丝数', ['粉丝数']);    // → true (names its indicator)
 */
export function namesQuantity(statement: string, indicatorNames: readonly (string | null | undefined)[] = []): boolean {
  const lower = statement.toLowerCase();
  if (indicatorNames.some((name) => name && name.trim() !== '' && lower.includes(name.trim().toLowerCase()))) return true;
  const withoutTime = TIME_EXPRESSIONS.reduce((text, pattern) => text.replace(pattern, ' '), statement);
  return ARABIC_OR_PERCENT.test(withoutTime) || CN_NUMBER.test(withoutTime) || EN_NUMBER_WORD.test(withoutTime);
}
