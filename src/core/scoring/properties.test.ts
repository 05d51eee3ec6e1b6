/**
 * Properties of the scoring engine, checked with fast-check over random scorecards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum } from './arith.ts';
import { evaluateLinear, evaluateTiers } from './rules.ts';
import { effectiveWeights, scoreScorecard } from './score.ts';
import type { Indicator, Rule, Scorecard, Tier, Veto } from './types.ts';

const runs = { numRuns: 300 };
const ratio = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((x) => x / 100);

/** Integer weights summing to exactly 100. */
const weightsOf = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((x, i) => x - sorted[i]);
  });

/** Rules whose multiplier never falls as r rises. */
const monotoneRule: fc.Arbitrary<Rule> = fc.oneof(
  fc.constant<Rule>({ type: 'proportional' }),
  fc
    .record({
      thresholds: fc.uniqueArray(fc.integer({ min: 10, max: 200 }), { minLength: 1, maxLength: 4 }),
      bounds: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      steps: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 4, maxLength: 4 }),
      below: fc.constantFrom<'proportional' | 'zero'>('proportional', 'zero'),
    })
    .map(({ thresholds, bounds, steps, below }): Rule => {
      const sorted = thresholds.sort((a, b) => a - b).map((t) => t / 100);
      // the first multiplier sits above the first threshold, so proportional-below stays monotone
      let m = sorted[0] + 0.01;
      const tiers: Tier[] = sorted.map((t, i) => {
        m += steps[i] / 100;
        return bounds[i] ? { atLeast: t, multiplier: m } : { above: t, multiplier: m };
      });
      return { type: 'tiers', tiers, below };
    }),
  fc
    .record({
      rs: fc.uniqueArray(fc.integer({ min: 0, max: 250 }), { minLength: 2, maxLength: 5 }),
      steps: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ rs, steps }): Rule => {
      let m = 0;
      const points = rs
        .sort((a, b) => a - b)
        .map((r, i): [number, number] => {
          m += steps[i] / 100;
          return [r / 100, m];
        });
      return { type: 'linear', points };
    }),
);

const veto: fc.Arbitrary<Veto | undefined> = fc.option(
  fc.record({
    below: ratio(0.3, 1.2),
    effect: fc.oneof(
      fc.constant<'zero'>('zero'),
      ratio(0, 1).map((multiply) => ({ multiply })),
      fc.integer({ min: 0, max: 150 }).map((capTotal) => ({ capTotal })),
    ),
  }),
  { nil: undefined },
);

const limits = fc.record({ floor: fc.option(ratio(0, 0.5), { nil: undefined }), capAbove: fc.option(ratio(0.5, 2), { nil: undefined }) });

const indicator = (key: string, weight: number) =>
  fc
    .record({
      direction: fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
      inverse: fc.boolean(),
      target: fc.integer({ min: 1, max: 1000 }),
      rule: monotoneRule,
      limits,
      veto,
    })
    .map(({ direction, inverse, target, rule, limits: { floor, capAbove }, veto: v }): Indicator => ({
      key,
      weight,
      target,
      direction,
      ...(direction === 'lower' ? { achievement: inverse ? 'inverse' : 'mirror' } : {}),
      rule,
      ...(floor !== undefined ? { floor } : {}),
      ...(capAbove !== undefined ? { cap: (floor ?? 0) + capAbove } : {}),
      ...(v ? { veto: v } : {}),
    }));

const scorecard: fc.Arbitrary<Scorecard> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => weightsOf(n))
  .chain((weights) => fc.tuple(...weights.map((w, i) => indicator(`k${i}`, w))))
  .chain((indicators) =>
    fc.record({ maxTotal: fc.option(fc.integer({ min: 50, max: 150 }), { nil: undefined }) }).map(({ maxTotal }) => ({
      indicators,
      ...(maxTotal !== undefined ? { maxTotal } : {}),
    })),
  );

/** Positive actuals (inverse achievement needs them), as multiples of the target. */
const actualsFor = (card: Scorecard) =>
  fc.tuple(...card.indicators.map((ind) => ratio(0.01, 3).map((x) => x * (ind.target as number)))).map((values) =>
    Object.fromEntries(card.indicators.map((ind, i) => [ind.key, values[i]])),
  );

