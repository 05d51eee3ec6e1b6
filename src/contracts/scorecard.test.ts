import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreWithTerms } from '../core/scoring/actuals.ts';
import { checkScorecardDesign } from '../core/scoring/design.ts';
import { scoreScorecard } from '../core/scoring/score.ts';
import { whatIf } from '../core/scoring/what-if.ts';
import { parseScorecardFile } from './scorecard.ts';

const docs = readFileSync(fileURLToPath(new URL('../../docs/scoring.md', import.meta.url)), 'utf8');
const exampleJson = docs.split('<!-- example:scorecard -->')[1].split('```json')[1].split('```')[0];
const example = JSON.parse(exampleJson);

const minimal = () => ({
  format: 'kedu.scorecard/v1',
  name: 'x',
  indicators: [
    { key: 'a', name: 'A', direction: 'higher', weight: 60, target: 10, rule: { type: 'proportional' } },
    { key: 'b', name: 'B', direction: 'lower', weight: 40, target: 5, rule: { type: 'proportional' } },
  ],
});
const errorsOf = (input: unknown) => {
  const parsed = parseScorecardFile(input);
  return parsed.ok ? [] : parsed.errors.map((e) => [e.path, e.code]);
};

describe('kedu.scorecard/v1', () => {
  it('accepts a minimal file', () => {
    expect(parseScorecardFile(minimal()).ok).toBe(true);
  });

  it('weights must sum to 100', () => {
    const file = minimal();
    file.indicators[1].weight = 30;
    expect(errorsOf(file)).toEqual([['indicators', 'weights.sum']]);
  });

  it('keys are unique', () => {
    const file = minimal();
    file.indicators[1].key = 'a';
    expect(errorsOf(file)).toEqual([['indicators[1].key', 'key.duplicate']]);
  });

  it('achievement only for direction lower', () => {
    const file = minimal();
    Object.assign(file.indicators[0], { achievement: 'inverse' });
    Object.assign(file.indicators[1], { achievement: 'inverse' });
    expect(errorsOf(file)).toEqual([['indicators[0].achievement', 'achievement.only_lower']]);
  });

  it('each tier has exactly one of atLeast / above, with the path of the tier', () => {
    const file = minimal();
    Object.assign(file.indicators[1], {
      rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1 }, { atLeast: 1, above: 1, multiplier: 1.2 }] },
    });
    const parsed = parseScorecardFile(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.path, e.code])).toEqual([['indicators[1].rule.tiers[1]', 'tiers.bound']]);
    expect(parsed.errors[0].message['zh-CN']).toContain('atLeast');
    expect(parsed.errors[0].message.en).toContain('exactly one of');
  });

  it('linear points sorted', () => {
    const file = minimal();
    Object.assign(file.indicators[0], { rule: { type: 'linear', points: [[1, 1], [0.5, 0.2]] } });
    expect(errorsOf(file)).toEqual([['indicators[0].rule.points[1]', 'linear.order']]);
  });

  it('missing or zero target, cap below floor', () => {
    const file = minimal();
    Object.assign(file.indicators[0], { target: 0, cap: 0.5, floor: 0.8 });
    delete (file.indicators[1] as { target?: number }).target;
    expect(errorsOf(file)).toEqual([
      ['indicators[0].target', 'target.zero'],
      ['indicators[0].cap', 'limits.cap_below_floor'],
      ['indicators[1].target', 'target.missing'],
    ]);
  });

  it('strict objects: unknown fields are refused with their path', () => {
    const file = minimal();
    Object.assign(file.indicators[0], { wieght: 60 });
    const parsed = parseScorecardFile(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({ path: 'indicators[0]', code: 'field.unknown_key' });
    expect(parsed.errors[0].message.en).toContain('wieght');
  });

  it('shape errors: wrong format, unknown rule type, bad veto effect, missing name', () => {
    const file = { ...minimal(), format: 'kedu.scorecard/v2' };
    expect(errorsOf(file)).toEqual([['format', 'field.invalid_enum']]);
    const rule = minimal();
    Object.assign(rule.indicators[0], { rule: { type: 'steps' } });
    expect(errorsOf(rule)).toEqual([['indicators[0].rule.type', 'field.invalid_enum']]);
    const veto = minimal();
    Object.assign(veto.indicators[0], { veto: { below: 0.8, effect: 'half' } });
    const parsed = parseScorecardFile(veto);
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.path, e.message.en])).toEqual([
      ['indicators[0].veto.effect', 'indicators[0].veto.effect must be one of "zero", {"multiply": k}, {"capTotal": x}'],
    ]);
    const noName = minimal();
    delete (noName.indicators[0] as { name?: string }).name;
    expect(errorsOf(noName)).toEqual([['indicators[0].name', 'field.required']]);
  });
});

