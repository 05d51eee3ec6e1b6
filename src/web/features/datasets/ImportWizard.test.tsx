import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi, stubEventSource } from '../../testing/network.ts';
import { renderInApp, t } from '../../testing/render.tsx';
import type { Job } from '../jobs/jobs-api.ts';
import type { DatasetImportResult, DatasetPreview } from './datasets-api.ts';
import ImportWizard from './ImportWizard.tsx';

const PREVIEW = 'POST /workspaces/acme/datasets/preview';
const IMPORT = 'POST /workspaces/acme/datasets/import';
const JOB = 'GET /workspaces/acme/jobs/j1';
/** The job in which open cycles take their actuals from the imported data. */
const ACTUALS_JOB = 'GET /workspaces/acme/jobs/a1';
const DATASET = '44444444-4444-4444-8444-444444444444';

const column = (index: number, name: string, type: string) => ({ header: name, index, name, type, snapshot: false, aliases: [], origin: 'guessed' as const });
const preview: DatasetPreview = {
  format: 'csv',
  encoding: 'UTF-8',
  sheets: [],
  sheet: null,
  headerRow: 1,
  headers: ['订单号', '下单时间', '实付金额'],
  template: null,
  columns: [column(0, '订单号', 'text'), column(1, '下单时间', 'datetime'), column(2, '实付金额', 'decimal')],
  keyColumns: ['订单号'],
  dateColumn: '下单时间',
  ignoredHeaders: [],
  rows: [
    { row: 2, cells: [{ value: 'E1001' }, { value: '2026-10-01T09:30:00' }, { value: 199.5 }] },
    { row: 3, cells: [{ value: 'E1002' }, { value: '2026-10-02T10:00:00' }, { value: '约两百', problem: '不是小数' }] },
  ],
  rowsRead: 2,
};
const result = (rowCount: number) =>
  ({ dataset: { id: DATASET, name: '十月订单' }, batch: { rowCount }, replaced: 0, replacedBatchId: null, headerRow: 1, ignoredHeaders: [], actualsJob: 'a1' }) as unknown as DatasetImportResult;
const job = (change: Partial<Job>): Job => ({
  id: 'j1',
  kind: 'dataset-import',
  state: 'running',
  subject: '十月订单.csv',
  progress: null,
  result: null,
  error: null,
  attempts: 0,
  createdAt: '2026-10-21T08:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...change,
});

function setUp(routes: Record<string, unknown> = {}) {
  const net = stubApi({
    'GET /workspaces/acme/datasets': [],
    'GET /workspaces/acme/import-templates': [],
    [PREVIEW]: preview,
    [ACTUALS_JOB]: job({ id: 'a1', kind: 'data.changed', state: 'completed', result: { refreshedCycles: 3 } }),
    ...routes,
  });
  const onClose = vi.fn();
  const view = renderInApp(<ImportWizard ws="acme" target={null} onClose={onClose} />);
  return { net, onClose, ...view };
}

const file = () => new File(['订单号,下单时间,实付金额\nE1001,2026-10-01 09:30,199.5\n'], '十月订单.csv', { type: 'text/csv' });

/** Picks the file and waits for its preview. */
async function choose(user: ReturnType<typeof setUp>['user']) {
  const input = screen.getByTestId('dataset-import').ownerDocument.querySelector<HTMLInputElement>('input[type="file"]')!;
  await user.upload(input, file());
  return screen.findByTestId('dataset-preview');
}

/** From the preview: on to the target step and import with the name proposed. */
async function importAsNew(user: ReturnType<typeof setUp>['user']) {
  await choose(user);
  await user.click(screen.getByRole('button', { name: t('importWizard.next') }));
  expect((screen.getByLabelText(t('importWizard.datasetName')) as HTMLInputElement).value).toBe('十月订单');
  await user.click(screen.getByRole('button', { name: t('importWizard.import') }));
}

