/**
 * Rounding for targets people will read and remember: a suggested 537 123.4 becomes 537 000,
 * a conversion rate 0.03456 becomes 0.035 (3.5 %).
 */

/**
 * Rounds a target to 3 significant digits from 1 up (152.4 → 152, 537 123 → 537 000, 4.567 →
 * 4.57) and to 2 significant digits below 1 (0.03456 → 0.035, rates stay readable as percent).
 * Numbers of 100 and more therefore come out whole; never returns −0.
 *
 * @example
 * roundForTarget(159.5);     // → 160
 * roundForTarget(537_123.4); // → 537000
 * roundForTarget(0.03456);   // → 0.035
 */
export function roundForTarget(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const rounded = Number(value.toPrecision(Math.abs(value) < 1 ? 2 : 3));
  return rounded === 0 ? 0 : rounded;
}

/**
 * A number for a sentence: at most 6 significant digits, thousands separated by commas, no
 * float dust (0.30000000000000004 → "0.3").
 *
 * @example
 * formatForText(1234567.891); // → "1,234,570"
 */
export function formatForText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const clean = Number(value.toPrecision(6));
  return (clean === 0 ? 0 : clean).toLocaleString('en-US', { maximumFractionDigits: 10 });
}
