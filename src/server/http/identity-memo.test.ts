import { describe, expect, it } from 'vitest';
import { createMemo } from './identity-memo.ts';

describe('identity memo', () => {
  it('keeps an entry for its time, never past its own end, and forgets all on clear', async () => {
    let clock = 0;
    const memo = createMemo<string>(5_000, () => clock);
    await memo.remember('token:a', async () => 'Ada');
    await memo.remember('session:b', async () => 'Bo', () => 2_000); // a session ending sooner
    clock = 1_999;
    expect([memo.get('token:a'), memo.get('session:b')]).toEqual(['Ada', 'Bo']);
    clock = 2_000;
    expect([memo.get('token:a'), memo.get('session:b')]).toEqual(['Ada', undefined]);
    clock = 5_000;
    expect(memo.get('token:a')).toBeUndefined();
    await memo.remember('token:a', async () => 'Ada');
    memo.clear();
    expect(memo.get('token:a')).toBeUndefined();
  });

  it('does not keep what was resolved while a clear came (a sign-out committing meanwhile), nor unknown callers', async () => {
    const memo = createMemo<string>(5_000);
    let release!: (v: string) => void;
    const pending = memo.remember('token:a', () => new Promise<string>((resolve) => (release = resolve)));
    memo.clear();
    release('Ada');
    expect(await pending).toBe('Ada');
    expect(memo.get('token:a')).toBeUndefined();
    expect(await memo.remember('token:x', async () => null)).toBeNull();
    expect(memo.get('token:x')).toBeUndefined();
  });

  it('neither answers from nor keeps anything while the other servers cannot be heard', async () => {
    let live = true;
    const memo = createMemo<string>(5_000, Date.now, () => live);
    await memo.remember('token:a', async () => 'Ada');
    live = false;
    expect(memo.get('token:a')).toBeUndefined();
    expect(await memo.remember('token:b', async () => 'Bo')).toBe('Bo');
    live = true;
    expect(memo.get('token:b')).toBeUndefined();
  });
});
