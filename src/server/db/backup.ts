import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import type pg from 'pg';
import type { Database } from './client.ts';
import type { DatasetColumn } from '../../core/datasets/dataset-columns.ts';
import { DATASET_TABLE, datasetTableDdl } from './dataset-tables.ts';

/**
 * Logical backup of every Kedu table to one gzip'd JSON-lines file, the same on the
 * embedded database and on PostgreSQL (so a backup also moves an installation from one
 * to the other). Line 1 is a header; then per table a `{"table"}` line followed by its rows.
 */
export const BACKUP_FORMAT = 'kedu.backup/v1';

export type BackupHeader = { format: string; version: string; createdAt: string; migrations: number; tables: Record<string, number> };

export class BackupError extends Error {}

/** Application tables, parents before children (foreign keys), drizzle's own bookkeeping excluded. */
async function tablesInDependencyOrder(client: pg.PoolClient): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const { rows: deps } = await client.query<{ child: string; parent: string }>(`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`);
  const names = tables.map((t) => t.name);
  const ordered: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    if (ordered.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const d of deps) if (d.child === name) visit(d.parent, seen);
    ordered.push(name);
  };
  // the tables of dataset rows last: a restore makes them from the datasets restored before them
  for (const name of names) if (!DATASET_TABLE.test(name)) visit(name, new Set());
  return [...ordered, ...names.filter((n) => DATASET_TABLE.test(n))];
}

/**
 * What a table is written from. Goals refer to their parent goal by a foreign key, so the
 * restore must meet every parent before its children: they are written top-down.
 */
function exportSource(table: string): string {
  if (table !== 'goals') return `"${table}"`;
  return `(with recursive level(id, depth) as (
      select id, 0 from goals where parent_id is null
      union all select g.id, level.depth + 1 from goals g join level on g.parent_id = level.id)
    select g.* from goals g join level using (id) order by level.depth)`;
}

async function migrationCount(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return rows[0].n;
}

export async function writeBackup(database: Database, file: string, version: string): Promise<BackupHeader> {
  const client = await database.pool.connect();
  const tmp = `${file}.partial`;
  try {
    // one consistent snapshot of every table
    await client.query('begin isolation level repeatable read read only');
    const tables = await tablesInDependencyOrder(client);
    const header: BackupHeader = { format: BACKUP_FORMAT, version, createdAt: new Date().toISOString(), migrations: await migrationCount(client), tables: {} };
    for (const t of tables) header.tables[t] = (await client.query<{ n: number }>(`select count(*)::int as n from "${t}"`)).rows[0].n;

    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const t of tables) {
        yield `${JSON.stringify({ table: t })}\n`;
        await client.query(`declare backup_cursor no scroll cursor for select row_to_json(x)::text as j from ${exportSource(t)} x`);
        for (;;) {
          const { rows } = await client.query<{ j: string }>('fetch 2000 from backup_cursor');
          if (rows.length === 0) break;
          yield `${rows.map((r) => r.j).join('\n')}\n`;
        }
        await client.query('close backup_cursor');
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(tmp));
    await client.query('commit');
    fs.renameSync(tmp, file); // a half-written backup never carries the final name
    return header;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    client.release();
  }
}

/** Replaces every table's content with the backup's, in one transaction: it all happens or none of it does. */
export async function restoreBackup(database: Database, file: string): Promise<BackupHeader> {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  if (!isGzip(file)) throw new BackupError(`${file} is not a Kedu backup (not a gzip file)`);
  const client = await database.pool.connect();
  let header: BackupHeader | null = null;
  try {
    await client.query('begin');
    let tables = await tablesInDependencyOrder(client);
    let current: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      // only the backup's columns: a column added by a later migration takes its default
      const columns = Object.keys(JSON.parse(batch[0]) as object)
        .map((c) => `"${c.replace(/"/g, '""')}"`)
        .join(', ');
      await client.query(`insert into "${current}" (${columns}) select ${columns} from json_populate_recordset(null::"${current}", $1::json)`, [`[${batch.join(',')}]`]);
      batch = [];
    };
    let lineNo = 0;
    // opened only now, so that a read error surfaces in this loop and not while we await above
    const input = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of input) {
      lineNo++;
      if (!line) continue;
      if (!header) {
        header = parseHeader(line);
        const have = await migrationCount(client);
        if (header.migrations > have) throw new BackupError(`the backup was made by a newer Kedu (schema ${header.migrations}, this one has ${have}); upgrade Kedu first`);
        // the dataset row tables are the backup's: dropped here, made again as the backup names them
        for (const t of tables.filter((n) => DATASET_TABLE.test(n))) await client.query(`drop table "${t}"`);
        tables = tables.filter((n) => !DATASET_TABLE.test(n));
        await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        const name = (JSON.parse(line) as { table: string }).table;
        if (DATASET_TABLE.test(name) && !tables.includes(name)) {
          const { rows } = await client.query<{ columns: DatasetColumn[] }>('select columns from datasets where table_name = $1', [name]);
          if (!rows[0]) throw new BackupError(`line ${lineNo}: the rows table "${name}" belongs to no dataset of the backup`);
          await client.query(datasetTableDdl(name, rows[0].columns));
          tables.push(name);
        }
        if (!tables.includes(name)) throw new BackupError(`line ${lineNo}: unknown table "${name}" in the backup`);
        current = name;
        continue;
      }
      batch.push(line);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    if (!header) throw new BackupError('the file is empty');
    await resetSequences(client);
    await client.query('commit');
    return header;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    if (String((err as NodeJS.ErrnoException).code ?? '').startsWith('Z_')) {
      throw new BackupError(`${file} is damaged (${(err as Error).message})`);
    }
    if (err instanceof SyntaxError) throw new BackupError(`${file} is damaged: a line is not valid JSON`);
    throw err;
  } finally {
    client.release();
  }
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line) as BackupHeader;
  } catch {
    throw new BackupError('not a Kedu backup: the first line is not a header');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError(`not a Kedu backup (format "${String(header.format)}", expected ${BACKUP_FORMAT})`);
  return header;
}

/** bigserial counters continue after the restored rows. */
async function resetSequences(client: pg.PoolClient) {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(`
    select s.relname as seq, t.relname as tbl, a.attname as col
    from pg_class s join pg_depend d on d.objid = s.oid join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid join pg_namespace n on n.oid = s.relnamespace
    where s.relkind = 'S' and n.nspname = 'public'`);
  for (const r of rows) {
    await client.query(`select setval('"${r.seq}"', coalesce((select max("${r.col}") from "${r.tbl}"), 0) + 1, false)`);
  }
}
