/**
 * "Did you mean …?" for unknown names and functions: the closest candidate by
 * Damerau-Levenshtein distance (optimal string alignment) on NFKC-normalised, lower-cased
 * text, so that `销售额２` (full-width digit) finds `销售额2` and `sum` finds `SUM`.
 */

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two adjacent
 * characters, over Unicode code points.
 *
 * @example
 * editDistance('销售额2', '销售额'); // → 1
 * editDistance('ab', 'ba'); // → 1 (one swap)
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const m = s.length;
  const n = t.length;
  if (m === 0) return n;
  if (n === 0) return m;
  // three rows are enough for the transposition step
  let twoBack = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, twoBack[j - 2] + 1);
      current[j] = d;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[n];
}

/**
 * The form names are compared in: compatibility-normalised (full-width → ASCII) and lower-cased.
 *
 * @example
 * normaliseName('销售额２'); // → '销售额2'
 */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/**
 * The candidate closest to `name`, or null when none is close enough. Close enough means
 * at most one edit per three characters of the longer name, so short names do not get
 * far-fetched suggestions (`x` is not "almost `a`"); names that differ only in width or
 * case always match. Ties go to the earlier candidate.
 *
 * @example
 * closestName('销售额2', ['销售成本', '销售额']); // → '销售额'
 * closestName('summ', ['MIN', 'SUM']); // → 'SUM'
 * closestName('利润', ['销售额']); // → null
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const wanted = normaliseName(name);
  const wantedLength = Array.from(wanted).length;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const normal = normaliseName(candidate);
    const length = Array.from(normal).length;
    const allowed = Math.floor(Math.max(length, wantedLength) / 3);
    if (Math.abs(length - wantedLength) > allowed) continue;
    const distance = editDistance(wanted, normal);
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
