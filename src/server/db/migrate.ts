import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import PgBoss from 'pg-boss';
import type { Database } from './client.ts';
import { MigrationError } from './migration-error.ts';

export { MigrationError };

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// any fixed number: app instances starting together on one PostgreSQL migrate one at a time
const MIGRATION_LOCK_KEY = 7_241_001;

/** The schema of pg-boss, the job queue (docs/architecture.md "Jobs"). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/** Applies the committed drizzle-kit migrations and installs the job queue's tables; throws MigrationError naming the cause. */
export async function runMigrations(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const { drizzle } = await import('drizzle-orm/node-postgres');
      await migrate(drizzle(client), { migrationsFolder });
      await installJobQueue(client);
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

/**
 * pg-boss's own tables, created with the rest of the schema (so test databases cloned from a
 * template have them); a newer pg-boss migrates its schema itself when the queue starts.
 */
async function installJobQueue(client: { query(text: string): Promise<{ rows: { name: string | null }[] }> }): Promise<void> {
  const { rows } = await client.query(`select to_regclass('${JOB_QUEUE_SCHEMA}.version')::text as name`);
  if (rows[0]?.name) return;
  await client.query(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
}
