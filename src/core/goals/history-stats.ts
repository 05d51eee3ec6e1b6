/**
 * The few statistics target suggestions and the Attainable check take from a goal's history:
 * robust to one odd month (median) and to noise (least squares), never NaN.
 */

/**
 * The middle value (mean of the two middle ones for an even count); NaN for none.
 *
 * @example
 * median([3, 1, 2, 10]); // → 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The least-squares slope of equally spaced values (x = 0, 1, 2 …): the trend per period;
 * 0 for fewer than two values.
 *
 * @example
 * leastSquaresSlope([100, 104, 111, 115]); // → 5.2
 */
export function leastSquaresSlope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/**
 * The largest period-over-period change in the indicator's good direction: growth
 * (v[i] / v[i−1] − 1) for higher-is-better, decline (1 − v[i] / v[i−1]) for lower-is-better.
 * Pairs starting from 0 or below have no rate and are skipped; null when no pair has one.
 *
 * @example
 * bestPeriodChange([100, 110, 99, 120], 'higher'); // → 0.2121… (99 → 120)
 * bestPeriodChange([100, 110, 99, 120], 'lower');  // → 0.1     (110 → 99)
 */
export function bestPeriodChange(values: readonly number[], direction: 'higher' | 'lower'): number | null {
  let best: number | null = null;
  for (let i = 1; i < values.length; i++) {
    if (!(values[i - 1] > 0)) continue;
    const ratio = values[i] / values[i - 1];
    const change = direction === 'higher' ? ratio - 1 : 1 - ratio;
    if (best === null || change > best) best = change;
  }
  return best;
}
