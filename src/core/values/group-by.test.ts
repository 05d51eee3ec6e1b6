import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.ts';

describe('groupBy', () => {
  it('groups items by key, keeping their order', () => {
    const groups = groupBy([{ g: 'a', n: 1 }, { g: 'b', n: 2 }, { g: 'a', n: 3 }], (x) => x.g);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.map((x) => x.n)).toEqual([1, 3]);
    expect(groupBy([], (x) => x).size).toBe(0);
  });
});
