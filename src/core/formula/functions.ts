/**
 * The built-in functions: their arity and how they are written. Evaluation lives in
 * compile.ts; the argument and result types are checked in check.ts.
 */

export type FunctionName = 'IF' | 'MIN' | 'MAX' | 'ABS' | 'ROUND' | 'AVG' | 'SUM' | 'DIV';

import type { Localized } from './diagnostics.ts';

export type FunctionSignature = { min: number; max: number; usage: Localized };

const usage = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSignature>> = {
  IF: { min: 3, max: 3, usage: usage('IF(条件, a, b)', 'IF(condition, a, b)') },
  MIN: { min: 1, max: Number.POSITIVE_INFINITY, usage: usage('MIN(a, b, …)', 'MIN(a, b, …)') },
  MAX: { min: 1, max: Number.POSITIVE_INFINITY, usage: usage('MAX(a, b, …)', 'MAX(a, b, …)') },
  ABS: { min: 1, max: 1, usage: usage('ABS(x)', 'ABS(x)') },
  ROUND: { min: 2, max: 2, usage: usage('ROUND(x, 小数位数)', 'ROUND(x, digits)') },
  AVG: { min: 1, max: Number.POSITIVE_INFINITY, usage: usage('AVG(a, b, …)', 'AVG(a, b, …)') },
  SUM: { min: 1, max: Number.POSITIVE_INFINITY, usage: usage('SUM(a, b, …)', 'SUM(a, b, …)') },
  DIV: { min: 3, max: 3, usage: usage('DIV(a, b, 备用值)', 'DIV(a, b, fallback)') },
};

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/**
 * True when `upperName` (already upper-cased) is a built-in function.
 *
 * @example
 * isFunctionName('ROUND'); // → true
 * isFunctionName('销售额'); // → false
 */
export function isFunctionName(upperName: string): upperName is FunctionName {
  return Object.hasOwn(FUNCTIONS, upperName);
}
