/**
 * Number helpers for exact scoring: a correctly rounded sum (so totals don't depend on the
 * order of the indicators) and threshold comparisons that treat a ratio equal to a threshold
 * up to one division's rounding as equal (7/10 reaches 0.7; 0.7/0.1 reaches 7).
 */

/** Relative tolerance for comparing an achievement with a threshold. */
export const THRESHOLD_TOLERANCE = 1e-12;
/** Absolute tolerance for comparing a total with a grade band's minimum and weights with 100. */
export const TOTAL_TOLERANCE = 1e-9;

function slack(threshold: number): number {
  return THRESHOLD_TOLERANCE * Math.max(1, Math.abs(threshold));
}

/**
 * r ≥ threshold, allowing for the rounding of the division that produced r.
 * @example reaches(0.7 / 0.1, 7) // true, although 0.7 / 0.1 === 6.999999999999999
 */
export function reaches(r: number, threshold: number): boolean {
  return r >= threshold - slack(threshold);
}

/**
 * r > threshold, allowing for rounding: a ratio equal to the threshold is not above it.
 * @example exceeds(1.05, 1) // true; exceeds(1, 1) // false
 */
export function exceeds(r: number, threshold: number): boolean {
  return r > threshold + slack(threshold);
}

/**
 * r equals x up to the threshold tolerance.
 * @example nearlyEqual(0.7 / 0.1, 7) // true
 */
export function nearlyEqual(r: number, x: number): boolean {
  return Math.abs(r - x) <= slack(x);
}

/**
 * The correctly rounded sum of finite numbers (Shewchuk's algorithm, as Python's math.fsum):
 * the same result whatever the order.
 * @example exactSum([0.1, 0.2, 0.3]) // 0.6 (0.1 + 0.2 + 0.3 gives 0.6000000000000001)
 */
export function exactSum(values: Iterable<number>): number {
  const partials: number[] = [];
  for (let x of values) {
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // round half to even across the remaining partials, as fsum does
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/**
 * A number for a message: at most `decimals` decimals, no trailing zeros.
 * @example formatNumber(28.571428) // "28.57"; formatNumber(22.000000000000004) // "22"
 */
export function formatNumber(x: number, decimals = 2): string {
  const fixed = x.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/**
 * A ratio as a percentage for a message.
 * @example formatPercent(0.85) // "85%"; formatPercent(2 / 3) // "66.67%"
 */
export function formatPercent(r: number): string {
  return `${formatNumber(r * 100)}%`;
}

/**
 * Compares strings by code point, independent of the locale, for a canonical order.
 * @example ['b', 'a'].sort(compareCodePoints) // ['a', 'b']
 */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
