/**
 * Scoring many people with one scorecard (prepareScorecard / scorePrepared, personScorer):
 * the same results as scoring each on its own, whatever the card and the inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreWithTerms, scoreWithTermsPrepared } from './actuals.ts';
import { type PersonActuals, readActualsTable, scorecardTerms } from './actuals-table.ts';
import { exactSum } from './arith.ts';
import { personScorer, scorePerson } from './person-scorer.ts';
import { prepareScorecard, scorePrepared, scoreScorecard } from './score.ts';
import type { ActualInput, Scorecard } from './types.ts';
import { applyVetoes } from './veto.ts';

const card: Scorecard = {
  indicators: [
    { key: '销售额', name: '销售额', weight: 40, target: 100, rule: { type: 'proportional' }, cap: 1.2, veto: { below: 0.8, effect: { multiply: 0.5 } } },
    { key: '新客户', weight: 20, target: 10, rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }] }, veto: { below: 0.5, effect: 'zero' } },
    { key: '回款率', weight: 10, target: 0.95, rule: { type: 'linear', points: [[0.8, 0], [1, 1]] }, veto: { below: 0.7, effect: { capTotal: 60 } } },
    { key: '费用率', weight: 10, target: 0.05, direction: 'lower', achievement: 'inverse' },
    { key: '周转率', weight: 10, target: 4, formula: '销售成本÷((期初库存+期末库存)/2)' },
    { key: '能力', weight: 10, rule: { type: 'manual', scale: [1, 5] } },
  ],
  grades: [
    { min: 90, grade: 'S' },
    { min: 0, grade: 'C' },
  ],
  maxTotal: 110,
};
const invalid: Scorecard = { ...card, indicators: card.indicators.map((i, n) => (n === 0 ? { ...i, target: 0, weight: 30 } : i)) };

const value = fc.oneof(fc.double({ min: -2, max: 300, noNaN: true }), fc.constantFrom(0, 1, 3, 0.05, 100, 1e308, -1e-300));
const actual: fc.Arbitrary<ActualInput> = fc.oneof(
  { weight: 6, arbitrary: value },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY) },
);
const keys = card.indicators.map((i) => i.key);
const inputs = fc.record({
  actuals: fc.record(Object.fromEntries(keys.map((k) => [k, actual])) as Record<string, fc.Arbitrary<ActualInput>>),
  notApplicable: fc.option(fc.subarray([...keys, 'unknown']), { nil: undefined }),
});

describe('a prepared scorecard', () => {
  it('scores as scoreScorecard does, valid or not', () => {
    for (const c of [card, invalid, { indicators: [] }]) {
      const prepared = prepareScorecard(c);
      fc.assert(
        fc.property(inputs, (i) => {
          const [mine, theirs] = [scorePrepared(prepared, i), scoreScorecard(c, i)];
          expect(mine).toStrictEqual(theirs);
          expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs)); // the same keys in the same order
        }),
        { numRuns: 300 },
      );
    }
  });

  it('gives every result its own objects', () => {
    const prepared = prepareScorecard(invalid);
    const a = scorePrepared(prepared, { actuals: { 销售额: 90 } });
    const b = scorePrepared(prepared, { actuals: { 销售额: 90 } });
    expect(a).toEqual(b);
    expect(a.issues[0]).not.toBe(b.issues[0]);
    expect(a.indicators[0]).not.toBe(b.indicators[0]);
  });

  it('resolves terms as scoreWithTerms does', () => {
    const prepared = prepareScorecard(card);
    const terms = fc.dictionary(fc.constantFrom('销售额', '新客户', '回款率', '费用率', '销售成本', '期初库存', '期末库存', '能力', '__proto__'), fc.oneof(value, fc.constant(null)));
    fc.assert(
      fc.property(terms, (t) => {
        expect(scoreWithTermsPrepared(prepared, t)).toStrictEqual(scoreWithTerms(card, t));
        expect(scoreWithTermsPrepared(prepared, t, { notApplicable: ['能力'] })).toEqual(scoreWithTerms(card, t, { notApplicable: ['能力'] }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('scoring in scorecard order', () => {
  it('gives what scoring by key gives, duplicate keys of an invalid card included', () => {
    const duplicate: Scorecard = { indicators: [{ key: 'a', weight: 50, target: 10, formula: 'x * 2' }, { key: 'a', weight: 50, target: 10, formula: 'x' }] };
    for (const c of [card, invalid, duplicate]) {
      const prepared = prepareScorecard(c);
      for (const t of [{ x: 4, 销售额: 90, 新客户: 9, 回款率: 0.9, 费用率: 0.04, 销售成本: 8, 期初库存: 2, 期末库存: 2, 能力: 4 }, { x: 4 }, {}]) {
        expect(scoreWithTermsPrepared(prepared, t)).toStrictEqual(scoreWithTerms(c, t));
        expect(scoreWithTermsPrepared(prepared, t, { notApplicable: ['a', '能力'] })).toStrictEqual(scoreWithTerms(c, t, { notApplicable: ['a', '能力'] }));
      }
    }
  });
});

describe('personScorer', () => {
  it('scores each row as scorePerson does, target overrides and NA included', () => {
    const found = scorecardTerms(card);
    if (!found.ok) throw new Error('terms');
    const table = {
      headers: ['person', '销售额', '新客户', '回款率', '费用率', '销售成本', '期初库存', '期末库存', '能力', 'target:销售额'],
      rows: [
        { row: 2, values: ['张三', '90', '9', '0.9', '0.04', '800', '200', '200', '4', ''] },
        { row: 3, values: ['李四', '70', '4', '0.6', '0.06', '800', '0', '0', '3', '80'] },
        { row: 4, values: ['王五', 'NA', '', '1,234.5', '5%', '１２', '1', '1', '2', ''] },
        { row: 5, values: ['赵六', '1e3', '+12', '.95', '0.05', '-1', '2', '2', '5', '1e2'] },
      ],
    };
    const read = readActualsTable(card, found.terms, table);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const score = personScorer(card);
    for (const person of read.people) expect(score(person)).toStrictEqual(scorePerson(card, person));
    const people: PersonActuals[] = read.people;
    expect(people.map((p) => score(p).status)).toEqual(['complete', 'incomplete', 'incomplete', 'complete']);
    expect(score(people[3]).indicators[0].target).toBe(100);
  });
});

describe('fast paths of the arithmetic', () => {
  it('exactSum is still correctly rounded and order-free', () => {
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([])).toBe(0);
  });

  it('applyVetoes with nothing triggered leaves the subtotal', () => {
    expect(applyVetoes(72.5, [])).toEqual({ total: 72.5, outcomes: [] });
  });
});
