import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database, Tx } from './client.ts';
import * as schema from './schema/index.ts';

/**
 * A transaction on one checked-out connection, given both as the raw client (for COPY and for
 * SQL on tables Kedu makes at run time) and as Drizzle on that same connection. Committed when
 * `work` returns, rolled back when it throws (the error passes through).
 */
export async function inClientTransaction<T>(database: Database, work: (client: pg.PoolClient, tx: Tx) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client, drizzle(client, { schema }) as unknown as Tx);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
