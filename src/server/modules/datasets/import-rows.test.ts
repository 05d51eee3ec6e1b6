/**
 * Reading a file's records into a dataset (import-rows.ts), without a database: the problems are
 * kept as the answer lists them (the first 100, all counted), and the reader's file is closed
 * whether every record was read or not (issue 13: "file handles closed only by garbage collection").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFields } from '../../../core/datasets/dataset-columns.ts';
import { openTableStream } from '../../files/table-stream.ts';
import { ORDERS_DATASET, ORDERS_HEADER } from '../../testing/dataset-fixtures.ts';
import { readRowsInto } from './import-rows.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-import-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const columns = withFields(ORDERS_DATASET.columns.map((c) => ({ name: c.name, type: c.type as 'text', snapshot: c.snapshot, aliases: c.aliases })));
const required = { date: '付款时间', keys: ['订单号'] };
const openFiles = () => fs.readdirSync('/proc/self/fd').length;

async function read(content: string, ext = 'csv') {
  const file = path.join(dir, `f${n++}.${ext}`);
  fs.writeFileSync(file, content);
  const stream = await openTableStream(file);
  return readRowsInto(stream.records, columns, required, 'batch', () => {});
}

describe('readRowsInto', () => {
  it('lists the first 100 problems, counts them all, and says how many more', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `="B${i}",Erin East,小程序,2026-10-03,abc,0,交易成功`);
    const outcome = await read([ORDERS_HEADER, ...rows].join('\n'));
    expect(outcome.problemCount).toBe(5000);
    expect(outcome.problems).toHaveLength(100);
    expect(outcome.problems[0]).toMatchObject({ row: 2, column: '实付金额', value: 'abc' });
    expect(outcome.problems[99]).toMatchObject({ row: 101 });
    expect(outcome.problemSummary).toEqual({ count: 5000, listed: 100, more: 4900 });
  });

  it.skipIf(!fs.existsSync('/proc/self/fd'))('closes the file when it stops early (columns missing) and when it reads to the end', async () => {
    // a file longer than the records looked at for the header, so that the reader is left mid-file
    const banner = Array.from({ length: 50_000 }, (_, i) => `x${i},y`).join('\n');
    const before = openFiles();
    const missing = await read(`a,b\n${banner}\n`);
    expect(missing.problems[0]).toMatchObject({ code: 'dataset.column_missing' });
    expect(openFiles(), 'no file left open after an early stop').toBe(before);
    await read([ORDERS_HEADER, '="B1",Erin East,小程序,2026-10-03,1,0,交易成功'].join('\n'));
    expect(openFiles()).toBe(before);
  });
});
