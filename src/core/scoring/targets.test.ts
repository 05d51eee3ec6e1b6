import { describe, expect, it } from 'vitest';
import { withTargets } from './targets.ts';
import type { Scorecard } from './types.ts';

const card: Scorecard = {
  indicators: [
    { key: 'sales', weight: 60, target: 100 },
    { key: 'skill', weight: 40, rule: { type: 'manual' } },
  ],
};

describe('withTargets', () => {
  it('replaces the targets given and leaves the card itself alone', () => {
    const next = withTargets(card, { sales: 120 });
    expect(next.indicators[0].target).toBe(120);
    expect(card.indicators[0].target).toBe(100);
  });

  it('gives manual indicators no target and ignores unknown keys', () => {
    const next = withTargets(card, { skill: 3, nope: 5 });
    expect(next).toBe(card);
    expect(next.indicators[1].target).toBeUndefined();
  });
});
