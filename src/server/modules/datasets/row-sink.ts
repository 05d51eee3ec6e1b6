import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import type { DatasetColumn } from '../../../core/datasets/dataset-columns.ts';
import { rowFields, SQL_TYPES } from '../../db/dataset-tables.ts';

/**
 * Where an import writes its rows, one COPY text line at a time, inside the caller's
 * transaction. PostgreSQL takes them as COPY FROM STDIN (a million rows in about a second);
 * the embedded database cannot speak COPY over its socket, so there rows go in batches of
 * multi-row INSERTs from arrays.
 */
export type RowSink = {
  /** One row as COPY text fields (see copyField), without the line end. */
  write(fields: readonly string[]): Promise<void> | void;
  /** Sends what is buffered and waits until the database has every row. */
  finish(): Promise<void>;
  /** Stops writing; the caller rolls the transaction back. */
  abort(): Promise<void>;
};

export function openRowSink(client: pg.PoolClient, kind: 'embedded' | 'postgres', tableName: string, columns: readonly DatasetColumn[]): RowSink {
  return kind === 'postgres' ? copySink(client, tableName, columns) : insertSink(client, tableName, columns);
}

/** Lines gathered into chunks of this many bytes before they are written to the COPY stream. */
const COPY_CHUNK = 256 * 1024;

function copySink(client: pg.PoolClient, tableName: string, columns: readonly DatasetColumn[]): RowSink {
  const stream: Writable = client.query(copyFrom(`COPY ${tableName} (${rowFields(columns).join(', ')}) FROM STDIN`));
  let failure: Error | null = null;
  stream.on('error', (err) => {
    failure = err;
  });
  let buffer = '';
  const flush = async () => {
    if (failure) throw failure;
    const chunk = buffer;
    buffer = '';
    if (chunk && !stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    if (failure) throw failure;
  };
  return {
    write(fields) {
      buffer += `${fields.join('\t')}\n`;
      if (buffer.length >= COPY_CHUNK) return flush();
    },
    async finish() {
      await flush();
      const done = once(stream, 'finish');
      stream.end();
      await Promise.race([done, once(stream, 'error').then(([err]) => Promise.reject(err))]);
      if (failure) throw failure;
    },
    async abort() {
      // ending the stream with an error makes pg-copy-streams send CopyFail: the server drops the rows
      stream.destroy(new Error('import aborted'));
      await once(stream, 'close').catch(() => {});
    },
  };
}

const INSERT_ROWS = 2_000;

function insertSink(client: pg.PoolClient, tableName: string, columns: readonly DatasetColumn[]): RowSink {
  const fields = rowFields(columns);
  const types = ['uuid', 'integer', ...columns.map((c) => SQL_TYPES[c.type])];
  const casts = fields.map((f, i) => `u.${f}::${types[i]}`).join(', ');
  const text = `INSERT INTO ${tableName} (${fields.join(', ')}) SELECT ${casts} FROM unnest(${fields.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${fields.join(', ')})`;
  let rows: (string | null)[][] = fields.map(() => []);
  let count = 0;
  const flush = async () => {
    if (count === 0) return;
    const params = rows;
    rows = fields.map(() => []);
    count = 0;
    await client.query(text, params);
  };
  return {
    write(values) {
      for (let i = 0; i < values.length; i++) rows[i]!.push(fromCopyField(values[i]!));
      count += 1;
      if (count >= INSERT_ROWS) return flush();
    },
    finish: flush,
    async abort() {
      rows = fields.map(() => []);
      count = 0;
    },
  };
}

/** Undoes copyField for the array path (parameters carry text as it is). */
function fromCopyField(field: string): string | null {
  if (field === '\\N') return null;
  return field.includes('\\') ? field.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!) : field;
}
