/**
 * Splits a formula into tokens. Hand-written, linear in the length of the source, never
 * throws. Full-width and typographic forms that Chinese keyboards produce are accepted:
 * `（ ） ， ＋ － ＊ ／ ＝ ＞ ＜ ％ ．`, full-width digits, `× ÷ ≥ ≤ ≠ −`, and names in
 * `［…］` or `【…】` as well as `[…]`.
 */
import type { ArithmeticOp, ArithmeticSymbol, ComparisonOp, ComparisonSymbol } from './ast.ts';
import { literalValue } from './ast.ts';
import { type Diagnostic, formulaError } from './diagnostics.ts';
import { messages } from './messages.ts';

type Span = { start: number; end: number };
export type Keyword = 'AND' | 'OR' | 'NOT';
export type Token =
  | (Span & { kind: 'number'; text: string; value: number; literal: number; percent: boolean })
  | (Span & { kind: 'name'; name: string; bracketed: boolean })
  | (Span & { kind: 'keyword'; word: Keyword })
  | (Span & { kind: 'arith'; op: ArithmeticOp; symbol: ArithmeticSymbol })
  | (Span & { kind: 'compare'; op: ComparisonOp; symbol: ComparisonSymbol })
  | (Span & { kind: 'lparen' | 'rparen' | 'comma' | 'eof' });

/** Full-width and typographic characters read as their ASCII equivalent (all one UTF-16 unit, so offsets are kept). */
const EQUIVALENT: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '＋': '+', '－': '-', '−': '-', '＊': '*', '／': '/',
  '＝': '=', '＞': '>', '＜': '<', '％': '%', '．': '.', '！': '!', '＆': '&', '｜': '|', '＾': '^',
};
const ascii = (c: string | undefined): string => {
  if (c === undefined) return '';
  const code = c.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48); // ０-９
  return EQUIVALENT[c] ?? c;
};
const isDigit = (c: string): boolean => c >= '0' && c <= '9' && c.length === 1;
const BRACKETS: Record<string, string> = { '[': ']', '［': '］', '【': '】' };

const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{N}\p{M}\p{Pc}]*/uy;
const IDENTIFIER_WHOLE = /^[\p{L}\p{Nl}_][\p{L}\p{N}\p{M}\p{Pc}]*$/u;
const KEYWORDS = new Set<string>(['AND', 'OR', 'NOT']);

/**
 * True when `name` can be written without brackets: it is an identifier (a Unicode letter
 * or `_`, then letters, digits, marks or `_`) and not a keyword.
 *
 * @example
 * isBareName('期初库存余额'); // → true
 * isBareName('Sales (net)'); // → false
 * isBareName('and'); // → false (a keyword)
 */
export function isBareName(name: string): boolean {
  return IDENTIFIER_WHOLE.test(name) && !KEYWORDS.has(asciiUpper(name));
}

/**
 * Upper-cases a word made of ASCII letters only, so that keywords and function names match
 * case-insensitively without Unicode surprises (`ıf` must not become `IF`).
 *
 * @example
 * asciiUpper('round'); // → 'ROUND'
 * asciiUpper('销售额'); // → '销售额'
 */
export function asciiUpper(word: string): string {
  return /^[A-Za-z]+$/.test(word) ? word.toUpperCase() : word;
}

const MAX_LEXICAL_ERRORS = 50;

/**
 * Tokenizes a formula. Lexical errors (unknown characters, malformed numbers, unclosed
 * brackets) are collected; the token list always ends with an `eof` token.
 *
 * @example
 * tokenize('销售额÷2').tokens.map((t) => t.kind); // → ['name', 'arith', 'number', 'eof']
 */
