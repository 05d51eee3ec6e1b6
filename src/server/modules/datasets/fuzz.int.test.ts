import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, expect, it } from 'vitest';
import { random } from '../../../../bench/support.ts';
import { errorBody } from '../../../contracts/common.ts';
import { datasetFromPreview } from '../../../contracts/datasets.ts';
import { importFile } from '../../testing/dataset-fixtures.ts';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';
import { multipartFile, writeFingerprint } from '../../testing/sessions.ts';

/**
 * 1,000 corrupted variants of the sample exports — truncated, cut mid-character, re-encoded,
 * random bytes, huge cells, lost and shuffled columns, broken workbooks — each imported into
 * the dataset of its layout. Every one is either imported whole (the batch holds every row it
 * says it has) or refused with a located error and nothing written; never a server error.
 */
const VARIANTS = Number(process.env.KEDU_FUZZ_VARIANTS ?? 1000);
const samples = path.resolve(import.meta.dirname, '../../../../samples/imports');
const files = fs.readdirSync(samples).filter((f) => /\.(csv|xlsx)$/.test(f)).sort();

type Variant = { file: string; how: string; bytes: Buffer };

function variants(): Variant[] {
  const next = random(4);
  const int = (n: number) => Math.floor(next() * n);
  const originals = files.map((file) => ({ file, bytes: fs.readFileSync(path.join(samples, file)) }));
  const lines = (b: Buffer) => b.toString('latin1').split('\n');
  const fromLines = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');
  /** Changes one data row (not the header); a file without one is left as it is. */
  const withRow = (b: Buffer, change: (ls: string[], i: number) => void) => {
    const ls = lines(b);
    if (ls.length < 2) return b;
    change(ls, 1 + int(ls.length - 1));
    return fromLines(ls);
  };
  const mutations: { how: string; csvOnly?: boolean; apply: (b: Buffer) => Buffer }[] = [
    { how: 'truncated at a random byte', apply: (b) => b.subarray(0, int(b.length)) },
    { how: 'a row cut short', csvOnly: true, apply: (b) => withRow(b, (ls, i) => { ls[i] = ls[i]!.slice(0, int(ls[i]!.length)); }) },
    { how: 'a row dropped', csvOnly: true, apply: (b) => withRow(b, (ls, i) => { ls.splice(i, 1); }) },
    { how: 'a row repeated', csvOnly: true, apply: (b) => withRow(b, (ls, i) => { ls.splice(i, 0, ls[i]!); }) },
    { how: 'random bytes inserted', apply: (b) => { const at = int(b.length); const junk = Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256))); return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]); } },
    { how: 'random bytes overwritten', apply: (b) => { const c = Buffer.from(b); for (let k = 0; k < 1 + int(8); k++) c[int(c.length)] = int(256); return c; } },
    { how: 'a quote, comma or line break inserted', csvOnly: true, apply: (b) => { const at = int(b.length); return Buffer.concat([b.subarray(0, at), Buffer.from(['"', ',', '\n', '\r', '""'][int(5)]!), b.subarray(at)]); } },
    { how: 'a huge cell', csvOnly: true, apply: (b) => withRow(b, (ls, i) => { ls[i] = `${'x'.repeat([5_000, 20_000, 70_000, 1_100_000][int(4)]!)},${ls[i]}`; }) },
    { how: 'text re-encoded as GBK', csvOnly: true, apply: (b) => iconv.encode(iconv.decode(b, 'utf8'), 'gbk') },
    { how: 'GBK read as Latin-1 and saved as UTF-8', csvOnly: true, apply: (b) => Buffer.from(b.toString('latin1'), 'utf8') },
    { how: 'saved as UTF-16', csvOnly: true, apply: (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(iconv.decode(b, 'utf8'), 'utf16le')]) },
    { how: 'a header renamed', csvOnly: true, apply: (b) => { const ls = lines(b); const cells = (ls[0] ?? '').split(','); cells[int(cells.length)] = 'zz'; ls[0] = cells.join(','); return fromLines(ls); } },
    { how: 'two columns swapped', csvOnly: true, apply: (b) => { const ls = lines(b); const i = int(8); const j = int(8); return fromLines(ls.map((l) => { const c = l.split(','); [c[i], c[j]] = [c[j]!, c[i]!]; return c.join(','); })); } },
    { how: 'a number made a word', csvOnly: true, apply: (b) => Buffer.from(b.toString('latin1').replace(/(,)(\d+)(,)/, `$1${['abc', '1,2,3', '1e999', '9'.repeat(20), '--5'][int(5)]}$3`), 'latin1') },
    { how: 'emptied', apply: () => Buffer.alloc(0) },
    { how: 'only the header', csvOnly: true, apply: (b) => fromLines(lines(b).slice(0, 1)) },
    { how: 'blank lines added', csvOnly: true, apply: (b) => { const ls = lines(b); ls.splice(1 + int(ls.length - 1), 0, '', ',,,', '   '); return fromLines(ls); } },
  ];
  const out: Variant[] = [];
  while (out.length < VARIANTS) {
    const original = originals[int(originals.length)]!;
    const isCsv = original.file.endsWith('.csv');
    const usable = mutations.filter((m) => isCsv || !m.csvOnly);
    // one to three mutations on top of each other
    let bytes: Buffer = original.bytes;
    const hows: string[] = [];
    for (let k = 0, n = 1 + int(3); k < n; k++) {
      const m = usable[int(usable.length)]!;
      bytes = m.apply(bytes);
      hows.push(m.how);
    }
    out.push({ file: original.file, how: hows.join(' + '), bytes: Buffer.from(bytes) });
  }
  return out;
}

