import { describe, expect, it } from 'vitest';
import { checkScorecardDesign } from '../../../core/scoring/design.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import { demoSalesCard } from '../demo/demo-appraisal.ts';
import { demoPeople, demoPositions } from '../demo/demo-company.ts';
import { pathOf } from './files.service.ts';
import { holdersByTemplate } from './holders.ts';
import { checkGrid } from './targets.service.ts';

describe('holdersByTemplate', () => {
  it('gives each person their direct template, else their position’s, per period kind', () => {
    const holders = holdersByTemplate(
      [
        { templateId: 'pos-month', period: 'month', positionId: 'rep', personId: null },
        { templateId: 'direct-month', period: 'month', positionId: null, personId: 'b' },
        { templateId: 'pos-quarter', period: 'quarter', positionId: 'rep', personId: null },
      ],
      [
        { id: 'a', positionId: 'rep' },
        { id: 'b', positionId: 'rep' },
        { id: 'c', positionId: null },
      ],
    );
    expect([...(holders.get('pos-month') ?? [])]).toEqual(['a']);
    expect([...(holders.get('direct-month') ?? [])]).toEqual(['b']);
    expect([...(holders.get('pos-quarter') ?? [])].sort()).toEqual(['a', 'b']);
  });
});

describe('pathOf', () => {
  it('reads a file path as the path of a detail', () => {
    expect(pathOf('indicators[2].rule.tiers[0]')).toEqual(['indicators', 2, 'rule', 'tiers', 0]);
    expect(pathOf('maxTotal')).toEqual(['maxTotal']);
    expect(pathOf('')).toEqual([]);
  });
});

describe('checkGrid', () => {
  const card: Scorecard = {
    indicators: [
      { key: 'sales', name: 'Sales', weight: 80, target: 10 },
      { key: 'skill', name: 'Skill', weight: 20, rule: { type: 'manual' } },
    ],
  };
  it('accepts targets above 0 and nulls for the periods of the year', () => {
    expect(checkGrid(card, 'quarter', 2026, { sales: { '2026-Q1': 5, '2026-Q4': null } })).toEqual([]);
  });
  it('locates every bad cell', () => {
    const codes = checkGrid(card, 'quarter', 2026, { sales: { '2026-Q1': 0, '2026-01': 5, '2025-Q1': 5, '2026-Q2': Number.NaN }, skill: { '2026-Q1': 3 }, x: {} }).map((d) => [
      d.path,
      d.code,
    ]);
    expect(codes).toEqual([
      [['body', 'values', 'sales', '2026-Q1'], 'scorecard.target_not_positive'],
      [['body', 'values', 'sales', '2026-01'], 'scorecard.target_wrong_period'],
      [['body', 'values', 'sales', '2025-Q1'], 'scorecard.target_wrong_period'],
      [['body', 'values', 'sales', '2026-Q2'], 'scorecard.target_not_positive'],
      [['body', 'values', 'skill'], 'scorecard.target_manual'],
      [['body', 'values', 'x'], 'scorecard.target_unknown_indicator'],
    ]);
  });
});

describe('the demo template', () => {
  it('names a source and a data owner for every indicator, the owners being positions and people of the demo company', () => {
    const missing = checkScorecardDesign(demoSalesCard).filter((i) => i.code === 'design.no_source' || i.code === 'design.no_data_owner');
    expect(missing).toEqual([]);
    for (const indicator of demoSalesCard.indicators) {
      expect(indicator.source?.reference, indicator.key).toBeTruthy();
      const owner = indicator.dataOwner!;
      const known = owner.kind === 'position' ? demoPositions.map((p) => p.name) : demoPeople.map((p) => p.name);
      expect(known, `${indicator.key}: ${owner.name}`).toContain(owner.name);
    }
  });
});
