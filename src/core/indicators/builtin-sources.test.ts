import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOAL_SOURCES } from '../goals/types.ts';
import { BUILTIN_INDICATORS } from './builtin.ts';
import { BUILTIN_SUGGESTED_SOURCES, suggestedSourceOf } from './builtin-sources.ts';

describe('suggested sources of the built-in indicators', () => {
  it('every built-in indicator has one of the six source kinds, and no other key has one', () => {
    expect(Object.keys(BUILTIN_SUGGESTED_SOURCES).sort()).toEqual(BUILTIN_INDICATORS.map((b) => b.key).sort());
    for (const b of BUILTIN_INDICATORS) expect(GOAL_SOURCES, b.key).toContain(suggestedSourceOf(b.key));
  });

  it('follows where the numbers come from: the budget, the processes, the duties', () => {
    const byName = (zh: string) => suggestedSourceOf(BUILTIN_INDICATORS.find((b) => b.name['zh-CN'] === zh)?.key);
    expect(['budget', 'annual_plan']).toContain(byName('销售额目标完成率'));
    expect(byName('客户订单批次按时完成率')).toBe('business_process');
    expect(['job_duties', 'business_process']).toContain(byName('人员流失率'));
    expect(byName('应收账款回收率')).toBe('business_process');
  });

  it('suggests nothing for a key that is not built in', () => {
    expect(suggestedSourceOf('my_own_indicator')).toBeNull();
    expect(suggestedSourceOf(null)).toBeNull();
    expect(suggestedSourceOf('toString')).toBeNull();
  });
});

describe('docs/indicators.md', () => {
  it('gives every built-in indicator its suggested source, as shipped', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/indicators.md'), 'utf8');
    for (const b of BUILTIN_INDICATORS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${b.key}\` |`));
      expect(row?.endsWith(`\`${suggestedSourceOf(b.key)}\` |`), `${b.key}: ${row}`).toBe(true);
    }
  });
});
