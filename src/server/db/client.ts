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
  /** Time of the last query that completed: lets /healthz tell a busy database from a dead one. */
  lastAnsweredAt(): number;
  activeQueries(): number;
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
  if (options.kind === 'embedded') {
    embedded = await startEmbeddedServer(options);
    // PGlite runs one statement at a time; one connection keeps transactions whole
    pool = new pg.Pool({ host: embedded.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  } else {
    pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  }
  pool.on('error', () => {
    // an idle client lost its connection; the pool replaces it on next use
  });

  let lastAnswered = Date.now();
  let active = 0;
  const rawQuery = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  // count in-flight queries so health checks can tell "busy" from "gone"
  (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
    active++;
    try {
      const result = await rawQuery(...args);
      lastAnswered = Date.now();
      return result;
    } finally {
      active--;
    }
  };

  const db = drizzle(pool, { schema });
  return {
    kind: options.kind,
    db,
    pool,
    embedded,
    lastAnsweredAt: () => lastAnswered,
    activeQueries: () => active,
    async close() {
      await pool.end();
      await embedded?.close();
    },
  };
}
