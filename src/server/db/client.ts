import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type EmbeddedOptions, type EmbeddedServer, startEmbeddedServer } from './embedded.ts';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  kind: 'embedded' | 'postgres';
  db: Db;
  pool: pg.Pool;
  /** The embedded server, when kind is 'embedded' (backup and test cloning use it). */
  embedded: EmbeddedServer | null;
  /** When a query last completed, and when the longest-running one started (null when none runs): */
  /** together they let /healthz tell a busy database from one that has stopped answering. */
  lastAnsweredAt(): number;
  oldestQueryStartedAt(): number | null;
  /** A connection of its own, outside the pool (the caller connects and ends it): for LISTEN (db/change-feed.ts). */
  newClient(): pg.Client;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | ({ kind: 'embedded' } & EmbeddedOptions);

// numeric and bigint come back as strings by default; counts are small enough for numbers
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedServer | null = null;
  let pool: pg.Pool;
  let connection: pg.ClientConfig;
  if (options.kind === 'embedded') {
    embedded = await startEmbeddedServer(options);
    connection = { host: embedded.socketDir, port: 5432, user: 'postgres', database: 'postgres' };
    // PGlite runs one statement at a time; one connection keeps transactions whole
    pool = new pg.Pool({ ...connection, max: 1 });
  } else {
    connection = { connectionString: options.url };
    pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  }
  pool.on('error', () => {
    // an idle client lost its connection; the pool replaces it on next use
  });

  const activity = trackActivity(pool);

  const db = drizzle(pool, { schema });
  return {
    kind: options.kind,
    db,
    pool,
    embedded,
    lastAnsweredAt: activity.lastAnsweredAt,
    oldestQueryStartedAt: activity.oldestQueryStartedAt,
    newClient: () => new pg.Client(connection),
    async close() {
      await pool.end();
      await embedded?.close();
    },
  };
}

/**
 * Watches every query on every connection of the pool (transactions included, which run
 * on a checked-out client rather than through pool.query).
 */
function trackActivity(pool: pg.Pool) {
  let lastAnswered = Date.now();
  const running = new Map<number, number>(); // query id → start time
  let nextId = 0;
  pool.on('connect', (client) => {
    const raw = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const result = raw(...args);
      // promise-style calls only (drizzle's); streams and callbacks pass through untracked
      if (result instanceof Promise) {
        const id = nextId++;
        running.set(id, Date.now());
        result.then(
          () => {
            running.delete(id);
            lastAnswered = Date.now();
          },
          () => running.delete(id),
        );
      }
      return result;
    };
  });
  return {
    lastAnsweredAt: () => lastAnswered,
    oldestQueryStartedAt: () => (running.size === 0 ? null : Math.min(...running.values())),
  };
}
