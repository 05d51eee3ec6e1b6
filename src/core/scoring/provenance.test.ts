import { describe, expect, it } from 'vitest';
import { GOAL_SOURCES } from '../goals/types.ts';
import { describeDataOwner, describeSource, hasDataOwner, hasSource, INDICATOR_SOURCE_KINDS, SOURCE_KIND_LABELS } from './provenance.ts';

describe('indicator source and data owner', () => {
  it('the source kinds are the goal source kinds, each labelled in both languages', () => {
    expect(INDICATOR_SOURCE_KINDS).toBe(GOAL_SOURCES);
    expect(Object.keys(SOURCE_KIND_LABELS).sort()).toEqual([...GOAL_SOURCES].sort());
    for (const label of Object.values(SOURCE_KIND_LABELS)) {
      expect(label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en).toMatch(/^[A-Z][a-z ]+$/);
    }
  });

  it('has a source only with one of the six kinds; a blank owner name is no owner', () => {
    expect(hasSource({ key: 'a', weight: 1 })).toBe(false);
    expect(hasSource({ key: 'a', weight: 1, source: { kind: 'budget' } })).toBe(true);
    expect(hasSource({ key: 'a', weight: 1, source: { kind: 'gossip' as never } })).toBe(false);
    expect(hasDataOwner({ key: 'a', weight: 1, dataOwner: { kind: 'position', name: '' } })).toBe(false);
    expect(hasDataOwner({ key: 'a', weight: 1, dataOwner: { kind: 'person', name: '王建国' } })).toBe(true);
  });

  it('says the source and the owner in words, in either language', () => {
    expect(describeSource({ kind: 'budget', reference: ' 2027 年度预算 ' }, 'zh-CN')).toBe('年度预算：2027 年度预算');
    expect(describeSource({ kind: 'business_process', reference: 'Order-to-cash' }, 'en')).toBe('Business process: Order-to-cash');
    expect(describeSource({ kind: 'strategy' }, 'en')).toBe('Strategy');
    expect(describeSource(undefined, 'en')).toBeNull();
    expect(describeDataOwner({ kind: 'position', name: '财务专员' }, 'zh-CN')).toBe('财务专员（岗位）');
    expect(describeDataOwner({ kind: 'person', name: 'Wang Jianguo' }, 'en')).toBe('Wang Jianguo (person)');
    expect(describeDataOwner({ kind: 'person', name: ' ' }, 'en')).toBeNull();
    expect(describeDataOwner(undefined, 'zh-CN')).toBeNull();
  });
});