describe('ImportWizard', () => {
  it('previews the chosen file: how it was read, its columns, its first rows and their problems', async () => {
    const { net, user } = setUp();

    const shown = await choose(user);

    expect(within(shown).getByText(t('importWizard.guessed'))).toBeTruthy();
    expect(within(shown).getByText(t('importWizard.encoding', { encoding: 'UTF-8' }))).toBeTruthy();
    expect(within(shown).getAllByTestId('preview-column')).toHaveLength(3);
    expect(within(shown).getByText('E1002')).toBeTruthy();
    expect(within(shown).getByTestId('preview-problem-cell').textContent).toBe('约两百');
    expect(within(shown).getByText(t('importWizard.problems', { count: 1 }))).toBeTruthy();
    // the file went up for the preview only: nothing is imported yet
    expect((net.last(PREVIEW)!.body as { file: File }).file.name).toBe('十月订单.csv');
    expect(net.callsTo(IMPORT)).toHaveLength(0);
  });

  it('will not go on without a date column to place the rows in periods', async () => {
    const { user } = setUp();
    await choose(user);
    expect(screen.getByRole('button', { name: t('importWizard.next') }).hasAttribute('disabled')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: `下单时间 ${t('importWizard.ignore')}` }));

    expect(screen.getByText(t('importWizard.dateColumnMissing'))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('importWizard.next') }).hasAttribute('disabled')).toBe(true);
  });

  it('imports into a new dataset with the columns as mapped, and shows the outcome', async () => {
    const { net, user, onClose } = setUp({ [IMPORT]: { status: 201, body: result(2) } });

    await importAsNew(user);

    expect(await screen.findByText(t('importWizard.doneTitle', { rows: 2, name: '十月订单' }))).toBeTruthy();
    // the open cycles that took new actuals are counted by the job the import announced
    await waitFor(() => expect(screen.getByTestId('dataset-import-cycles').getAttribute('data-state')).toBe('completed'));
    expect(screen.getByTestId('dataset-import-cycles').textContent).toContain('3');
    const sent = net.last(IMPORT)!.body as { dataset: string; file: File };
    expect(sent.file.name).toBe('十月订单.csv');
    expect(JSON.parse(sent.dataset)).toEqual({
      name: '十月订单',
      description: '',
      columns: [
        { name: '订单号', type: 'text', snapshot: false, aliases: [] },
        { name: '下单时间', type: 'datetime', snapshot: false, aliases: [] },
        { name: '实付金额', type: 'decimal', snapshot: false, aliases: [] },
      ],
      keyColumns: ['订单号'],
      dateColumn: '下单时间',
      templateKey: null,
    });
    await user.click(screen.getByRole('button', { name: t('importWizard.openDataset') }));
    expect(onClose).toHaveBeenCalledWith(DATASET);
  });

  it('lists every row problem of a refused file (422) and stays on the step to try again', async () => {
    const { user, onClose } = setUp({
      [IMPORT]: apiError(422, 'import_failed', '文件没有导入：2 处问题。', [
        { row: 3, column: '实付金额', value: '约两百', code: 'cell.not_number', message: '不是小数' },
        { row: 7, column: '下单时间', value: '昨天', code: 'cell.not_date', message: '不是日期时间' },
      ]),
    });

    await importAsNew(user);

    const problems = await screen.findByTestId('import-errors');
    const rows = within(problems).getAllByTestId('import-error-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['3', '实付金额', '约两百', '不是小数'],
      ['7', '下单时间', '昨天', '不是日期时间'],
    ]);
    expect(screen.getByText('文件没有导入：2 处问题。')).toBeTruthy();
    expect(screen.getByRole('button', { name: t('importWizard.import') })).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('follows a large import’s job (202) by its event stream to the result', async () => {
    const { sources } = stubEventSource();
    const { user } = setUp({ [IMPORT]: { status: 202, body: { job: job({ state: 'queued' }) } } });

    await importAsNew(user);
    await waitFor(() => expect(sources).toHaveLength(1));
    expect(sources[0].url).toBe('/api/v1/workspaces/acme/jobs/j1/events');
    expect(await screen.findByText(t('jobs.queued'))).toBeTruthy();

    sources[0].emit('job', job({ progress: { done: 12000, total: null, unit: 'rows' } }));
    expect(await screen.findByText(t('jobs.rowsRead', { rows: (12000).toLocaleString('zh-CN'), seconds: 0 }))).toBeTruthy();
    sources[0].emit('job', job({ state: 'completed', result: result(250000) }));

    expect(await screen.findByText(t('importWizard.doneTitle', { rows: 250000, name: '十月订单' }))).toBeTruthy();
    expect(sources[0].closed).toBe(true);
  });

  it('asks for the job again when the event stream breaks, and shows the row problems it failed with', async () => {
    stubEventSource({ fail: true });
    const polled: Job[] = [
      job({ progress: { done: 5000, total: null, unit: 'rows' } }),
      job({
        state: 'failed',
        error: { code: 'import_failed', message: '文件没有导入：1 处问题。', details: [{ path: [], row: 40213, column: '实付金额', value: 'N/A', code: 'cell.not_number', message: '不是小数' }] },
      }),
    ];
    const { net, user } = setUp({ [IMPORT]: { status: 202, body: { job: job({ state: 'queued' }) } }, [JOB]: () => polled.shift() });

    await importAsNew(user);

    const problems = await screen.findByTestId('import-errors');
    expect(within(problems).getByTestId('import-error-row').textContent).toContain('40213');
    expect(screen.getByText('文件没有导入：1 处问题。')).toBeTruthy();
    expect(net.callsTo(JOB)).toHaveLength(2);
  });
});
