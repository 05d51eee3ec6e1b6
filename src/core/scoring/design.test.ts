import { describe, expect, it } from 'vitest';
import { checkScorecardDesign } from './design.ts';
import type { Indicator, Scorecard } from './types.ts';

const from = { source: { kind: 'annual_plan', reference: '2027 年度经营计划' }, dataOwner: { kind: 'position', name: '销售运营专员' } } as const;
const good = (over: Partial<Indicator> = {}): Indicator => ({ key: 'x', weight: 25, target: 1, purpose: '为什么', cap: 1.2, ...from, ...over });
const balanced: Scorecard = { indicators: ['a', 'b', 'c', 'd'].map((key) => good({ key })) };
const codes = (card: Scorecard) => checkScorecardDesign(card).map((i) => [i.severity, i.code, i.indicatorKey]);
const withFirst = (over: Partial<Indicator>): Scorecard => ({ indicators: [good({ key: 'a', ...over }), ...balanced.indicators.slice(1)] });

describe('checkScorecardDesign', () => {
  it('a balanced, capped, purposeful scorecard draws nothing', () => {
    expect(checkScorecardDesign(balanced)).toEqual([]);
  });

  it('weights not summing to 100 is an error', () => {
    expect(codes(withFirst({ weight: 20 }))).toEqual([['error', 'weights.sum', undefined]]);
  });

  it('one indicator with ≥ 50 % of the weight dominates', () => {
    const card: Scorecard = { indicators: [good({ key: 'a', weight: 50 }), good({ key: 'b', weight: 50 })] };
    expect(codes(card)).toEqual([
      ['warning', 'design.dominant', 'a'],
      ['warning', 'design.dominant', 'b'],
    ]);
    const card2: Scorecard = { indicators: [good({ key: 'a', weight: 49 }), good({ key: 'b', weight: 51 })] };
    expect(codes(card2)).toEqual([['warning', 'design.dominant', 'b']]);
  });

  it('an indicator without purpose or target', () => {
    expect(codes(withFirst({ purpose: undefined }))).toEqual([['warning', 'design.no_purpose', 'a']]);
    expect(codes(withFirst({ purpose: '  ' }))).toEqual([['warning', 'design.no_purpose', 'a']]);
    expect(codes(withFirst({ target: undefined }))).toEqual([['warning', 'design.no_target', 'a']]);
    expect(codes(withFirst({ target: undefined, rule: { type: 'manual' } }))).toEqual([]);
  });

  it('an indicator without a source (出处): a warning at its source, naming it and saying how to fix it', () => {
    expect(codes(withFirst({ source: undefined }))).toEqual([['warning', 'design.no_source', 'a']]);
    // a kind outside the six is no source either (a stored card is not re-parsed)
    expect(codes(withFirst({ source: { kind: 'hearsay' as never } }))).toEqual([['warning', 'design.no_source', 'a']]);
    // a kind alone is a source; the reference is recommended, not required
    expect(codes(withFirst({ source: { kind: 'job_duties' } }))).toEqual([]);
    const [issue] = checkScorecardDesign(withFirst({ source: undefined, name: '销售额' }));
    expect(issue.path).toEqual(['indicators', 0, 'source']);
    expect(issue.message['zh-CN']).toContain('“销售额”没有写明出处');
    expect(issue.message['zh-CN']).toContain('年度预算');
    expect(issue.message.en).toContain('"销售额" has no source');
    expect(issue.message.en).toContain('annual budget');
  });

  it('an indicator without a data owner: a warning, except for a manual rating (the rater supplies it)', () => {
    expect(codes(withFirst({ dataOwner: undefined }))).toEqual([['warning', 'design.no_data_owner', 'a']]);
    expect(codes(withFirst({ dataOwner: { kind: 'person', name: '  ' } }))).toEqual([['warning', 'design.no_data_owner', 'a']]);
    expect(codes(withFirst({ dataOwner: { kind: 'person', name: '王建国' } }))).toEqual([]);
    expect(codes(withFirst({ dataOwner: undefined, target: undefined, rule: { type: 'manual' } }))).toEqual([]);
    const [issue] = checkScorecardDesign(withFirst({ dataOwner: undefined, name: '应收账款回收率' }));
    expect(issue.path).toEqual(['indicators', 0, 'dataOwner']);
    expect(issue.message['zh-CN']).toContain('“应收账款回收率”没有数据提供人');
    expect(issue.message.en).toContain('"应收账款回收率" has no data owner');
    expect(issue.message.en).toContain('position or person');
  });

  it('a card from before sources existed: both warnings on every indicator, nothing else', () => {
    const old: Scorecard = { indicators: balanced.indicators.map(({ source: _s, dataOwner: _d, ...rest }) => rest) };
    expect(codes(old)).toEqual(['a', 'b', 'c', 'd'].flatMap((k) => [['warning', 'design.no_source', k], ['warning', 'design.no_data_owner', k]]));
  });

  it('a zero target is still an error', () => {
    expect(codes(withFirst({ target: 0 }))).toEqual([['error', 'target.zero', 'a']]);
  });

  it('a tiers rule whose top tier is not the highest multiplier, with no cap (info)', () => {
    const tiers = { type: 'tiers' as const, tiers: [{ atLeast: 0.8, multiplier: 1.4 }, { above: 1, multiplier: 1.2 }] };
    const warnings = checkScorecardDesign(withFirst({ cap: undefined, rule: tiers }));
    expect(warnings.map((w) => [w.severity, w.code])).toEqual([['info', 'design.tiers_top_not_cap']]);
    expect(warnings[0].params).toMatchObject({ top: 1.2, max: 1.4 });
    // below-proportional r just under a high first threshold beats the top tier
    const high = { type: 'tiers' as const, tiers: [{ atLeast: 1.5, multiplier: 1.2 }] };
    expect(codes(withFirst({ cap: undefined, rule: high }))).toEqual([['info', 'design.tiers_top_not_cap', 'a']]);
    // the seed's tiers: the top tier is the cap
    const seed = { type: 'tiers' as const, tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }] };
    expect(codes(withFirst({ cap: undefined, rule: seed }))).toEqual([]);
    // with a cap set there is nothing to say
    expect(codes(withFirst({ cap: 1.2, rule: tiers }))).toEqual([]);
  });

  it('an uncapped proportional indicator (info)', () => {
    expect(codes(withFirst({ cap: undefined }))).toEqual([['info', 'design.uncapped', 'a']]);
  });

  it('a veto on an indicator with weight 0', () => {
    const card: Scorecard = {
      indicators: [good({ key: 'safety', weight: 0, veto: { below: 1, effect: 'zero' } }), ...balanced.indicators],
    };
    expect(codes(card)).toEqual([['warning', 'design.veto_zero_weight', 'safety']]);
  });

  it('cap < floor is an error', () => {
    expect(codes(withFirst({ cap: 0.5, floor: 0.8 }))).toEqual([['error', 'limits.cap_below_floor', 'a']]);
  });

  it('issues carry a path and bilingual messages', () => {
    const [issue] = checkScorecardDesign(withFirst({ purpose: undefined, name: '销售额' }));
    expect(issue.path).toEqual(['indicators', 0, 'purpose']);
    expect(issue.message['zh-CN']).toContain('销售额');
    expect(issue.message.en).toContain('purpose');
  });
});