const all = variants();
const chunks = Array.from({ length: 10 }, (_, i) => all.slice(i * (VARIANTS / 10), (i + 1) * (VARIANTS / 10)));

describeEachDatabase('fuzz: corrupted exports are imported whole or refused with a located error', (kind) => {
  let t: TestApp;
  let org: Org;
  const datasetOf: Record<string, string> = {};
  const outcomes: Record<string, number> = {};
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });

  beforeAll(async () => {
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(samples, file));
      const { payload, headers } = multipartFile('file', file, bytes);
      const preview = await t.app.inject({ method: 'POST', url: `/api/v1/workspaces/${org.ws}/datasets/preview`, headers: { ...headers, authorization: `Bearer ${org.tokens.admin}` }, payload });
      const p = preview.json();
      const res = await importFile(t, org, bytes, { create: datasetFromPreview(file, p), filename: file });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      datasetOf[file] = res.body.dataset.id;
    }
  });

  /**
   * A variant above the background-import size (a huge cell) answers 202 with a job: its outcome is
   * the job's, seen as the 201 or 4xx a small file would have had, so both paths meet the same rules.
   */
  const followed = async (res: { status: number; body: any }) => {
    if (res.status !== 202) return res;
    const done = await t.waitForJob(res.body.job.id);
    const job = (await t.api('GET', `/api/v1/workspaces/${org.ws}/jobs/${res.body.job.id}`, { token: org.tokens.admin })).body;
    if (done.state === 'completed') return { status: 201, body: job.result };
    const status = { import_failed: 422, conflict: 409, validation_failed: 400, payload_too_large: 413 }[job.error.code as string] ?? 500;
    return { status, body: { error: job.error } };
  };

  it.each(chunks.map((chunk, i) => [i + 1, chunk] as const))('variants, part %i of 10', async (_part, chunk) => {
    for (const v of chunk) {
      const before = await writeFingerprint(t);
      const started = Date.now();
      const res = await followed(await importFile(t, org, v.bytes, { datasetId: datasetOf[v.file]!, filename: v.file, replace: true }));
      if (process.env.KEDU_FUZZ_TRACE) console.log(Date.now() - started, 'ms', v.file, v.how, res.status);
      const label = `${v.file} (${v.how}): ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      outcomes[res.status] = (outcomes[res.status] ?? 0) + 1;
      expect(res.status, label).not.toBe(500);
      if (res.status === 201) {
        // imported whole: the batch holds exactly the rows it reports
        const table = (await t.database.pool.query('select table_name from datasets where id = $1', [datasetOf[v.file]])).rows[0].table_name;
        const stored = await t.database.pool.query(`select count(*)::int as n from ${table} where _batch = $1`, [res.body.batch.id]);
        expect(stored.rows[0].n, label).toBe(res.body.batch.rowCount);
        continue;
      }
      expect([400, 409, 413, 415, 422], label).toContain(res.status);
      const parsed = errorBody.safeParse(res.body);
      expect(parsed.success, label).toBe(true);
      const { error } = parsed.data!;
      expect(error.message.length, label).toBeGreaterThan(0);
      if (res.status === 422) {
        expect(error.details.length, label).toBeGreaterThan(0);
        for (const d of error.details) {
          expect(d.row, label).toBeGreaterThanOrEqual(1);
          expect(d.message.length, label).toBeGreaterThan(0);
        }
      }
      expect(await writeFingerprint(t), `nothing written: ${label}`).toEqual(before);
    }
  }, 120_000);

  it('saw both outcomes: most variants refused, some imported whole (a dropped row, blank lines)', () => {
    expect(Object.keys(outcomes).sort()).toEqual(expect.arrayContaining(['201', '422']));
  });
});
