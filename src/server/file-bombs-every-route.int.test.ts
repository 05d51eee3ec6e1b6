import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBody } from '../contracts/common.ts';
import { columnsCsv, declaredRowsWorkbook, longCellWorkbook, longFieldCsv, notAWorkbook, sharedStringsBomb, wideCsv } from './files/file-bombs.testing.ts';
import { setUploadFolder } from './http/upload-to-file.ts';
import { MAX_UPLOAD_BYTES } from './limits.ts';
import { seedAppraisal } from './testing/appraisal-fixtures.ts';
import { importFile, OCTOBER_ORDERS, ORDERS_DATASET } from './testing/dataset-fixtures.ts';
import type { Org } from './testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from './testing/harness.ts';
import { useSeededOrg } from './testing/seeded-org.ts';
import { writeFingerprint } from './testing/sessions.ts';

/**
 * Issue 13's file bombs, at full size, on every upload route (route × bomb): each is refused with
 * a 4xx that says where the file breaks a limit, quickly, without holding much memory, leaving
 * nothing in the upload folder and writing nothing. The upload routes are the API document's
 * (those documented with the multipart 415, which openapi.ts derives from `upload: true`).
 */
const MB = 1024 * 1024;
/** The dataset routes' upload limit in this test (KEDU_DATASET_UPLOAD_MB): above the bombs, so that their readers meet them. */
const DATASET_UPLOAD_MB = 16;

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-bombs-every-route-'));
beforeAll(() => setUploadFolder(uploads));
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));
const spooled = () => fs.readdirSync(uploads).filter((n) => n.startsWith('kedu-upload-'));

type Ctx = { org: Org; cycleId: string; datasetId: string };
type RouteName = 'people' | 'actuals' | 'preview' | 'import' | 'imports';
type UploadRoute = { name: RouteName; url: (c: Ctx) => string; fields?: () => Record<string, string>; limitBytes: number };

/** Every upload route: its URL, the form fields sent before the file, its size limit. */
const UPLOAD_ROUTES: Record<string, UploadRoute> = {
  'POST /api/v1/workspaces/{ws}/people/import': { name: 'people', url: () => '/people/import', limitBytes: MAX_UPLOAD_BYTES },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/actuals/import': { name: 'actuals', url: (c) => `/cycles/${c.cycleId}/actuals/import`, limitBytes: MAX_UPLOAD_BYTES },
  'POST /api/v1/workspaces/{ws}/datasets/preview': { name: 'preview', url: () => '/datasets/preview', limitBytes: DATASET_UPLOAD_MB * MB },
  'POST /api/v1/workspaces/{ws}/datasets/import': {
    name: 'import',
    url: () => '/datasets/import',
    fields: () => ({ dataset: JSON.stringify({ ...ORDERS_DATASET, name: `订单 ${Math.random()}` }) }),
    limitBytes: DATASET_UPLOAD_MB * MB,
  },
  'POST /api/v1/workspaces/{ws}/datasets/{id}/imports': { name: 'imports', url: (c) => `/datasets/${c.datasetId}/imports`, limitBytes: DATASET_UPLOAD_MB * MB },
};

/** A file as sent: its part's filename (null: a part with none) and bytes. */
type Sent = { filename: string | null; content: Buffer };
/**
 * A bomb and the answer every route gives it: the status, and its located details as
 * `path row column code` — the same on every route, or by route where the routes word it their
 * own way (people and actuals read a file whole, datasets stream it).
 */
type Bomb = { name: string; file: (route: UploadRoute) => Sent; status: number; details: string | Record<RouteName, string> };
const whole = (people: string, actuals: string, datasets: string): Record<RouteName, string> => ({ people, actuals, preview: datasets, import: datasets, imports: datasets });

