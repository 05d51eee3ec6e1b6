import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { adminQuery, isPostgresAvailable, pgUrlFor } from './postgres-available.ts';

/**
 * Prepares, once per run, a migrated embedded database (as a tarball each test file
 * loads in ~0.5 s instead of initialising one in ~6 s) and a migrated template database
 * on the real PostgreSQL that each test file clones. Under CI=true a missing PostgreSQL
 * fails the run instead of skipping its half of the suite.
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now()}`;
  const tmpDir = path.resolve('.tmp/test-run', runId);
  fs.mkdirSync(tmpDir, { recursive: true });

  const tarball = path.join(tmpDir, 'pglite-template.tar.gz');
  const embedded = await openDatabase({ kind: 'embedded', dataDir: null });
  await runMigrations(embedded);
  await embedded.embedded!.dumpTo(tarball);
  await embedded.close();

  const pgAvailable = await isPostgresAvailable();
  if (!pgAvailable && process.env.CI === 'true') {
    throw new Error('PostgreSQL is not reachable at 127.0.0.1:5432 and CI=true: the PostgreSQL half of the integration tests cannot run.');
  }
  const pgTemplate = `kedu_test_tpl_${runId}`;
  if (pgAvailable) {
    await adminQuery(`create database ${pgTemplate}`);
    const pgDb = await openDatabase({ kind: 'postgres', url: pgUrlFor(pgTemplate), poolSize: 1 });
    await runMigrations(pgDb);
    await pgDb.close();
  }

  project.provide('pgliteTemplate', tarball);
  project.provide('pgTemplate', pgAvailable ? pgTemplate : '');
  project.provide('runId', runId);

  return async () => {
    if (pgAvailable) {
      // clones made by test files that crashed are dropped here too
      await adminQuery(`drop database if exists ${pgTemplate} with (force)`);
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    runId: string;
  }
}
