import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderError } from './http/error-handler.ts';
import { setUploadFolder } from './http/upload-to-file.ts';
import { translateDbError } from './modules/datasets/import.service.ts';
import { seedAppraisal } from './testing/appraisal-fixtures.ts';
import { OCTOBER_ORDERS, ORDERS_DATASET, ORDERS_HEADER } from './testing/dataset-fixtures.ts';
import { columnsCsv, longCellWorkbook, sharedStringsBomb } from './files/file-bombs.testing.ts';
import type { Org } from './testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from './testing/harness.ts';
import { useSeededOrg } from './testing/seeded-org.ts';
import { multipartForm, writeFingerprint } from './testing/sessions.ts';

/**
 * Issue 13, "small files that cost gigabytes", over HTTP on every route that reads a file: the
 * bombs (small versions, made here) are refused with a 4xx that says where, in the request's
 * language, and nothing is written; a file with many problems lists the first 100 and counts the
 * rest; the 409 of a file imported twice has every placeholder filled; an upload's file lives
 * under the upload folder while it is read and is gone after, whatever the answer.
 */
const CJK = /[\u4e00-\u9fff]/;
const PLACEHOLDER = /\{\??\w+\}/;

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-bombs-uploads-'));
beforeAll(() => setUploadFolder(uploads));
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));
const spooled = () => fs.readdirSync(uploads).filter((n) => n.startsWith('kedu-upload-'));

