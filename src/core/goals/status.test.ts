import { describe, expect, it } from 'vitest';
import { AT_RISK_MAX_GAP, EARLY_PERIOD, elapsedFraction, goalProgress, goalStatus, ON_TRACK_MAX_GAP } from './status.ts';

const year = { baseline: 0, target: 100, direction: 'higher' as const, startsOn: '2027-01-01', deadline: '2027-01-11' };

describe('goalProgress', () => {
  it('measures the way from baseline to target in both directions, unclamped', () => {
    expect(goalProgress({ baseline: 100, target: 200, current: 150 })).toBe(0.5);
    expect(goalProgress({ baseline: 100, target: 200, current: 240 })).toBe(1.4);
    expect(goalProgress({ baseline: 100, target: 200, current: 80 })).toBe(-0.2);
    expect(goalProgress({ baseline: 10, target: 5, current: 6 })).toBe(0.8);
    expect(goalProgress({ baseline: 10, target: 5, current: 12 })).toBe(-0.4);
    expect(goalProgress({ baseline: 1, target: 2, current: null })).toBeNull();
  });

  it('with target = baseline, is 1 when current reaches it in the direction, else 0', () => {
    expect(goalProgress({ baseline: 5, target: 5, current: 5 })).toBe(1);
    expect(goalProgress({ baseline: 5, target: 5, current: 6 })).toBe(1);
    expect(goalProgress({ baseline: 5, target: 5, current: 4 })).toBe(0);
    expect(goalProgress({ baseline: 5, target: 5, current: 4, direction: 'lower' })).toBe(1);
    expect(goalProgress({ baseline: 5, target: 5, current: 6, direction: 'lower' })).toBe(0);
  });
});

describe('elapsedFraction', () => {
  it('counts days in UTC and clamps to [0, 1]', () => {
    expect(elapsedFraction('2027-01-01', '2027-01-11', '2027-01-06')).toBe(0.5);
    expect(elapsedFraction('2027-01-01', '2027-01-11', '2026-12-01')).toBe(0);
    expect(elapsedFraction('2027-01-01', '2027-01-11', '2027-02-01')).toBe(1);
    // across the March daylight-saving change of many zones: still whole days
    expect(elapsedFraction('2027-03-01', '2027-04-01', '2027-03-16')).toBeCloseTo(15 / 31, 12);
  });

  it('treats a deadline not after the start as all ahead or all past', () => {
    expect(elapsedFraction('2027-01-05', '2027-01-05', '2027-01-04')).toBe(0);
    expect(elapsedFraction('2027-01-05', '2027-01-05', '2027-01-05')).toBe(1);
  });

  it('refuses a day that does not exist', () => {
    expect(() => elapsedFraction('2027-02-30', '2027-03-01', '2027-03-01')).toThrow(/startsOn/);
  });
});

describe('goalStatus', () => {
  it('exports its thresholds', () => {
    expect([ON_TRACK_MAX_GAP, AT_RISK_MAX_GAP, EARLY_PERIOD]).toEqual([0.1, 0.25, 0.1]);
  });

  // the worked example of docs/goals.md: a 10-day goal from 0 to 100
  it.each([
    ['2027-01-06', null, 'not_started'],
    ['2027-01-06', 100, 'achieved'],
    ['2027-01-20', 120, 'achieved'],
    ['2027-01-06', 45, 'on_track'], // gap 0.05
    ['2027-01-06', 40, 'on_track'], // gap exactly 0.10
    ['2027-01-06', 30, 'at_risk'], // gap 0.20
    ['2027-01-06', 25, 'at_risk'], // gap exactly 0.25
    ['2027-01-06', 20, 'off_track'], // gap 0.30
    ['2027-01-06', -10, 'off_track'], // went backwards: counts as 0, gap 0.5
    ['2027-01-02', 0, 'on_track'], // first 10 % of the time
    ['2027-01-02', -5, 'at_risk'], // … unless it went backwards
    ['2027-01-11', 95, 'on_track'], // the deadline day is still in time
    ['2027-01-12', 95, 'missed'],
  ] as const)('on %s with current %s is %s', (asOf, current, status) => {
    expect(goalStatus({ ...year, current, asOf }).status).toBe(status);
  });

  it('returns progress and elapsed with the status', () => {
    expect(goalStatus({ ...year, current: 30, asOf: '2027-01-06' })).toEqual({ status: 'at_risk', progress: 0.3, elapsed: 0.5 });
  });

  it('works for a lower-is-better goal', () => {
    const defects = { baseline: 10, target: 5, direction: 'lower' as const, startsOn: '2027-01-01', deadline: '2027-01-11' };
    expect(goalStatus({ ...defects, current: 7.5, asOf: '2027-01-06' }).status).toBe('on_track');
    expect(goalStatus({ ...defects, current: 9, asOf: '2027-01-06' }).status).toBe('off_track');
    expect(goalStatus({ ...defects, current: 4, asOf: '2027-01-06' }).status).toBe('achieved');
  });
});
