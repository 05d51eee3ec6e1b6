import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminQuery, pgUrlFor } from '../testing/postgres-available.ts';
import { availableKinds } from '../testing/harness.ts';
import { announceChange, type Change, type ChangeFeed, openChangeFeed, parseNotification } from './change-feed.ts';
import { type Database, openDatabase } from './client.ts';

/** Waits until `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!availableKinds().includes('postgres'))('the change feed between servers on one PostgreSQL', () => {
  const name = `kedu_feed_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  let databases: Database[] = [];
  let feeds: ChangeFeed[] = [];
  const heard: Change[][] = [[], []];

  beforeAll(async () => {
    await adminQuery(`create database ${name}`);
    databases = await Promise.all([0, 1].map(() => openDatabase({ kind: 'postgres', url: pgUrlFor(name), poolSize: 2 })));
    feeds = await Promise.all(databases.map((d) => openChangeFeed(d)));
    feeds.forEach((feed, i) => {
      feed.subscribe((change) => void heard[i]!.push(change));
    });
  });
  afterAll(async () => {
    for (const feed of feeds) await feed.close();
    for (const d of databases) await d.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it("tells its own listeners at once and the other server's within milliseconds, not its own twice", async () => {
    await feeds[0]!.publish({ scope: 'workspace', workspaceId: 'w1' });
    expect(heard[0]).toEqual([{ scope: 'workspace', workspaceId: 'w1' }]);
    await eventually(() => heard[1]!.length === 1, 2_000);
    expect(heard[1]).toEqual([{ scope: 'workspace', workspaceId: 'w1' }]);
    await feeds[1]!.publish({ scope: 'account' });
    await eventually(() => heard[0]!.length === 2, 2_000);
    expect(heard[0]![1]).toEqual({ scope: 'account' });
    expect(heard[1]).toHaveLength(2);
  });

  it('hears a change announced from a shell (the CLI has no feed of its own) as everything', async () => {
    heard[0]!.length = 0;
    heard[1]!.length = 0;
    const cli = await openDatabase({ kind: 'postgres', url: pgUrlFor(name), poolSize: 1 });
    try {
      await announceChange(cli);
    } finally {
      await cli.close();
    }
    await eventually(() => heard[0]!.length === 1 && heard[1]!.length === 1, 2_000);
    expect(heard).toEqual([[{ scope: 'everything' }], [{ scope: 'everything' }]]);
  });

  it('stops being live when its listening connection is cut, forgets everything, and listens again', async () => {
    heard[1]!.length = 0;
    expect(feeds[1]!.isLive()).toBe(true);
    // both feeds listen on this database: cut every listening connection but the ones of other tests
    await adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and query ilike 'listen %'`);
    await eventually(() => !feeds[1]!.isLive() || heard[1]!.some((c) => c.scope === 'everything'));
    expect(heard[1]).toContainEqual({ scope: 'everything' });
    await eventually(() => feeds[0]!.isLive() && feeds[1]!.isLive());
    // a change published meanwhile may be lost: coming back forgets everything once more
    expect(heard[1]!.filter((c) => c.scope === 'everything').length).toBeGreaterThanOrEqual(2);
    heard[1]!.length = 0;
    await feeds[0]!.publish({ scope: 'workspace', workspaceId: 'w2' });
    await eventually(() => heard[1]!.length === 1, 2_000);
    expect(heard[1]).toEqual([{ scope: 'workspace', workspaceId: 'w2' }]);
  });
});

describe('reading a notification', () => {
  it("ignores this server's own, unknown scopes and anything unreadable", () => {
    expect(parseNotification(JSON.stringify({ from: 'me', scope: 'account' }), 'me')).toBeNull();
    expect(parseNotification(JSON.stringify({ from: 'you', scope: 'account' }), 'me')).toEqual({ scope: 'account' });
    expect(parseNotification(JSON.stringify({ from: 'you', scope: 'workspace', workspaceId: 'w' }), 'me')).toEqual({ scope: 'workspace', workspaceId: 'w' });
    expect(parseNotification(JSON.stringify({ from: 'you', scope: 'workspace' }), 'me')).toBeNull();
    expect(parseNotification(JSON.stringify({ from: 'you', scope: 'drop tables' }), 'me')).toBeNull();
    expect(parseNotification('not json', 'me')).toBeNull();
    expect(parseNotification(undefined, 'me')).toBeNull();
    expect(parseNotification('null', 'me')).toBeNull();
  });
});
