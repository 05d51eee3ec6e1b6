import { describe, expect, it } from 'vitest';
import { createMemo } from './identity-memo.ts';

describe('identity memo', () => {
  it('keeps an entry for its time, never past its own end, and forgets all on clear', () => {
    let clock = 0;
    const memo = createMemo<string>(5_000, () => clock);
    memo.set('token:a', 'Ada');
    memo.set('session:b', 'Bo', 2_000); // a session ending sooner
    clock = 1_999;
    expect([memo.get('token:a'), memo.get('session:b')]).toEqual(['Ada', 'Bo']);
    clock = 2_000;
    expect([memo.get('token:a'), memo.get('session:b')]).toEqual(['Ada', undefined]);
    clock = 5_000;
    expect(memo.get('token:a')).toBeUndefined();
    memo.set('token:a', 'Ada');
    memo.clear();
    expect(memo.get('token:a')).toBeUndefined();
  });
});