describeEachDatabase('file bombs: every reader bounded, refused where the file breaks a limit', (kind) => {
  let t: TestApp;
  let org: Org;
  let cycleId: string;
  useSeededOrg(kind, async (app, seeded) => {
    t = app;
    org = seeded;
    cycleId = (await seedAppraisal(app, seeded, { state: 'open' })).cycleId;
  });

  const ROUTES = {
    people: () => '/people/import',
    actuals: () => `/cycles/${cycleId}/actuals/import`,
    preview: () => '/datasets/preview',
    'dataset import': () => '/datasets/import',
  } as const;
  type Route = keyof typeof ROUTES;

  async function upload(route: Route, filename: string, content: string | Buffer, language = 'en') {
    const fields: Record<string, string> = route === 'dataset import' ? { dataset: JSON.stringify({ ...ORDERS_DATASET, name: `订单 ${Math.random()}` }) } : {};
    const { payload, headers } = multipartForm(fields, { filename, content });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/workspaces/${org.ws}${ROUTES[route]()}`, headers: { ...headers, authorization: `Bearer ${org.tokens.admin}`, 'accept-language': language }, payload });
    return { status: res.statusCode, body: res.json() };
  }

  const written = async (): Promise<Record<string, unknown>> => ({ ...(await writeFingerprint(t)), actuals: (await t.database.pool.query('select count(*)::int as n from cycle_term_values')).rows[0].n });

  /** Every route refuses the file with import_failed and this one located detail, in both languages, writing nothing. */
  async function refusedEverywhere(filename: string, content: string | Buffer, detail: Record<string, unknown>, says: RegExp) {
    for (const route of Object.keys(ROUTES) as Route[]) {
      const before = await written();
      const started = performance.now();
      for (const language of ['en', 'zh-CN']) {
        const res = await upload(route, filename, content, language);
        expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBe(422);
        expect(res.body.error.code).toBe('import_failed');
        expect(res.body.error.details).toEqual([expect.objectContaining(detail)]);
        const message: string = res.body.error.details[0].message;
        expect(message).not.toMatch(PLACEHOLDER);
        if (language === 'en') {
          expect(message, route).toMatch(says);
          expect(message).not.toMatch(CJK);
        } else expect(message).toMatch(CJK);
      }
      // refused early: a small file, a small answer time (generous: the machine is shared)
      expect(performance.now() - started, route).toBeLessThan(10_000);
      expect(await written(), `${route} wrote nothing`).toEqual(before);
    }
    expect(spooled(), 'no upload left behind').toEqual([]);
  }

  it("refuses issue 13's CSV of x,x,x… at row 1, at the first column too many", async () => {
    await refusedEverywhere('columns.csv', columnsCsv(1500), { row: 1, column: 'ALM', code: 'file.too_many_columns' }, /Row 1 .*1000 columns.*column ALM/);
  });

  it('refuses a workbook of thousands of shared strings for a sheet of four cells, before they are held', async () => {
    await refusedEverywhere('strings.xlsx', sharedStringsBomb(20_000), { code: 'file.shared_strings_too_large' }, /shared text table/);
  });

  it('refuses a workbook whose one cell is longer than Excel allows, at that cell', async () => {
    await refusedEverywhere('cell.xlsx', longCellWorkbook(40_000), { row: 2, column: 'B', code: 'file.cell_too_long' }, /row 2, column B .*32767 characters/);
  });

  it('refuses a CSV field longer than Excel allows, at its row and column', async () => {
    await refusedEverywhere('cell.csv', `Name,Email\nAda,"${'y'.repeat(40_000)}"\n`, { row: 2, column: 'B', code: 'file.cell_too_long' }, /row 2, column B/);
  });

  it('lists the first 100 problems with their place, and says how many more (people, actuals, dataset import)', async () => {
    const people = await upload('people', 'people.csv', `Name,${Array.from({ length: 900 }, (_, i) => `extra${i}`).join(',')}\nAda\n`);
    expect(people.status).toBe(422);
    expect(people.body.error.details).toHaveLength(100);
    expect(people.body.error.details[0]).toMatchObject({ row: 1, column: 'extra0', code: 'import.unknown_column' });
    expect(people.body.error.message).toContain('900 error(s) found (the first 100 are listed, and 800 more)');
    const zh = await upload('people', 'people.csv', `Name,${Array.from({ length: 900 }, (_, i) => `extra${i}`).join(',')}\nAda\n`, 'zh-CN');
    expect(zh.body.error.message).toContain('发现 900 处错误（下面列出前 100 处，另有 800 处未列出）');

    const actuals = await upload('actuals', 'actuals.csv', ['person,销售额', ...Array.from({ length: 250 }, (_, i) => `ghost${i},1`)].join('\n'));
    expect(actuals.status).toBe(422);
    expect(actuals.body.error.details).toHaveLength(100);
    expect(actuals.body.error.details[99]).toMatchObject({ row: 101, code: 'actuals.person_unknown' });
    expect(actuals.body.error.message).toContain('250 error(s) found (the first 100 are listed, and 150 more)');

    const orders = [ORDERS_HEADER, ...Array.from({ length: 130 }, (_, i) => `="B${i}",Erin East,小程序,2026-10-03,abc,0,交易成功`)].join('\n');
    const dataset = await upload('dataset import', 'orders.csv', orders);
    expect(dataset.status).toBe(422);
    expect(dataset.body.error.details).toHaveLength(100);
    expect(dataset.body.error.details[0]).toMatchObject({ row: 2, column: '实付金额', value: 'abc' });
    expect(dataset.body.error.message).toContain('130 error(s) found (the first 100 are listed, and 30 more)');

    // every problem listed: no "more"
    const few = await upload('people', 'people.csv', 'Name,Nope\nAda\n');
    expect(few.body.error.message).toBe('The file was not imported: 1 error(s) found and nothing was written. Correct the file and import it again.');
  });

  it('fills every placeholder of the 409 for a file imported twice, also when two imports of it race', async () => {
    const first = await upload('dataset import', 'orders.csv', OCTOBER_ORDERS);
    expect(first.status).toBe(201);
    const datasetId: string = first.body.dataset.id;
    await t.settleJobs();
    for (const language of ['en', 'zh-CN']) {
      const { payload, headers } = multipartForm({}, { filename: 'orders.csv', content: OCTOBER_ORDERS });
      const again = await t.app.inject({ method: 'POST', url: `/api/v1/workspaces/${org.ws}/datasets/${datasetId}/imports`, headers: { ...headers, authorization: `Bearer ${org.tokens.admin}`, 'accept-language': language }, payload });
      expect(again.statusCode).toBe(409);
      const { error } = again.json();
      for (const message of [error.message, ...error.details.map((d: { message: string }) => d.message)]) {
        expect(message).not.toMatch(PLACEHOLDER);
        expect(message).toContain('orders.csv');
      }
    }
    // the unique index's answer, when two imports of one file commit at once, says the same
    const checksum = first.body.batch.checksum as string;
    const race = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'dataset_batches_checksum_uq' });
    for (const target of [{ datasetId }, { create: ORDERS_DATASET }]) {
      const answer = await translateDbError(t.database, target, checksum, race);
      for (const language of ['en', 'zh-CN'] as const) {
        const rendered = renderError(language, answer as Parameters<typeof renderError>[1]);
        expect(rendered.code).toBe('conflict');
        for (const message of [rendered.message, ...rendered.details.map((d) => d.message)]) expect(message).not.toMatch(PLACEHOLDER);
      }
    }
    expect(renderError('en', (await translateDbError(t.database, { datasetId }, checksum, race)) as Parameters<typeof renderError>[1]).message).toContain('orders.csv, 5 rows');
  });

  it("keeps an upload's file under the upload folder while it is read, and removes it after a refused and an accepted import", async () => {
    const before = await written();
    for (const [content, status] of [
      [`${ORDERS_HEADER}\n="Z1",Erin East,小程序,2026-10-03,abc,0,交易成功\n`, 422],
      [`${ORDERS_HEADER}\n="Z2",Erin East,小程序,2026-10-03,10,0,交易成功\n`, 201],
    ] as const) {
      const { payload, headers } = multipartForm({ dataset: JSON.stringify({ ...ORDERS_DATASET, name: `订单 ${status}` }) }, { filename: 'orders.csv', content });
      // the body is sent in two halves: between them the file is being written where it belongs
      const body = new PassThrough();
      const cut = payload.length - 40;
      body.write(payload.subarray(0, cut));
      const answer = t.app.inject({ method: 'POST', url: `/api/v1/workspaces/${org.ws}/datasets/import`, headers: { ...headers, authorization: `Bearer ${org.tokens.admin}` }, payload: body });
      const files = () => spooled().flatMap((folder) => fs.readdirSync(path.join(uploads, folder)).map((f) => `${folder}/${f}`));
      await expect.poll(files, { timeout: 10_000 }).toHaveLength(1);
      expect(files()[0]).toMatch(new RegExp(`^kedu-upload-${process.pid}-\\w+/upload$`));
      body.end(payload.subarray(cut));
      expect((await answer).statusCode).toBe(status);
      expect(spooled(), 'the upload is removed after the answer').toEqual([]);
    }
    // a client that goes away half-way through its upload: nothing of it is left either
    const { payload, headers } = multipartForm({}, { filename: 'orders.csv', content: OCTOBER_ORDERS });
    const body = new PassThrough();
    body.write(payload.subarray(0, payload.length - 60));
    const gone = t.app.inject({ method: 'POST', url: `/api/v1/workspaces/${org.ws}/datasets/preview`, headers: { ...headers, authorization: `Bearer ${org.tokens.admin}` }, payload: body }).catch((err: Error) => err);
    await expect.poll(() => spooled().length, { timeout: 10_000 }).toBe(1);
    body.destroy(new Error('the client went away'));
    await gone;
    await expect.poll(spooled, { timeout: 10_000 }).toEqual([]);
    expect(Number((await written()).datasets)).toBe(Number(before.datasets) + 1);
  });
});
