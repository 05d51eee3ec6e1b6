/**
 * A large export imported from the web app: the upload returns at once and the wizard follows the
 * import as a background job — rows the server has read, then the result — and a file with a bad
 * row fails as a job with the row and column of each problem, writing nothing.
 *
 * Test ids: dataset-import, dataset-file, dataset-preview, import-next, import-run, job-progress
 * (data-state, data-rows), dataset-import-done, dataset-import-error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { youzanCsv } from '../src/server/testing/youzan-csv.ts';
import { screenshot } from './support/browser.ts';
import { byTestId, describeJourney, setUpWorkspace } from './support/journey.ts';

const WORKSPACE = { name: '大单商贸', slug: 'big-orders' };
const ADMIN = { name: '罗大单', email: 'luo@big-orders.test', password: 'correct-horse-1' };

async function openImport(page: Page, file: string) {
  await byTestId(page, 'nav-datasets').click();
  await byTestId(page, 'datasets-card').waitFor();
  await byTestId(page, 'datasets-import').or(byTestId(page, 'datasets-empty-import')).click();
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await byTestId(page, 'dataset-preview').waitFor();
  await byTestId(page, 'import-next').click();
}

describeJourney(
  'a large import as a background job',
  (ctx) => {
    it('follows the rows the server reads, then shows the result; a bad row fails the job with its location', async () => {
      const base = ctx().server.url;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-e2e-job-'));
      try {
        const page = await setUpWorkspace(ctx(), WORKSPACE, ADMIN);

        // 80,000 orders, about 18 MB: far above the 1 MB this server imports within a request
        const big = path.join(dir, '有赞订单-全年.csv');
        fs.writeFileSync(big, youzanCsv(80_000));
        await openImport(page, big);
        await byTestId(page, 'import-run').click();
        // the rows the server has read so far, while the embedded database is busy with the import
        await page.waitForFunction(() => Number(document.querySelector('[data-testid=job-progress]')?.getAttribute('data-rows')) > 0, undefined, { timeout: 60_000 });
        await screenshot(page, 'import-job-progress');
        await byTestId(page, 'dataset-import-done').waitFor({ timeout: 120_000 });
        expect(await byTestId(page, 'dataset-import-done').textContent()).toContain('80,000');
        await screenshot(page, 'import-job-done');
        await page.keyboard.press('Escape');

        // the same layout with one bad date in the middle: the job fails, nothing is written
        const bad = path.join(dir, '有赞订单-有错.csv');
        const lines = youzanCsv(20_000, 100_000).split('\n');
        lines[12_345] = lines[12_345]!.replace(/2026-10-\d\d 10:00:00/, '2026-13-45 25:61:00');
        fs.writeFileSync(bad, lines.join('\n'));
        await openImport(page, bad);
        await byTestId(page, 'target-name').fill('有赞 · 有错的订单');
        await byTestId(page, 'import-run').click();
        const error = byTestId(page, 'dataset-import-error');
        await error.waitFor();
        expect(await error.textContent()).toContain('12346');
        await screenshot(page, 'import-job-failed');
        const datasets = await page.request.get(`${base}/api/v1/workspaces/${WORKSPACE.slug}/datasets`);
        expect(((await datasets.json()) as { rowCount: number }[]).map((d) => d.rowCount)).toEqual([80_000]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
  { KEDU_IMPORT_JOB_MB: '1' },
);
