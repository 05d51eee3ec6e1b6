import { describe, expect, it } from 'vitest';
import { checkForcedDistribution, gradeFor } from './grades.ts';
import { scoreScorecard } from './score.ts';

const bands = [
  { min: 90, grade: 'S' },
  { min: 80, grade: 'A' },
  { min: 70, grade: 'B' },
  { min: 60, grade: 'C' },
  { min: 0, grade: 'D' },
];

describe('grade bands', () => {
  it('the highest band whose min ≤ total', () => {
    expect(gradeFor(95, bands)).toBe('S');
    expect(gradeFor(90, bands)).toBe('S');
    expect(gradeFor(89.99, bands)).toBe('A');
    expect(gradeFor(60, bands)).toBe('C');
    expect(gradeFor(0, bands)).toBe('D');
  });
  it('bands may be listed in any order', () => {
    expect(gradeFor(85, [...bands].reverse())).toBe('A');
  });
  it('below every band → null', () => {
    expect(gradeFor(-1, bands)).toBeNull();
    expect(gradeFor(50, [{ min: 60, grade: 'pass' }])).toBeNull();
  });
  it('rounding noise does not drop a total of 90 out of S', () => {
    expect(gradeFor(90 - 1e-12, bands)).toBe('S');
  });
  it('a scorecard result carries its grade', () => {
    const card = { indicators: [{ key: 'a', weight: 100, target: 10 }], grades: bands };
    expect(scoreScorecard(card, { actuals: { a: 8.5 } }).grade).toBe('A');
    expect(scoreScorecard({ ...card, grades: undefined }, { actuals: { a: 8.5 } }).grade).toBeNull();
  });
});

describe('forced distribution (强制分布)', () => {
  const group = (grades: (string | null)[]) => grades.map((grade, i) => ({ id: `p${i + 1}`, grade }));
  const limits = [
    { grade: 'S', maxShare: 0.1 },
    { grade: 'A', maxShare: 0.2 },
  ];

  it('no violation within the limits', () => {
    expect(checkForcedDistribution(group(['S', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D']), limits)).toEqual([]);
  });

  it('S ≤ 10 %: two S of ten is a violation, with the members and the bound', () => {
    const violations = checkForcedDistribution(group(['S', 'S', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D']), limits);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ grade: 'S', kind: 'over', count: 2, groupSize: 10, share: 0.2, limit: 0.1, bound: 1, members: ['p1', 'p2'] });
    expect(violations[0].message['zh-CN']).toContain('20%');
    expect(violations[0].message.en).toContain('at most 1 of 10');
  });

  it('A ≤ 20 %: three A of ten is a violation; S and A both reported', () => {
    const violations = checkForcedDistribution(group(['S', 'S', 'A', 'A', 'A', 'B', 'B', 'C', 'C', 'D']), limits);
    expect(violations.map((v) => [v.grade, v.count, v.bound])).toEqual([
      ['S', 2, 1],
      ['A', 3, 2],
    ]);
  });

  it('in a small group the share is exact: 1 S of 7 (14 %) exceeds 10 %', () => {
    expect(checkForcedDistribution(group(['S', 'B', 'B', 'B', 'B', 'B', 'B']), limits)[0]).toMatchObject({ grade: 'S', bound: 0 });
  });

  it('minimum shares (e.g. D ≥ 10 %)', () => {
    const violations = checkForcedDistribution(group(['A', 'B', 'B', 'B', 'B', 'B', 'B', 'B', 'B', 'C']), [{ grade: 'D', minShare: 0.1 }]);
    expect(violations[0]).toMatchObject({ grade: 'D', kind: 'under', count: 0, bound: 1, code: 'distribution.under' });
  });

  it('ungraded (incomplete) members are left out of the count', () => {
    expect(checkForcedDistribution(group(['S', null, null, 'B', 'B', 'B', 'B', 'B', 'B', 'B', 'B', 'B']), limits)).toEqual([]);
    expect(checkForcedDistribution(group([null, null]), limits)).toEqual([]);
  });
});
