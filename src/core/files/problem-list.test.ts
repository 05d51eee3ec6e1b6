/** The problems an import keeps: the first ones in file order, every one counted, memory bounded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, ProblemList } from './problem-list.ts';

type P = { row: number; code: string };

describe('ProblemList', () => {
  it('behaves as its doc example says', () => {
    const list = new ProblemList<P>(2);
    list.add({ row: 3, code: 'a' });
    list.add({ row: 1, code: 'b' });
    list.add({ row: 2, code: 'c' });
    expect(list.count).toBe(3);
    expect(list.listed()).toEqual([{ row: 1, code: 'b' }, { row: 2, code: 'c' }]);
    expect(list.summary()).toEqual({ count: 3, listed: 2, more: 1 });
  });

  it('keeps the first problems by row, then order, then as found — whatever order they come in — and counts all', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -1, max: 5 })), { maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (items, max) => {
        const list = new ProblemList<{ row: number; code: string }>(max);
        for (const [i, [row, order]] of items.entries()) list.add({ row, code: `${order}:${i}` }, order);
        const expected = items
          .map(([row, order], i) => ({ row, order, i }))
          .sort((a, b) => a.row - b.row || a.order - b.order || a.i - b.i)
          .slice(0, max)
          .map(({ row, order, i }) => ({ row, code: `${order}:${i}` }));
        expect(list.listed()).toEqual(expected);
        expect(list.count).toBe(items.length);
      }),
      { numRuns: 500 },
    );
  });

  it('holds a hundred of five million problems (issue 13: a header of five million unknown columns)', () => {
    const list = new ProblemList<P>();
    list.add({ row: 1, code: 'name_missing' }, -1);
    for (let i = 0; i < 5_000_000; i++) list.add({ row: 1, code: 'unknown_column' }, i);
    expect(list.count).toBe(5_000_001);
    expect(list.listed()).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(list.listed()[0].code).toBe('name_missing');
    expect(list.summary()).toEqual({ count: 5_000_001, listed: 100, more: 4_999_901 });
  });

  it('says nothing more when every problem is listed, and forgets all on clear', () => {
    const list = new ProblemList<P>();
    list.add({ row: 4, code: 'x' });
    expect(list.summary()).toEqual({ count: 1 });
    list.clear();
    expect([list.count, list.listed()]).toEqual([0, []]);
  });
});
