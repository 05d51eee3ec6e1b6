/**
 * Who a credential is, and what they are in a workspace, remembered for a few seconds.
 *
 * Every API call resolves its token or session and then its membership of the workspace: two
 * queries before any work. A dashboard read from cache costs less than that. So a resolved
 * identity is reused for a few seconds (`KEDU_IDENTITY_CACHE_SECONDS`, 5 by default) — and forgotten by every successful write through
 * the API (app.ts), on this server and — through the change feed (db/change-feed.ts) — on every
 * other server on the same PostgreSQL: signing out, revoking a token, changing a member's role or
 * a unit's lead take effect at once everywhere, as do the CLI's (`kedu create-admin`). Only a
 * change made with SQL by hand waits up to those few seconds.
 */
/** At most this many identities kept: a flood of callers cannot grow the memo without end. */
const MAX_ENTRIES = 10_000;

export type Memo<T> = {
  get(key: string): T | undefined;
  /**
   * The value for `key`: remembered, or resolved now and remembered — unless a `clear()` came
   * while it was being resolved (a sign-out committing meanwhile): then it is used once, not kept.
   */
  remember(key: string, resolve: () => Promise<T | null>, until?: (value: T) => number | undefined): Promise<T | null>;
  clear(): void;
};

/**
 * A map whose entries expire after `ttlMs` (or earlier, at `until`: a session ending sooner).
 * While `live()` is false (this server cannot hear the others' changes) nothing is kept.
 * @example const m = createMemo<number>(1000); await m.remember('a', async () => 1); m.get('a') // 1
 */
export function createMemo<T>(ttlMs: number, now: () => number = Date.now, live: () => boolean = () => true): Memo<T> {
  const entries = new Map<string, { value: T; until: number }>();
  let generation = 0;
  const set = (key: string, value: T, until?: number) => {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, until: Math.min(now() + ttlMs, until ?? Number.POSITIVE_INFINITY) });
  };
  return {
    get(key) {
      if (!live()) return undefined;
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (now() >= hit.until) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    async remember(key, resolve, until) {
      const known = this.get(key);
      if (known !== undefined) return known;
      const started = generation;
      const value = await resolve();
      if (value !== null && generation === started && live()) set(key, value, until?.(value));
      return value;
    },
    clear() {
      generation += 1;
      entries.clear();
    },
  };
}
