import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTableStream } from './table-stream.ts';
import { crc32 } from './zip-check.ts';

const sample = path.resolve(import.meta.dirname, '../../../samples/imports/douyin-works.xlsx');

describe('zip integrity', () => {
  it('computes the zip CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('6789'), crc32(Buffer.from('12345')))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('refuses a workbook with any damaged byte in its parts as damaged, at once, never half-read', async () => {
    const original = fs.readFileSync(sample);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-zip-'));
    let refused = 0;
    // every 97th byte of the file damaged in turn: each is refused or (outside the parts) read whole
    for (let at = 0; at < original.length; at += 97) {
      const copy = Buffer.from(original);
      copy[at] = copy[at]! ^ 0xff;
      const file = path.join(dir, `damaged-${at}.xlsx`);
      fs.writeFileSync(file, copy);
      try {
        const stream = await openTableStream(file);
        let rows = 0;
        for await (const _ of stream.records) rows += 1;
        expect(rows, `byte ${at}`).toBeGreaterThan(0);
      } catch (err) {
        expect((err as { name: string }).name, `byte ${at}: ${(err as Error).message}`).toBe('SpreadsheetError');
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
