/**
 * ROUND as Excel does it: half away from zero, on the decimal digits the user sees, not on
 * the binary value. 2.675 is stored as 2.67499999999999982…, so `Math.round(x * 100) / 100`
 * gives 2.67; Excel (and Kedu) give 2.68.
 */

/** Excel works with 15 significant digits; so do we before rounding. */
const SIGNIFICANT_DIGITS = 15;
/** Beyond this many places in either direction the answer no longer depends on `places`. */
const MAX_PLACES = 400;

/**
 * Rounds `x` to `places` decimal places (negative: to tens, hundreds, …), half away from
 * zero. `x` is first taken to 15 significant digits, as Excel does, so that binary noise
 * (2.675 → 2.67499999…) does not decide the rounding. `places` is truncated to an integer.
 *
 * @example
 * roundHalfAwayFromZero(2.675, 2); // → 2.68
 * roundHalfAwayFromZero(-2.5, 0); // → -3
 * roundHalfAwayFromZero(1.005, 2); // → 1.01
 * roundHalfAwayFromZero(1234, -2); // → 1200
 */
export function roundHalfAwayFromZero(x: number, places: number): number {
  if (!Number.isFinite(x) || Number.isNaN(places)) return Number.NaN;
  if (x === 0) return 0;
  const n = Math.max(-MAX_PLACES, Math.min(MAX_PLACES, Math.trunc(places)));
  const [mantissa, exponentText] = Math.abs(x).toPrecision(SIGNIFICANT_DIGITS).split('e');
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // digits d1…d15 with `point` of them before the decimal point
  const point = (dot < 0 ? mantissa.length : dot) + Number(exponentText ?? 0);
  const keep = point + n;
  const sign = x < 0 ? -1 : 1;
  if (keep >= digits.length) return sign * Number(`${digits}e${point - digits.length}`);
  if (keep < 0) return 0;
  let kept = digits.slice(0, keep);
  if (digits.charCodeAt(keep) >= 53 /* '5' */) kept = incrementDecimal(kept);
  const rounded = Number(`${kept || '0'}e${point - keep}`);
  return rounded === 0 ? 0 : sign * rounded;
}

/** "129" → "130", "99" → "100", "" → "1". */
function incrementDecimal(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
}
