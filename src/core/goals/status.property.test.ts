import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GoalStatus } from './types.ts';
import { goalProgress, goalStatus } from './status.ts';

/** Best first: a later position is a worse status. */
const RANK: Record<Exclude<GoalStatus, 'not_started'>, number> = { achieved: 0, on_track: 1, at_risk: 2, off_track: 3, missed: 4 };
const rank = (s: GoalStatus) => (s === 'not_started' ? Number.NaN : RANK[s]);

const START = Date.UTC(2026, 0, 1);
const dayText = (offset: number) => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);

const value = fc.integer({ min: -1_000_000, max: 1_000_000 });
const direction = fc.constantFrom('higher' as const, 'lower' as const);
/** A goal's time: start, length in days and two days around it. */
const timeline = fc.record({
  start: fc.integer({ min: 0, max: 700 }),
  length: fc.integer({ min: 0, max: 400 }),
  a: fc.integer({ min: -60, max: 460 }),
  b: fc.integer({ min: -60, max: 460 }),
});

describe('goalStatus properties', () => {
  it('more progress never gives a worse status at the same time', () => {
    fc.assert(
      fc.property(value, value, value, value, direction, timeline, (baseline, target, c1, c2, dir, t) => {
        const input = { baseline, target, direction: dir, startsOn: dayText(t.start), deadline: dayText(t.start + t.length), asOf: dayText(t.start + t.a) };
        const [p1, p2] = [goalProgress({ ...input, current: c1 })!, goalProgress({ ...input, current: c2 })!];
        const [lo, hi] = p1 <= p2 ? [c1, c2] : [c2, c1];
        expect(rank(goalStatus({ ...input, current: hi }).status)).toBeLessThanOrEqual(rank(goalStatus({ ...input, current: lo }).status));
      }),
      { numRuns: 500 },
    );
  });

  it('a later day never gives a better status for the same progress', () => {
    fc.assert(
      fc.property(value, value, value, direction, timeline, (baseline, target, current, dir, t) => {
        const input = { baseline, target, current, direction: dir, startsOn: dayText(t.start), deadline: dayText(t.start + t.length) };
        const [early, late] = t.a <= t.b ? [t.a, t.b] : [t.b, t.a];
        const before = goalStatus({ ...input, asOf: dayText(t.start + early) }).status;
        const after = goalStatus({ ...input, asOf: dayText(t.start + late) }).status;
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      { numRuns: 500 },
    );
  });

  it('mirroring baseline, target and current (and the direction) gives the same status', () => {
    fc.assert(
      fc.property(value, value, fc.option(value, { nil: null }), direction, timeline, (baseline, target, current, dir, t) => {
        const time = { startsOn: dayText(t.start), deadline: dayText(t.start + t.length), asOf: dayText(t.start + t.a) };
        const straight = goalStatus({ ...time, baseline, target, current, direction: dir });
        const mirrored = goalStatus({ ...time, baseline: -baseline, target: -target, current: current === null ? null : -current, direction: dir === 'higher' ? 'lower' : 'higher' });
        expect(mirrored.status).toBe(straight.status);
        // +0 and −0 are the same progress
        expect(mirrored.progress === straight.progress).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
