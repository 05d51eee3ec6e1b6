/**
 * A seeded random generator for the large demo workspace: the same --seed gives the same
 * people, goals and actuals on every machine (mulberry32; the benchmarks and the 微商 demo draw from it too).
 */
export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** A number in [lo, hi). */
  between(lo: number, hi: number): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One of the keys, drawn with the given weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
};

export function seededRandom(seed: number): Random {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + next() * (hi - lo),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      let x = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [key, w] of entries) {
        x -= w;
        if (x < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
  };
}

/** Rounds to a number people would write as a target: 3 significant digits (1,234,567 → 1,230,000). */
export function roundNice(x: number): number {
  // toPrecision rounds in decimal, so 0.853 stays 0.853 rather than 0.8530000000000001
  return Number(x.toPrecision(3));
}