const once = <T>(make: () => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const bytes = (text: string) => Buffer.from(text);
// each built once for the file: the big ones take a second between them
const strings5m = once(() => sharedStringsBomb(5_000_000));
const hugeCell = once(() => longCellWorkbook(1.5 * 1024 * MB));
const xxx10mb = once(() => bytes(columnsCsv(5 * MB + 1)));
const declared10m = once(() => declaredRowsWorkbook(10_000_000));
const declared1g = once(() => declaredRowsWorkbook(1_000_000_000));

const BOMBS: Bomb[] = [
  { name: '5 million shared strings (1.1 MB xlsx)', file: () => ({ filename: 'strings.xlsx', content: strings5m() }), status: 422, details: 'file.shared_strings_too_large' },
  {
    name: 'one 1.5 GB cell (1.6 MB xlsx)',
    file: () => ({ filename: 'cell.xlsx', content: hugeCell() }),
    status: 422,
    // a file read whole is refused on what it declares it unpacks to; a streamed one at the cell
    details: whole('row 1 dataset.workbook_too_large', 'row 1 dataset.workbook_too_large', 'row 2 column B file.cell_too_long'),
  },
  { name: '10 MB csv of x,x,x…', file: () => ({ filename: 'x.csv', content: xxx10mb() }), status: 422, details: 'row 1 column ALM file.too_many_columns' },
  { name: 'a csv field of 40,000 characters', file: () => ({ filename: 'field.csv', content: bytes(longFieldCsv(40_000)) }), status: 422, details: 'row 2 column B file.cell_too_long' },
  { name: 'a csv of 2,000 columns', file: () => ({ filename: 'wide.csv', content: bytes(wideCsv(2_000)) }), status: 422, details: 'row 1 column ALM file.too_many_columns' },
  { name: 'a zip that is no workbook', file: () => ({ filename: 'book.xlsx', content: notAWorkbook() }), status: 415, details: '' },
  {
    name: 'a sheet declaring 10^7 rows with five cells',
    file: () => ({ filename: 'rows.xlsx', content: declared10m() }),
    status: 422,
    details: whole('row 10000000 import.too_many_rows', 'row 10000000 import.too_many_rows', 'row 10000000 dataset.too_many_rows'),
  },
  {
    name: 'a sheet whose one cell is at row 10^9',
    file: () => ({ filename: 'far.xlsx', content: declared1g() }),
    status: 422,
    details: whole('row 1000000000 import.too_many_rows', 'row 1000000000 import.too_many_rows', 'row 1000000000 dataset.too_many_rows'),
  },
  { name: 'a file one byte over the upload limit', file: (r) => ({ filename: 'big.csv', content: Buffer.alloc(r.limitBytes + 1, 'a') }), status: 413, details: '' },
  { name: 'an empty file', file: () => ({ filename: 'empty.csv', content: Buffer.alloc(0) }), status: 422, details: whole('row 1 import.file_empty', 'row 1 actuals.file_empty', 'row 1 dataset.file_empty') },
  {
    name: 'a file part without a filename',
    file: () => ({ filename: null, content: bytes('Name,Email\nAda,ada@x.test\n') }),
    status: 400,
    details: whole('body.file import.file_missing', 'body.file actuals.file_missing', 'body.file import.file_missing'),
  },
];

/** Generous bounds for a shared machine: the bombs cost 1.7–2.8 GB and 6–19 s before issue 13; now tens of MB and under a second. */
const MAX_MS = 5_000;
const MAX_RSS_GROWTH_MB = 256;

/** A multipart body: the fields, then the file in field `file` (without a filename when it has none). */
function multipart(fields: Record<string, string>, file: Sent): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kedu-bomb-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const filename = file.filename === null ? '' : `; filename="${file.filename}"`;
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"${filename}\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Answer = { status: number; code: string; message: string; details: string; ms: number; rssMb: number };

describeEachDatabase('file bombs on every upload route', (kind) => {
  let t: TestApp;
  let ctx: Ctx;
  useSeededOrg(
    kind,
    async (app, org) => {
      t = app;
      const { cycleId } = await seedAppraisal(app, org, { state: 'open' });
      const first = await importFile(app, org, OCTOBER_ORDERS, { create: { ...ORDERS_DATASET, name: '订单（炸弹）' } });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      await app.settleJobs();
      ctx = { org, cycleId, datasetId: first.body.dataset.id };
    },
    { KEDU_DATASET_UPLOAD_MB: String(DATASET_UPLOAD_MB) },
  );

  const written = async (): Promise<Record<string, unknown>> => ({ ...(await writeFingerprint(t)), actuals: (await t.database.pool.query('select count(*)::int as n from cycle_term_values')).rows[0].n });

  /** One upload, timed, with the most the process's resident memory grew while it ran (sampled). */
  async function send(route: UploadRoute, file: Sent): Promise<Answer> {
    const { payload, headers } = multipart(route.fields?.() ?? {}, file);
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/workspaces/${ctx.org.ws}${route.url(ctx)}`, headers: { ...headers, authorization: `Bearer ${ctx.org.tokens.admin}`, 'accept-language': 'en' }, payload });
    const ms = Math.round(performance.now() - started);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const body = errorBody.safeParse(res.json()).data;
    const details = (body?.error.details ?? []).map((d) => [d.path?.join('.'), d.row && `row ${d.row}`, d.column && `column ${d.column}`, d.code].filter(Boolean).join(' ')).join('; ');
    return { status: res.statusCode, code: body?.error.code ?? '', message: body?.error.message ?? '', details, ms, rssMb: Math.round((peak - base) / MB) };
  }

  it('finds the upload routes in the API document: each one is listed here', async () => {
    const doc = (await t.api('GET', '/api/docs/json')).body as { paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>> };
    const uploadsServed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).filter(([, op]) => /multipart\/form-data/.test(op.responses?.['415']?.description ?? '')).map(([m]) => `${m.toUpperCase()} ${p}`));
    expect(uploadsServed.sort()).toEqual(Object.keys(UPLOAD_ROUTES).sort());
  });

  it.each(BOMBS.map((b) => [b.name, b] as const))('%s: refused on every upload route, located, quickly, holding no big memory, leaving and writing nothing', async (_, bomb) => {
    const wrong: string[] = [];
    for (const [key, route] of Object.entries(UPLOAD_ROUTES)) {
      const before = await written();
      const a = await send(route, bomb.file(route));
      const details = typeof bomb.details === 'string' ? bomb.details : bomb.details[route.name];
      if (a.status !== bomb.status || a.details !== details) wrong.push(`${key}: ${a.status} ${a.code} [${a.details}] ${a.message.slice(0, 200)}`);
      if (a.ms > MAX_MS || a.rssMb > MAX_RSS_GROWTH_MB) wrong.push(`${key}: ${a.ms} ms, +${a.rssMb} MB`);
      // a refusal that says nothing located still says what the file is or what the limit is
      if (bomb.status === 415 && !/zip/.test(a.message)) wrong.push(`${key}: ${a.message}`);
      if (bomb.status === 413 && !new RegExp(`${route.limitBytes / MB} MB`).test(a.message)) wrong.push(`${key}: ${a.message}`);
      expect(await written(), `${key} wrote nothing`).toEqual(before);
      expect(spooled(), `${key} left no upload`).toEqual([]);
    }
    expect(wrong).toEqual([]);
  });
});
