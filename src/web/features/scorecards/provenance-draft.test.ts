import { describe, expect, it } from 'vitest';
import type { Indicator, TemplateCard } from '../../api.ts';
import { SOURCE_KIND_LABELS } from '../../../core/scoring/provenance.ts';
import { goalsEn } from '../../i18n/goals.en.ts';
import { goalsZhCN } from '../../i18n/goals.zh-CN.ts';
import { emptyIndicator, fromCard, fromLibrary, toCard } from './card-draft.ts';

/** A workspace indicator as the library API gives it (only what fromLibrary reads matters). */
const libraryIndicator = (over: Partial<Indicator>): Indicator => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'mine',
  name: '销售额目标完成率',
  nameEn: null,
  purpose: '衡量销售目标的达成程度。',
  perspective: 'finance',
  kind: 'result',
  nature: 'financial',
  unit: '%',
  direction: 'higher',
  formula: '实际销售额/目标销售额×100%',
  terms: [],
  period: 'month',
  rollUp: 'recompute',
  status: 'active',
  sourceBuiltinKey: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('the source and data owner of an indicator in the editor', () => {
  const card: TemplateCard = {
    indicators: [
      {
        key: '销售额',
        name: '销售额',
        direction: 'higher',
        weight: 60,
        target: 100,
        rule: { type: 'proportional' },
        source: { kind: 'budget', reference: '2027 年度预算' },
        dataOwner: { kind: 'person', name: '王建国' },
      },
      { key: '回款', name: '回款', direction: 'higher', weight: 40, target: 1, rule: { type: 'proportional' } },
    ],
  };

  it('reads them from a saved card and writes them back unchanged; a card without them stays without', () => {
    const draft = fromCard(card);
    expect(draft.indicators[0]).toMatchObject({ sourceKind: 'budget', sourceReference: '2027 年度预算', ownerKind: 'person', ownerName: '王建国', sourceSuggested: false });
    expect(draft.indicators[1]).toMatchObject({ sourceKind: null, sourceReference: '', ownerName: '' });
    expect(toCard(draft).indicators).toEqual(card.indicators);
  });

  it('trims what is typed, drops a blank owner, and keeps a reference typed without a kind so the check can say the kind is missing', () => {
    const typed = emptyIndicator({ key: 'a', name: 'A', weight: 100, target: 1, sourceKind: 'strategy', sourceReference: '  ', ownerName: ' 财务专员 ' });
    expect(toCard({ indicators: [typed], grades: [], maxTotal: null }).indicators[0]).toMatchObject({ source: { kind: 'strategy' }, dataOwner: { kind: 'position', name: '财务专员' } });
    const noKind = emptyIndicator({ key: 'a', name: 'A', weight: 100, target: 1, sourceReference: '年度预算', ownerName: '   ' });
    const written = toCard({ indicators: [noKind], grades: [], maxTotal: null }).indicators[0];
    expect(written.source).toEqual({ reference: '年度预算' });
    expect(written).not.toHaveProperty('dataOwner');
  });

  it('preselects the suggested source of a built-in indicator, marked as a suggestion; nothing for one of the workspace’s own', () => {
    const copied = fromLibrary(libraryIndicator({ sourceBuiltinKey: 'sales_target_achievement' }), []);
    expect(copied).toMatchObject({ sourceKind: 'budget', sourceSuggested: true });
    expect(fromLibrary(libraryIndicator({ key: 'order_batches_on_time_rate' }), []).sourceKind).toBe('business_process');
    expect(fromLibrary(libraryIndicator({ key: 'mine' }), [])).toMatchObject({ sourceKind: null, sourceSuggested: false });
    // the suggestion is on the card as soon as it is saved
    expect(toCard({ indicators: [{ ...copied, weight: 100, target: 1 }], grades: [], maxTotal: null }).indicators[0].source).toEqual({ kind: 'budget' });
  });

  it('the server names the source kinds with the web app’s goal labels (exports and the app agree)', () => {
    for (const [kind, label] of Object.entries(SOURCE_KIND_LABELS)) {
      expect(goalsZhCN.source[kind as keyof typeof goalsZhCN.source]).toBe(label['zh-CN']);
      expect(goalsEn.source[kind as keyof typeof goalsEn.source]).toBe(label.en);
    }
  });
});
