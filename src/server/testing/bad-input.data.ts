import type { BadCase } from './bad-input.cases.ts';
import type { Org } from './fixtures.ts';
import { multipartFile, multipartForm } from './sessions.ts';

/** Bad requests to the data write routes (datasets, imports, templates, metrics); merged into badInputCases. */
const ws = (org: Org, path: string) => `/api/v1/workspaces/${org.ws}${path}`;
const BAD_UUID = 'not-a-uuid';
const NO_ID = '00000000-0000-4000-8000-000000000000';
const badId = (what: string, url: (org: Org) => string, method: 'body' | 'none' = 'none'): BadCase => ({
  what,
  as: 'admin',
  req: (org) => ({ url: url(org), ...(method === 'body' ? { body: {} } : {}) }),
  status: 400,
  code: 'validation_failed',
  details: [{ path: ['params', 'id'], code: 'field.invalid' }],
});
const column = { name: '日期', type: 'datetime', snapshot: false, aliases: [] };

export const dataBadInputCases: Record<string, BadCase> = {
  'POST /api/v1/workspaces/{ws}/datasets': {
    what: 'no columns, no date column',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/datasets'), body: { name: 'Orders', columns: [] } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'columns'], code: 'field.too_small' },
      { path: ['body', 'dateColumn'], code: 'field.required' },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/datasets/{id}': badId('a malformed dataset id', (org) => ws(org, `/datasets/${BAD_UUID}`), 'body'),
  'DELETE /api/v1/workspaces/{ws}/datasets/{id}': badId('a malformed dataset id', (org) => ws(org, `/datasets/${BAD_UUID}`)),
  'POST /api/v1/workspaces/{ws}/datasets/preview': {
    what: 'the file in the wrong form field',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/datasets/preview'), ...multipartFile('upload', 'orders.csv', '日期\n2026-10-01\n') }),
    status: 400,
    code: 'bad_request',
    details: [{ path: ['body', 'file'], code: 'import.file_missing' }],
  },
  'POST /api/v1/workspaces/{ws}/datasets/import': {
    what: 'a "dataset" field that is not JSON',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/datasets/import'), ...multipartForm({ dataset: '{name: orders' }, { filename: 'orders.csv', content: '日期\n2026-10-01\n' }) }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'dataset'], code: 'dataset.field_not_json' }],
  },
  'POST /api/v1/workspaces/{ws}/datasets/{id}/imports': badId('a malformed dataset id', (org) => ws(org, `/datasets/${BAD_UUID}/imports`)),
  'POST /api/v1/workspaces/{ws}/datasets/{id}/batches/{batchId}/rollback': {
    what: 'a malformed batch id',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/datasets/${NO_ID}/batches/${BAD_UUID}/rollback`) }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['params', 'batchId'], code: 'field.invalid' }],
  },
  'POST /api/v1/workspaces/{ws}/import-templates': {
    what: 'a date column that is not a date',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/import-templates'), body: { name: 'Mine', columns: [{ ...column, name: 'Day', type: 'text' }], dateColumn: 'Day' } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'dateColumn'], code: 'dataset.date_column_type' }],
  },
  'DELETE /api/v1/workspaces/{ws}/import-templates/{id}': badId('a malformed template id', (org) => ws(org, `/import-templates/${BAD_UUID}`)),
  'POST /api/v1/workspaces/{ws}/metrics': {
    what: 'an unknown aggregation, no dataset',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/metrics'), body: { name: 'GMV', spec: { definition: 'x', aggregation: 'total', dateColumn: '日期', owner: { kind: 'workspace' } } } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'datasetId'], code: 'field.required' },
      { path: ['body', 'spec', 'aggregation'], code: 'field.invalid_enum' },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/metrics/{id}': badId('a malformed metric id', (org) => ws(org, `/metrics/${BAD_UUID}`), 'body'),
  'DELETE /api/v1/workspaces/{ws}/metrics/{id}': badId('a malformed metric id', (org) => ws(org, `/metrics/${BAD_UUID}`)),
  'POST /api/v1/workspaces/{ws}/metrics/preview': {
    what: 'a dataset that does not exist',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/metrics/preview'), body: { name: 'GMV', datasetId: NO_ID, spec: { definition: 'x', aggregation: 'count', dateColumn: '日期', owner: { kind: 'workspace' } } } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'datasetId'], code: 'metric.dataset_unknown' }],
  },
  'PUT /api/v1/workspaces/{ws}/metric-bindings': {
    what: 'an empty term',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/metric-bindings'), body: { term: ' ', metricId: null } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'term'], code: 'field.required' }],
  },
  'POST /api/v1/workspaces/{ws}/datasets/{id}/suggested-metrics': {
    what: 'no names',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/datasets/${NO_ID}/suggested-metrics`), body: { names: [] } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'names'], code: 'field.too_small' }],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/metric-refresh': badId('a malformed cycle id', (org) => ws(org, `/cycles/${BAD_UUID}/metric-refresh`)),
};