describe('kedu.scorecard/v1: source (出处) and data owner', () => {
  const withProvenance = () => {
    const file = minimal();
    Object.assign(file.indicators[0], { source: { kind: 'budget', reference: '2027 年度预算' }, dataOwner: { kind: 'position', name: '财务专员' } });
    Object.assign(file.indicators[1], { source: { kind: 'business_process' }, dataOwner: { kind: 'person', name: '王建国' } });
    return file;
  };

  it('a file from before the fields existed still parses (both are optional), and draws the design warnings', () => {
    const parsed = parseScorecardFile(minimal());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scorecard.indicators[0]).not.toHaveProperty('source');
    const warnings = checkScorecardDesign(parsed.scorecard).filter((w) => w.code === 'design.no_source' || w.code === 'design.no_data_owner');
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['design.no_source', ['indicators', 0, 'source']],
      ['design.no_data_owner', ['indicators', 0, 'dataOwner']],
      ['design.no_source', ['indicators', 1, 'source']],
      ['design.no_data_owner', ['indicators', 1, 'dataOwner']],
    ]);
  });

  it('keeps the source and the data owner as written', () => {
    const parsed = parseScorecardFile(withProvenance());
    expect(parsed.ok ? parsed.scorecard.indicators.map((i) => [i.source, i.dataOwner]) : parsed.errors).toEqual([
      [{ kind: 'budget', reference: '2027 年度预算' }, { kind: 'position', name: '财务专员' }],
      [{ kind: 'business_process' }, { kind: 'person', name: '王建国' }],
    ]);
    expect(parsed.ok && checkScorecardDesign(parsed.scorecard).some((w) => w.code === 'design.no_source' || w.code === 'design.no_data_owner')).toBe(false);
  });

  it('refuses a source kind outside the six, located at the kind and listing the kinds there are', () => {
    const file = withProvenance();
    Object.assign(file.indicators[1], { source: { kind: 'rumour', reference: 'x' } });
    const parsed = parseScorecardFile(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.path, e.code])).toEqual([['indicators[1].source.kind', 'field.invalid_enum']]);
    expect(parsed.errors[0].message.en).toBe('indicators[1].source.kind must be one of: parent, strategy, annual_plan, budget, job_duties, business_process');
    expect(parsed.errors[0].message['zh-CN']).toContain('必须是以下之一');
  });

  it('refuses a bad data owner, an unknown field and a source given as a bare string, each located', () => {
    const owner = withProvenance();
    Object.assign(owner.indicators[0], { dataOwner: { kind: 'team', name: '' } });
    expect(errorsOf(owner)).toEqual([
      ['indicators[0].dataOwner.kind', 'field.invalid_enum'],
      ['indicators[0].dataOwner.name', 'field.required'],
    ]);
    const extra = withProvenance();
    Object.assign(extra.indicators[0], { source: { kind: 'budget', note: 'x' } });
    expect(errorsOf(extra)).toEqual([['indicators[0].source', 'field.unknown_key']]);
    const bare = withProvenance();
    Object.assign(bare.indicators[0], { source: 'budget' });
    expect(errorsOf(bare)).toEqual([['indicators[0].source', 'field.invalid_type']]);
    const long = withProvenance();
    Object.assign(long.indicators[0], { source: { kind: 'budget', reference: 'x'.repeat(501) } });
    expect(errorsOf(long)).toEqual([['indicators[0].source.reference', 'field.too_long']]);
  });
});

describe('the example of docs/scoring.md', () => {
  const inputs = {
    actuals: { 销售额: 1_150_000, 新大客户开发数量: 9, 应收账款回收率: 0.855, 销售费用率: 0.045, 成品周转率: 810_000 / ((200_000 + 250_000) / 2), 完成销售的能力: 4 },
  };

  it('is a valid file and draws no design warning', () => {
    const parsed = parseScorecardFile(example);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(checkScorecardDesign(example)).toEqual([]);
  });

  it('scores as the worked example says: 97.5, grade S', () => {
    const result = scoreScorecard(example, inputs);
    expect(result.indicators.map((i) => i.points)).toEqual([34.5, 22, 9, 11, 9, 12].map((p) => expect.closeTo(p, 9)));
    expect(result).toMatchObject({ status: 'complete', grade: 'S', vetoes: [], maxTotal: { value: 120, bit: false } });
    expect(result.total).toBeCloseTo(97.5, 9);
  });

  it('the same from term values: 成品周转率 computed by its formula', () => {
    const { 成品周转率: _, ...direct } = inputs.actuals;
    const result = scoreWithTerms(example, { ...direct, 销售成本: 810_000, 期初库存余额: 200_000, 期末库存余额: 250_000 });
    expect(result.indicators[4]).toMatchObject({ actual: 3.6, formula: '销售成本÷((期初库存余额+期末库存余额)/2)', points: expect.closeTo(9, 9) });
    expect(result.total).toBeCloseTo(97.5, 9);
  });

  it('the veto case: sales at 75 % → 85.5 halved to 42.75, grade D', () => {
    const result = scoreScorecard(example, { actuals: { ...inputs.actuals, 销售额: 750_000 } });
    expect(result.subtotal).toBeCloseTo(85.5, 9);
    expect(result.total).toBeCloseTo(42.75, 9);
    expect(result.grade).toBe('D');
  });

  it('the what-if examples', () => {
    const tier = whatIf(example, inputs, { key: '新大客户开发数量', actual: 11 });
    expect(tier.ok && tier.after.total).toBeCloseTo(101.5, 9);
    const veto = whatIf(example, { actuals: { ...inputs.actuals, 销售额: 750_000 } }, { key: '销售额', actual: 800_000 });
    expect(veto.ok && veto.after.total).toBeCloseTo(87, 9);
    expect(veto.ok && veto.after.grade).toBe('A');
    expect(veto.ok && veto.causes.map((c) => c.code)).toContain('whatif.veto_off');
  });
});
