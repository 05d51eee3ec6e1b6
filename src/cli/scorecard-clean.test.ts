/**
 * The fast path of `kedu score`: a clean scorecard file is read without zod
 * (isCleanScorecardFile), which must say yes exactly when the schema of
 * src/contracts/scorecard.ts (parseScorecardFile) does, the file then read as the schema reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataOwner as dataOwnerSchema, indicatorSource, parseScorecardFile, SCORECARD_FORMAT, scorecardFile, scorecardIndicator, scorecardTier, scorecardVeto } from '../contracts/scorecard.ts';
import { isCleanScorecardFile } from './scorecard-clean.ts';

const docsCard = JSON.parse(
  fs
    .readFileSync(path.join(import.meta.dirname, '../../docs/scoring.md'), 'utf8')
    .split('<!-- example:scorecard -->')[1]
    .match(/```json\n([\s\S]*?)```/)![1],
);

const tier = { atLeast: 0.8, multiplier: 1.1 };
const veto = { below: 0.5, effect: { multiply: 0.5 } };
const source = { kind: 'budget', reference: '2025 年度预算' };
const dataOwner = { kind: 'position', name: '财务专员' };
/** Every field the schema knows, each filled in. */
const everything = {
  format: SCORECARD_FORMAT,
  name: '全部字段',
  period: '2025-06',
  indicators: [
    {
      key: '销售额',
      name: '销售额',
      purpose: '增长',
      unit: '元',
      direction: 'lower',
      achievement: 'inverse',
      formula: '收入-退货',
      weight: 40,
      target: 100,
      rule: { type: 'tiers', tiers: [tier, { above: 1, multiplier: 1.3 }], below: 'zero' },
      cap: 1.5,
      floor: 0.1,
      veto,
      source,
      dataOwner,
    },
    { key: 'b', name: 'B', direction: 'higher', weight: 20, target: 1, rule: { type: 'linear', points: [[0, 0], [1, 1]] }, veto: { below: 0.5, effect: 'zero' } },
    { key: 'c', name: 'C', direction: 'higher', weight: 20, rule: { type: 'manual', scale: [1, 10], mapTo: [0, 1] }, veto: { below: 0.5, effect: { capTotal: 60 } } },
    { key: 'd', name: 'D', direction: 'higher', weight: 20, target: 1, rule: { type: 'proportional' } },
  ],
  grades: [{ min: 90, grade: 'S' }],
  maxTotal: 120,
};

function agree(json: unknown): void {
  const parsed = parseScorecardFile(json);
  expect(isCleanScorecardFile(json), JSON.stringify(json)).toBe(parsed.ok);
  if (parsed.ok) expect(json).toStrictEqual(parsed.scorecard);
}

describe('isCleanScorecardFile', () => {
  it('knows every field of the schema', () => {
    expect(Object.keys(everything).sort()).toEqual(Object.keys(scorecardFile.shape).sort());
    expect(Object.keys(everything.indicators[0]).sort()).toEqual(Object.keys(scorecardIndicator.shape).sort());
    expect(Object.keys(tier).concat('above').sort()).toEqual(Object.keys(scorecardTier.shape).sort());
    expect(Object.keys(veto).sort()).toEqual(Object.keys(scorecardVeto.shape).sort());
    expect(Object.keys(source).sort()).toEqual(Object.keys(indicatorSource.shape).sort());
    expect(Object.keys(dataOwner).sort()).toEqual(Object.keys(dataOwnerSchema.shape).sort());
    expect(isCleanScorecardFile(everything)).toBe(true);
    agree(everything);
  });

  it('says yes to the example of the docs', () => {
    expect(isCleanScorecardFile(docsCard)).toBe(true);
    agree(docsCard);
  });

  it('says no to anything else, which parseScorecardFile then explains', () => {
    // never read from JSON, and left to the schema: arrays with holes or other keys
    const holes = structuredClone(everything) as { grades: unknown[] };
    holes.grades[2] = holes.grades[0];
    expect(isCleanScorecardFile(holes)).toBe(false);
    for (const bad of [null, [], 'x', {}, { ...docsCard, format: 'kedu.scorecard/v2' }, { ...docsCard, extra: 1 }, { ...docsCard, indicators: [] }]) agree(bad);
    agree({ ...everything, indicators: everything.indicators.map((i) => ({ ...i, weight: 10 })) }); // weights sum to 40
    agree(JSON.parse('{"__proto__": {}, "format": "kedu.scorecard/v1", "name": "x", "indicators": []}'));
  });

  it('agrees with the schema on random changes to a clean file', () => {
    const values = fc.constantFrom<unknown>(undefined, null, 0, -1, 0.5, 1.5, 100, '', 'x', 'a'.repeat(21), 'a'.repeat(51), 'a'.repeat(101), 'a'.repeat(201), [], {}, true, 'zero', 'higher', 'lower', 'mirror', 'inverse', 'proportional', 'tiers', 'linear', 'manual', SCORECARD_FORMAT, [1, 2], [2, 1], [1, 2, 3], [[0, 0], [1, 1]], { multiply: 0.5 }, { capTotal: 1 }, { type: 'proportional' }, { atLeast: 1, multiplier: 1 }, 'budget', 'position', 'person', 'gossip', { kind: 'strategy' }, { kind: 'person', name: '王建国' });
    /** Every object and array in `json`, with its path. */
    const containers = (json: unknown, at: (string | number)[] = []): (string | number)[][] =>
      json && typeof json === 'object' ? [at, ...(Array.isArray(json) ? [...json.entries()] : Object.entries(json)).flatMap(([k, v]) => containers(v, [...at, k]))] : [];
    const change = fc.record({ pick: fc.nat(), key: fc.constantFrom('type', 'key', 'name', 'weight', 'target', 'below', 'effect', 'min', 'grade', 'kind', 'reference', 'source', 'dataOwner', 'extra', 0, 1, 2), value: values, remove: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom(everything, docsCard), fc.array(change, { minLength: 1, maxLength: 3 }), (base, changes) => {
        let json = structuredClone(base) as Record<string, unknown>;
        for (const c of changes) {
          json = JSON.parse(JSON.stringify(json)); // as the CLI reads it: JSON
          const all = containers(json);
          const target = all[c.pick % all.length].reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, json);
          if (c.remove) delete target[c.key];
          else if (c.value !== undefined) target[c.key] = structuredClone(c.value);
        }
        agree(JSON.parse(JSON.stringify(json)));
      }),
      { numRuns: 1000 },
    );
  });
});
