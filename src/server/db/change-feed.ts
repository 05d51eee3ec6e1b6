import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Database } from './client.ts';

/**
 * What changed, as far as what a server keeps in memory is concerned:
 * - `workspace`: a write (or background work) changed a workspace's data — its cached answers go;
 * - `account`: a write outside any workspace (signing out, a token revoked) — identities go;
 * - `everything`: this server may have missed changes (its line to the others was down) — all goes.
 * Every change also forgets the identities kept (who a credential is, what role they have).
 */
export type Change = { scope: 'workspace'; workspaceId: string } | { scope: 'account' } | { scope: 'everything' };

/**
 * The one way a server learns that data changed, whichever server changed it (issue 13: many
 * servers on one PostgreSQL). `publish` tells this process's listeners at once and the other
 * servers through PostgreSQL's LISTEN/NOTIFY, which delivers a notification only once its
 * transaction has committed and to every listening connection within milliseconds.
 *
 * A server that cannot hear the others (its listening connection dropped) must not serve what
 * it keeps: `isLive()` is false until it has listened again, and both going down and coming back
 * publish `everything` locally, since notifications sent meanwhile are lost.
 *
 * The embedded database serves one process only (its data folder is locked), so there the feed
 * is this process's alone.
 */
export type ChangeFeed = {
  publish(change: Change): Promise<void>;
  subscribe(listener: (change: Change) => void): void;
  isLive(): boolean;
  close(): Promise<void>;
};

export const CHANGE_CHANNEL = 'kedu_changes';

/** Delays between attempts to listen again, growing to the last. */
const RECONNECT_DELAYS_MS = [100, 250, 500, 1_000, 2_000, 5_000];

export async function openChangeFeed(database: Database, logger?: FastifyBaseLogger): Promise<ChangeFeed> {
  const listeners: ((change: Change) => void)[] = [];
  const tell = (change: Change) => {
    for (const listener of listeners) listener(change);
  };
  if (database.kind === 'embedded') {
    return {
      async publish(change) {
        tell(change);
      },
      subscribe: (listener) => void listeners.push(listener),
      isLive: () => true,
      async close() {},
    };
  }

  // each server's notifications name it, so that it does not hear its own twice
  const self = randomUUID();
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;

  const lost = (why: unknown) => {
    if (closed) return;
    if (live) logger?.warn({ err: why }, 'lost the connection that hears other servers; not using cached answers until it is back');
    live = false;
    client?.removeAllListeners();
    client?.on('error', () => {});
    void client?.end().catch(() => {});
    client = null;
    tell({ scope: 'everything' });
    retry ??= setTimeout(
      () => {
        retry = null;
        void listen();
      },
      RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)],
    );
  };

  const listen = async () => {
    const next = database.newClient();
    client = next;
    next.on('error', lost);
    next.on('end', () => lost(new Error('connection ended')));
    next.on('notification', (message) => {
      const change = parseNotification(message.payload, self);
      if (change) tell(change);
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANGE_CHANNEL}`);
    } catch (err) {
      if (client === next) lost(err);
      return;
    }
    if (closed) return void next.end().catch(() => {});
    // what changed while nobody listened is unknown: start from nothing
    if (attempt > 0) tell({ scope: 'everything' });
    attempt = 0;
    live = true;
  };

  await listen();
  return {
    async publish(change) {
      tell(change);
      try {
        await database.pool.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify({ from: self, ...change })]);
      } catch (err) {
        // the write itself has committed; the other servers forget by their time limit instead
        logger?.warn({ err }, 'could not tell the other servers about a change');
      }
    },
    subscribe: (listener) => void listeners.push(listener),
    isLive: () => live,
    async close() {
      closed = true;
      live = false;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      last?.removeAllListeners();
      last?.on('error', () => {});
      await last?.end().catch(() => {});
    },
  };
}

/**
 * Tells every server on the database that anything may have changed: for the CLI, whose writes
 * (`kedu import`, `create-admin`, `demo`, `restore` against PostgreSQL) go through no server. On
 * the embedded database no server can run beside the CLI (the data folder is locked).
 */
export async function announceChange(database: Database, change: Change = { scope: 'everything' }): Promise<void> {
  if (database.kind !== 'postgres') return;
  await database.pool.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify({ from: 'cli', ...change })]);
}

/** A notification of another server as a Change; null for this server's own and for anything unreadable. */
export function parseNotification(payload: string | undefined, self: string): Change | null {
  if (!payload) return null;
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { from, scope, workspaceId } = data as Record<string, unknown>;
  if (from === self) return null;
  if (scope === 'workspace' && typeof workspaceId === 'string') return { scope, workspaceId };
  if (scope === 'account' || scope === 'everything') return { scope };
  return null;
}
