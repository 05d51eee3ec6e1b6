/**
 * How big `kedu demo --size large` makes its workspace. The defaults are the "large
 * workspace"; tests pass smaller sizes so the same code runs in seconds.
 */
export type LargeDemoSizes = {
  /** People in the organisation (unit leads included). */
  people: number;
  /** Org units, in a tree of up to 3 levels. */
  units: number;
  /** Closed monthly cycles, and months of check-ins: the months before the current one. */
  months: number;
  /** Goals over all plans (company, units and people). */
  goals: number;
};

export const LARGE_DEMO_SIZES: LargeDemoSizes = { people: 2000, units: 50, months: 24, goals: 10_000 };

const LIMITS: Record<keyof LargeDemoSizes, [number, number]> = {
  people: [10, 50_000],
  units: [3, 1000],
  months: [1, 60],
  goals: [50, 200_000],
};

/**
 * Reads `people=60,units=5,months=3,goals=200` (any subset; the rest keep their defaults).
 * Throws a RangeError naming the bad part.
 * @example parseSizes('people=60,goals=200').people // 60
 */
export function parseSizes(spec: string, base: LargeDemoSizes = LARGE_DEMO_SIZES): LargeDemoSizes {
  const sizes = { ...base };
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!Object.hasOwn(LIMITS, name)) throw new RangeError(`unknown size "${name}" (people, units, months, goals)`);
    const key = name as keyof LargeDemoSizes;
    const n = Number(value);
    const [lo, hi] = LIMITS[key];
    if (!Number.isInteger(n) || n < lo || n > hi) throw new RangeError(`${key} must be a whole number from ${lo} to ${hi} (got "${value ?? ''}")`);
    sizes[key] = n;
  }
  if (sizes.people < sizes.units * 2) throw new RangeError(`people (${sizes.people}) must be at least twice the units (${sizes.units})`);
  return sizes;
}
