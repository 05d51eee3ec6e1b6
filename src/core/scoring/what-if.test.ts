import { describe, expect, it } from 'vitest';
import type { Scorecard } from './types.ts';
import { whatIf } from './what-if.ts';

const card: Scorecard = {
  indicators: [
    { key: '销售额', name: '销售额', weight: 30, target: 100, cap: 1.2, veto: { below: 0.8, effect: { multiply: 0.5 } } },
    {
      key: '新大客户开发数量',
      name: '新大客户开发数量',
      weight: 20,
      target: 20,
      rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }] },
    },
    { key: '回款率', name: '应收账款回收率', weight: 50, target: 1 },
  ],
  grades: [
    { min: 100, grade: 'S' },
    { min: 70, grade: 'A' },
    { min: 0, grade: 'B' },
  ],
  maxTotal: 110,
};
const inputs = { actuals: { 销售额: 100, 新大客户开发数量: 17, 回款率: 0.9 } };
const codes = (r: ReturnType<typeof whatIf>) => (r.ok ? r.causes.map((c) => c.code) : []);

describe('whatIf', () => {
  it('crossing a tier: 17 → 21 new key accounts moves from ×1.1 to ×1.3 (+4 points, grade A → S)', () => {
    const r = whatIf(card, inputs, { key: '新大客户开发数量', actual: 21 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.before.total).toBeCloseTo(30 + 22 + 45, 9);
    expect(r.after.total).toBeCloseTo(30 + 26 + 45, 9);
    expect(r.totalDelta).toBeCloseTo(4, 9);
    expect(r.indicators.map((d) => [d.key, d.pointsDelta])).toEqual([['新大客户开发数量', expect.closeTo(4, 9)]]);
    expect(codes(r)).toEqual(['whatif.actual', 'whatif.achievement', 'whatif.match', 'whatif.points', 'whatif.subtotal', 'whatif.total', 'whatif.grade']);
    const match = r.causes.find((c) => c.code === 'whatif.match');
    expect(match?.message['zh-CN']).toContain('r > 100% → ×1.3');
    expect(match?.message.en).toContain('r ≥ 80% → ×1.1');
  });

  it('within one tier nothing but r changes', () => {
    const r = whatIf(card, inputs, { key: '新大客户开发数量', actual: 18 });
    expect(codes(r)).toEqual(['whatif.actual', 'whatif.achievement', 'whatif.no_change']);
  });

  it('dropping below the veto threshold halves the total and says why', () => {
    const r = whatIf(card, inputs, { key: '销售额', actual: 70 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.after.total).toBeCloseTo((21 + 22 + 45) * 0.5, 9);
    expect(codes(r)).toContain('whatif.veto_on');
    const veto = r.causes.find((c) => c.code === 'whatif.veto_on');
    expect(veto?.message['zh-CN']).toContain('总分 ×0.5');
  });

  it('raising a target can trigger the veto too', () => {
    const r = whatIf(card, inputs, { key: '销售额', target: 130 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.causes[0].code).toBe('whatif.target');
    expect(codes(r)).toContain('whatif.veto_on');
    expect(r.after.indicators[0].target).toBe(130);
    expect(r.before.indicators[0].target).toBe(100);
  });

  it('reaching the cap and the maxTotal', () => {
    const high = { actuals: { 销售额: 110, 新大客户开发数量: 25, 回款率: 1.2 } };
    const r = whatIf(card, high, { key: '销售额', actual: 150 });
    if (!r.ok) throw new Error('expected ok');
    // before: 33 + 26 + 60 = 119 → 110; after: 36 + 26 + 60 = 122 → 110
    expect(r.before.total).toBe(110);
    expect(r.after.total).toBe(110);
    expect(codes(r)).toContain('whatif.limit');
    const limit = r.causes.find((c) => c.code === 'whatif.limit');
    expect(limit?.message.en).toContain('cap ×1.2 applies');
    expect(codes(r)).not.toContain('whatif.total');
  });

  it('maxTotal starting to bite is a cause', () => {
    const r = whatIf(card, inputs, { key: '回款率', actual: 1.3 });
    if (!r.ok) throw new Error('expected ok');
    expect(codes(r)).toContain('whatif.max_total');
    expect(r.after.total).toBe(110);
  });

  it('removing an actual makes the scorecard incomplete', () => {
    const r = whatIf(card, inputs, { key: '回款率', actual: null });
    if (!r.ok) throw new Error('expected ok');
    expect(r.after.status).toBe('incomplete');
    expect(codes(r)).toEqual(['whatif.actual', 'whatif.status', 'whatif.achievement', 'whatif.points', 'whatif.scorecard_status', 'whatif.subtotal', 'whatif.total', 'whatif.grade']);
    expect(r.totalDelta).toBeNull();
  });

  it('does not change its arguments', () => {
    const frozen = JSON.stringify([card, inputs]);
    whatIf(card, inputs, { key: '销售额', target: 50 });
    whatIf(card, inputs, { key: '销售额', actual: 5 });
    expect(JSON.stringify([card, inputs])).toBe(frozen);
  });

  it('an unknown indicator is refused with a reason', () => {
    const r = whatIf(card, inputs, { key: 'nope', actual: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.code).toBe('whatif.unknown_indicator');
  });
});