const cardWithActuals = scorecard.chain((card) => actualsFor(card).map((actuals) => ({ card, actuals })));

describe('scoring properties', () => {
  it('raising an actual never lowers a higher-is-better indicator’s points or the total', () => {
    fc.assert(
      fc.property(cardWithActuals, fc.nat(), ratio(0, 2), ({ card, actuals }, pick, raise) => {
        const j = pick % card.indicators.length;
        const ind = card.indicators[j];
        const higher = { ...card, indicators: card.indicators.map((x, i) => (i === j ? { ...x, direction: 'higher' as const, achievement: undefined } : x)) };
        const before = scoreScorecard(higher, { actuals });
        const after = scoreScorecard(higher, { actuals: { ...actuals, [ind.key]: actuals[ind.key] + raise * (ind.target as number) } });
        expect(before.status).toBe('complete');
        expect(after.indicators[j].points as number).toBeGreaterThanOrEqual(before.indicators[j].points as number);
        expect(after.total as number).toBeGreaterThanOrEqual(before.total as number);
      }),
      runs,
    );
  });

  it('raising the actual of a lower-is-better indicator never raises its points', () => {
    fc.assert(
      fc.property(cardWithActuals, fc.nat(), ratio(0, 2), ({ card, actuals }, pick, raise) => {
        const j = pick % card.indicators.length;
        const ind = card.indicators[j];
        const lower = { ...card, indicators: card.indicators.map((x, i) => (i === j ? { ...x, direction: 'lower' as const } : x)) };
        const before = scoreScorecard(lower, { actuals });
        const after = scoreScorecard(lower, { actuals: { ...actuals, [ind.key]: actuals[ind.key] + raise * (ind.target as number) } });
        expect(after.indicators[j].points as number).toBeLessThanOrEqual(before.indicators[j].points as number);
      }),
      runs,
    );
  });

  it('a triggered zero veto always gives total 0', () => {
    fc.assert(
      fc.property(cardWithActuals, fc.nat(), ({ card, actuals }, pick) => {
        const j = pick % card.indicators.length;
        const ind = card.indicators[j];
        const vetoed = { ...card, indicators: card.indicators.map((x, i) => (i === j ? { ...x, direction: 'higher' as const, achievement: undefined, veto: { below: 0.8, effect: 'zero' as const } } : x)) };
        const result = scoreScorecard(vetoed, { actuals: { ...actuals, [ind.key]: 0.5 * (ind.target as number) } });
        expect(result.vetoes.some((v) => v.effect === 'zero')).toBe(true);
        expect(result.total).toBe(0);
      }),
      runs,
    );
  });

  it('scaling under not-applicable keeps Σ effective weights = 100', () => {
    const input = fc
      .integer({ min: 2, max: 10 })
      .chain((n) => fc.tuple(weightsOf(n), fc.array(fc.boolean(), { minLength: n, maxLength: n })))
      .filter(([weights, na]) => weights.some((w, i) => !na[i] && w > 0));
    fc.assert(
      fc.property(input, ([weights, na]) => {
        const scaled = effectiveWeights(weights, na) as number[];
        expect(Math.abs(exactSum(scaled) - 100)).toBeLessThanOrEqual(1e-9);
        for (const [i, w] of scaled.entries()) if (na[i]) expect(w).toBe(0);
      }),
      runs,
    );
  });

  it('the total never exceeds maxTotal when it is set', () => {
    fc.assert(
      fc.property(cardWithActuals, fc.integer({ min: 1, max: 120 }), ({ card, actuals }, maxTotal) => {
        const result = scoreScorecard({ ...card, maxTotal }, { actuals });
        expect(result.total as number).toBeLessThanOrEqual(maxTotal);
      }),
      runs,
    );
  });

  it('tiers are step functions: m is constant between consecutive thresholds', () => {
    const tiersRule = monotoneRule.filter((r): r is Extract<Rule, { type: 'tiers' }> => r.type === 'tiers');
    fc.assert(
      fc.property(tiersRule, fc.nat(), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (rule, pick, u, v) => {
        const thresholds = rule.tiers.map((t) => (t.atLeast ?? t.above) as number);
        const i = pick % thresholds.length;
        const lo = thresholds[i];
        const hi = i + 1 < thresholds.length ? thresholds[i + 1] : lo + 5;
        const r1 = lo + u * (hi - lo);
        const r2 = lo + v * (hi - lo);
        expect(evaluateTiers(rule, r1).m).toBe(evaluateTiers(rule, r2).m);
        expect(evaluateTiers(rule, r1).m).toBe(rule.tiers[i].multiplier);
      }),
      runs,
    );
  });

  it('linear interpolation stays within the [min, max] of its points', () => {
    const anyLinear = fc
      .uniqueArray(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 6 })
      .chain((rs) => fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: rs.length, maxLength: rs.length }).map((ms) => ({ rs, ms })))
      .map(({ rs, ms }) => ({ type: 'linear' as const, points: rs.sort((a, b) => a - b).map((r, i): [number, number] => [r, ms[i]]) }))
      .filter((rule) => rule.points.every((p, i) => i === 0 || p[0] - rule.points[i - 1][0] > 1e-9));
    fc.assert(
      fc.property(anyLinear, fc.double({ min: -10, max: 10, noNaN: true }), (rule, r) => {
        const ms = rule.points.map((p) => p[1]);
        const m = evaluateLinear(rule, r).m;
        expect(m).toBeGreaterThanOrEqual(Math.min(...ms));
        expect(m).toBeLessThanOrEqual(Math.max(...ms));
      }),
      runs,
    );
  });

  it('for any finite actuals, however large, a complete result has a finite subtotal and total (else an indicator is in error)', () => {
    const huge = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, 1e15, -1e15),
    );
    const input = scorecard.chain((card) =>
      fc.tuple(...card.indicators.map(() => huge)).map((values) => ({ card, actuals: Object.fromEntries(card.indicators.map((ind, i) => [ind.key, values[i]])) })),
    );
    fc.assert(
      fc.property(input, fc.option(fc.constantFrom(1e-300, 1e-12, 1e300), { nil: undefined }), ({ card, actuals }, tinyTarget) => {
        const tuned = tinyTarget === undefined ? card : { ...card, indicators: card.indicators.map((ind, i) => (i === 0 ? { ...ind, target: tinyTarget } : ind)) };
        const result = scoreScorecard(tuned, { actuals });
        for (const ind of result.indicators) {
          for (const x of [ind.achievement, ind.multiplierRaw, ind.multiplier, ind.points]) if (x !== null) expect(Number.isFinite(x)).toBe(true);
        }
        if (result.status === 'complete') {
          expect(Number.isFinite(result.subtotal)).toBe(true);
          expect(Number.isFinite(result.total)).toBe(true);
          expect(Number.isFinite(result.totalAfterVetoes)).toBe(true);
        } else {
          expect(result.total).toBeNull();
          expect(result.indicators.some((i) => i.status === 'error' || i.status === 'incomplete')).toBe(true);
        }
      }),
      runs,
    );
  });

  it('permuting the indicators does not change the total (exactly, beyond the 1e-9 required)', () => {
    const permuted = cardWithActuals.chain(({ card, actuals }) =>
      fc.shuffledSubarray(card.indicators, { minLength: card.indicators.length }).map((indicators) => ({ card, actuals, shuffled: { ...card, indicators } })),
    );
    fc.assert(
      fc.property(permuted, fc.boolean(), ({ card, actuals, shuffled }, skipFirst) => {
        const notApplicable = skipFirst && card.indicators.length > 1 && card.indicators[0].weight < 100 ? [card.indicators[0].key] : [];
        const a = scoreScorecard(card, { actuals, notApplicable });
        const b = scoreScorecard(shuffled, { actuals, notApplicable });
        expect(b.status).toBe(a.status);
        expect(b.total).toBe(a.total);
        expect(b.subtotal).toBe(a.subtotal);
      }),
      runs,
    );
  });
});