export function tokenize(source: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = source.length;
  let i = 0;
  let junkStart = -1; // start of a run of unknown characters, reported as one error
  const flushJunk = (end: number) => {
    if (junkStart < 0) return;
    const text = source.slice(junkStart, end);
    diagnostics.push(formulaError('unexpected_character', junkStart, end, messages.unexpectedCharacter(text, ascii(text[0]))));
    junkStart = -1;
  };
  const fail = (d: Diagnostic) => {
    flushJunk(d.start);
    diagnostics.push(d);
  };

  while (i < n && diagnostics.length < MAX_LEXICAL_ERRORS) {
    const c = source[i];
    const a = ascii(c);
    if (/[\s\u200b]/.test(c)) {
      flushJunk(i);
      i++;
      continue;
    }
    if (isDigit(a) || (a === '.' && isDigit(ascii(source[i + 1])))) {
      flushJunk(i);
      i = scanNumber(source, i, tokens, fail);
      continue;
    }
    if (Object.hasOwn(BRACKETS, c)) {
      flushJunk(i);
      i = scanBracketName(source, i, tokens, fail);
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const word = IDENTIFIER.exec(source);
    if (word) {
      flushJunk(i);
      const end = i + word[0].length;
      const upper = asciiUpper(word[0]);
      if (KEYWORDS.has(upper)) tokens.push({ kind: 'keyword', word: upper as Keyword, start: i, end });
      else tokens.push({ kind: 'name', name: word[0], bracketed: false, start: i, end });
      i = end;
      continue;
    }
    const next = ascii(source[i + 1]);
    const token = scanSymbol(a, next, i);
    if (token) {
      flushJunk(i);
      tokens.push(token);
      i = token.end;
      continue;
    }
    if ((a === '!' || a === '=') && next === '=') {
      fail(formulaError('unexpected_character', i, i + 2, messages.unexpectedCharacter(source.slice(i, i + 2), `${a}=`)));
      i += 2;
      continue;
    }
    if (a === '%') {
      fail(formulaError('misplaced_percent', i, i + 1, messages.misplacedPercent()));
      i++;
      continue;
    }
    if (junkStart < 0) junkStart = i;
    i += (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  flushJunk(Math.min(i, n));
  tokens.push({ kind: 'eof', start: n, end: n });
  return { tokens, diagnostics };
}

function scanSymbol(a: string, next: string, i: number): Token | null {
  const one = { start: i, end: i + 1 };
  const two = { start: i, end: i + 2 };
  switch (a) {
    case '(':
      return { kind: 'lparen', ...one };
    case ')':
      return { kind: 'rparen', ...one };
    case ',':
      return { kind: 'comma', ...one };
    case '+':
    case '-':
    case '*':
    case '/':
      return { kind: 'arith', op: a, symbol: a, ...one };
    case '×':
      return { kind: 'arith', op: '*', symbol: '×', ...one };
    case '÷':
      return { kind: 'arith', op: '/', symbol: '÷', ...one };
    case '=':
      return next === '=' ? null : { kind: 'compare', op: '=', symbol: '=', ...one };
    case '>':
      return next === '=' ? { kind: 'compare', op: '>=', symbol: '>=', ...two } : { kind: 'compare', op: '>', symbol: '>', ...one };
    case '<':
      if (next === '=') return { kind: 'compare', op: '<=', symbol: '<=', ...two };
      if (next === '>') return { kind: 'compare', op: '<>', symbol: '<>', ...two };
      return { kind: 'compare', op: '<', symbol: '<', ...one };
    case '≥':
      return { kind: 'compare', op: '>=', symbol: '≥', ...one };
    case '≤':
      return { kind: 'compare', op: '<=', symbol: '≤', ...one };
    case '≠':
      return { kind: 'compare', op: '<>', symbol: '≠', ...one };
    default:
      return null;
  }
}

/** Reads `1234.5`, `.5`, `1e3`, `1e-3`, optionally followed by `%`. Returns the index after it. */
function scanNumber(source: string, start: number, tokens: Token[], fail: (d: Diagnostic) => void): number {
  let i = start;
  let digits = '';
  const take = () => {
    digits += ascii(source[i]);
    i++;
  };
  while (isDigit(ascii(source[i]))) take();
  if (ascii(source[i]) === '.') {
    take();
    while (isDigit(ascii(source[i]))) take();
  }
  const e = source[i];
  if (e === 'e' || e === 'E') {
    const sign = ascii(source[i + 1]);
    const signed = sign === '+' || sign === '-';
    if (isDigit(ascii(source[i + (signed ? 2 : 1)]))) {
      take();
      if (signed) take();
      while (isDigit(ascii(source[i]))) take();
    }
  }
  // `1.2.3` or `1e3.5`: one malformed number, not two tokens
  if (ascii(source[i]) === '.') {
    while (isDigit(ascii(source[i])) || ascii(source[i]) === '.') i++;
    fail(formulaError('invalid_number', start, i, messages.invalidNumber(source.slice(start, i))));
    return i;
  }
  const percent = ascii(source[i]) === '%';
  if (percent) i++;
  const literal = Number(digits);
  const value = literalValue(digits, percent);
  const text = source.slice(start, i);
  if (!Number.isFinite(literal) || !Number.isFinite(value)) {
    fail(formulaError('number_too_large', start, i, messages.numberTooLarge(text)));
    return i;
  }
  tokens.push({ kind: 'number', text, value, literal, percent, start, end: i });
  return i;
}

/** Reads `[name]` (or `［name］`, `【name】`); a doubled closing bracket stands for itself. */
function scanBracketName(source: string, start: number, tokens: Token[], fail: (d: Diagnostic) => void): number {
  const opener = source[start];
  const closer = BRACKETS[opener];
  let i = start + 1;
  let name = '';
  for (;;) {
    if (i >= source.length) {
      fail(formulaError('unclosed_bracket', start, start + 1, messages.unclosedBracket(opener, closer)));
      return source.length;
    }
    if (source[i] === closer) {
      if (source[i + 1] !== closer) break;
      name += closer;
      i += 2;
      continue;
    }
    name += source[i];
    i++;
  }
  const end = i + 1;
  if (name === '') fail(formulaError('empty_name', start, end, messages.emptyName()));
  else tokens.push({ kind: 'name', name, bracketed: true, start, end });
  return end;
}
