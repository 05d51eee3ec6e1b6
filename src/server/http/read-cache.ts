/**
 * Answers of expensive reads, kept per workspace until something in the workspace changes.
 *
 * Dashboards group thousands of goals and results; a team opening Home in the morning would
 * have each request recompute the same answer. The goal form's SMART check reads an owner's
 * history (a metric over a whole dataset) as the form is typed: once is enough. Every successful write to a workspace through
 * the API forgets that workspace's answers at once (http/workspace-scope.ts), so what people see after
 * their own change is always fresh. Another server on the same PostgreSQL tells this one through
 * the change feed (db/change-feed.ts) within milliseconds; while this server cannot hear the others
 * (`live()` false) it keeps nothing. The CLI announces its writes the same way; `ttlMs` bounds
 * what nothing announced (a change made with SQL by hand).
 */
export type ReadCache = {
  /** The stored answer, or the one `compute` gives (stored when it was computed on an unchanged workspace). */
  read(workspaceId: string, key: string, compute: () => Promise<string>): Promise<string>;
  /** Forgets every answer of a workspace. */
  invalidate(workspaceId: string): void;
  /** Forgets every answer of every workspace. */
  invalidateAll(): void;
};

type Entry = { at: number; body: string };
/** `computing`: answers being computed, by key, with the workspace version they started on. */
type Space = { version: number; entries: Map<string, Entry>; computing: Map<string, { version: number; body: Promise<string> }> };

/** Most answers kept per workspace: one per person's own view at most, so a large team stays bounded. */
const MAX_ENTRIES = 1_000;

export function createReadCache(options: { ttlMs: number; now?: () => number; live?: () => boolean }): ReadCache {
  const now = options.now ?? Date.now;
  const live = options.live ?? (() => true);
  const spaces = new Map<string, Space>();
  const spaceOf = (workspaceId: string): Space => {
    let space = spaces.get(workspaceId);
    if (!space) spaces.set(workspaceId, (space = { version: 0, entries: new Map(), computing: new Map() }));
    return space;
  };
  return {
    async read(workspaceId, key, compute) {
      if (options.ttlMs <= 0 || !live()) return compute();
      const space = spaceOf(workspaceId);
      const hit = space.entries.get(key);
      if (hit && now() - hit.at < options.ttlMs) return hit.body;
      const version = space.version;
      // the same answer already being computed since the last change: wait for it rather than
      // compute it again (after a write, every client of a team asks for the same view at once)
      const running = space.computing.get(key);
      if (running && running.version === version) return running.body;
      const pending = compute();
      space.computing.set(key, { version, body: pending });
      try {
        const body = await pending;
        // a write that landed while we computed may not be in this answer: keep it only if none did
        // (and only if the other servers could have told us of theirs meanwhile)
        if (space.version === version && live()) {
          if (space.entries.size >= MAX_ENTRIES) space.entries.delete(space.entries.keys().next().value!);
          space.entries.set(key, { at: now(), body });
        }
        return body;
      } finally {
        if (space.computing.get(key)?.body === pending) space.computing.delete(key);
      }
    },
    invalidate(workspaceId) {
      const space = spaceOf(workspaceId);
      space.version += 1;
      space.entries.clear();
      space.computing.clear();
    },
    invalidateAll() {
      for (const space of spaces.values()) {
        space.version += 1;
        space.entries.clear();
        space.computing.clear();
      }
    },
  };
}
