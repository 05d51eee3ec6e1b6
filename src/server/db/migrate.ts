import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.ts';
import { MigrationError } from './migration-error.ts';

export { MigrationError };

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// any fixed number: app instances starting together on one PostgreSQL migrate one at a time
const MIGRATION_LOCK_KEY = 7_241_001;


/** Applies the committed drizzle-kit migrations; throws MigrationError naming the cause. */
export async function runMigrations(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const { drizzle } = await import('drizzle-orm/node-postgres');
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (err) {
    const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw new MigrationError(`Database migration failed: ${cause}`);
  } finally {
    client.release();
  }
}
