import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.ts';

describe('read cache', () => {
  const counter = () => {
    let n = 0;
    return async () => String(++n);
  };

  it('reuses an answer until the workspace changes, per workspace and key', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    const compute = counter();
    expect(await cache.read('ws1', 'company', compute)).toBe('1');
    expect(await cache.read('ws1', 'company', compute)).toBe('1');
    expect(await cache.read('ws1', 'team:all', compute)).toBe('2');
    expect(await cache.read('ws2', 'company', compute)).toBe('3');
    cache.invalidate('ws1');
    expect(await cache.read('ws1', 'company', compute)).toBe('4');
    expect(await cache.read('ws2', 'company', compute)).toBe('3');
  });

  it('forgets an answer after its time', async () => {
    let clock = 0;
    const cache = createReadCache({ ttlMs: 1_000, now: () => clock });
    const compute = counter();
    expect(await cache.read('ws', 'k', compute)).toBe('1');
    clock = 999;
    expect(await cache.read('ws', 'k', compute)).toBe('1');
    clock = 1_000;
    expect(await cache.read('ws', 'k', compute)).toBe('2');
  });

  it('does not keep an answer computed while a write landed (it may predate the write)', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    let release!: () => void;
    const slow = cache.read('ws', 'k', () => new Promise<string>((resolve) => (release = () => resolve('before'))));
    cache.invalidate('ws');
    release();
    expect(await slow).toBe('before');
    expect(await cache.read('ws', 'k', async () => 'after')).toBe('after');
  });

  it('with no time to live, always computes', async () => {
    const cache = createReadCache({ ttlMs: 0 });
    const compute = counter();
    await cache.read('ws', 'k', compute);
    expect(await cache.read('ws', 'k', compute)).toBe('2');
  });

  it('keeps nothing while the other servers cannot be heard, and forgets every workspace on invalidateAll', async () => {
    let live = true;
    const cache = createReadCache({ ttlMs: 60_000, live: () => live });
    const compute = counter();
    await cache.read('ws', 'k', compute);
    await cache.read('other', 'k', compute);
    live = false;
    expect(await cache.read('ws', 'k', compute)).toBe('3');
    live = true;
    expect(await cache.read('ws', 'k', compute)).toBe('1');
    cache.invalidateAll();
    expect(await cache.read('ws', 'k', compute)).toBe('4');
    expect(await cache.read('other', 'k', compute)).toBe('5');
  });

  it('computes an answer once for the readers that ask for it at the same time, but again for one asking after a write', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    let computed = 0;
    let release!: () => void;
    const slow = () => {
      const n = ++computed;
      return new Promise<string>((resolve) => (release = () => resolve(String(n))));
    };
    const first = cache.read('ws', 'k', slow);
    const second = cache.read('ws', 'k', slow);
    release();
    expect(await Promise.all([first, second])).toEqual(['1', '1']);
    expect(computed).toBe(1);

    const before = cache.read('ws', 'k2', slow);
    const releaseBefore = release;
    cache.invalidate('ws');
    // asked after the write: its own computation, not the one that may predate the write
    const after = cache.read('ws', 'k2', slow);
    release();
    releaseBefore();
    expect(await after).toBe('3');
    expect(await before).toBe('2');
    expect(computed).toBe(3);
  });

  it('gives a failed computation to the readers that waited for it, and computes again for the next', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('database gone');
    };
    const results = await Promise.allSettled([cache.read('ws', 'k', failing), cache.read('ws', 'k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(await cache.read('ws', 'k', async () => 'back')).toBe('back');
  });
});
