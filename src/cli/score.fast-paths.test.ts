/**
 * The fast path of `kedu score`'s JSON output: written piece by piece (writeJson), the same text
 * as formatJson. The fast reading of a clean scorecard: scorecard-clean.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatJson, type OutputWarning, type PersonOutput, writeJson } from './score-output.ts';

describe('writeJson', () => {
  const person = (i: number): PersonOutput => ({
    person: `P${i}`,
    status: i % 3 === 0 ? 'incomplete' : 'complete',
    subtotal: i % 3 === 0 ? null : i / 7,
    total: i % 3 === 0 ? null : i / 7,
    grade: i % 2 === 0 ? 'S' : null,
    vetoes: i % 5 === 0 ? ['销售额'] : [],
    indicators: [{ key: '销售额', actual: i, target: 100, achievement: i / 100, multiplier: i / 100, points: i / 5, notApplicable: false, vetoTriggered: i % 5 === 0, error: null }],
  });
  const warnings: OutputWarning[] = [{ source: 'scorecard', code: 'design.uncapped', message: '“销售额”\n', indicator: '销售额' }];

  it.each([0, 1, 2, 5000])('writes what formatJson gives, for %i results', (count) => {
    const results = Array.from({ length: count }, (_, i) => person(i));
    for (const w of [warnings, []]) {
      const pieces: string[] = [];
      writeJson((text) => pieces.push(text), count, (i) => results[i], w);
      expect(pieces.join('')).toBe(formatJson(results, w));
      if (count === 5000) expect(pieces.length).toBeGreaterThan(1);
    }
  });
});
