/**
 * What the benchmarks share: the 8-indicator card they score and a seeded random generator, so
 * that bench/score.bench.ts (the CLI) and bench/cycle-recompute.bench.ts (the server) measure
 * the same work on the same data every run.
 */
import { seededRandom } from '../src/server/modules/demo/large-demo.random.ts';

/** Mixed rules: proportional, tiers, linear, manual, lower-is-better (mirror and inverse); 2 formulas; 3 vetoes. */
export const BENCH_CARD = {
  indicators: [
    { key: '销售额', name: '销售额', purpose: 'p', direction: 'higher', weight: 25, target: 1_000_000, rule: { type: 'proportional' }, cap: 1.2, veto: { below: 0.8, effect: { multiply: 0.5 } } },
    { key: '新客户', name: '新客户', purpose: 'p', direction: 'higher', weight: 15, target: 10, rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }], below: 'proportional' } },
    { key: '回款率', name: '回款率', purpose: 'p', direction: 'higher', weight: 10, target: 0.95, rule: { type: 'linear', points: [[0.8, 0], [0.9, 0.6], [1, 1]] }, veto: { below: 0.7, effect: 'zero' } },
    { key: '费用率', name: '费用率', purpose: 'p', direction: 'lower', achievement: 'mirror', weight: 10, target: 0.05, rule: { type: 'proportional' }, cap: 1.2 },
    { key: '周转率', name: '周转率', purpose: 'p', direction: 'higher', formula: '销售成本÷((期初库存+期末库存)/2)', weight: 10, target: 4, rule: { type: 'proportional' }, cap: 1.2 },
    { key: '毛利率', name: '毛利率', purpose: 'p', direction: 'higher', formula: '(收入-成本)/收入', weight: 10, target: 0.3, rule: { type: 'proportional' }, cap: 1.2, veto: { below: 0.5, effect: { capTotal: 60 } } },
    { key: '投诉率', name: '投诉率', purpose: 'p', direction: 'lower', achievement: 'inverse', weight: 5, target: 0.02, rule: { type: 'proportional' }, cap: 1.5 },
    { key: '能力', name: '能力', purpose: 'p', direction: 'higher', weight: 15, rule: { type: 'manual', scale: [1, 5] } },
  ],
  grades: [
    { min: 95, grade: 'S' },
    { min: 85, grade: 'A' },
    { min: 70, grade: 'B' },
    { min: 0, grade: 'C' },
  ],
  maxTotal: 120,
};

/** A small seeded generator (mulberry32, the large demo's): the same data every run. */
export const random = (seed: number): (() => number) => seededRandom(seed).next;

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const round = (x: number) => Math.round(x * 10) / 10;
