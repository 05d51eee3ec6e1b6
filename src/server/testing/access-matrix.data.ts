import { expect } from 'vitest';
import type { CreateDatasetInput } from '../../contracts/datasets.ts';
import type { Ctx, RouteRule } from './access-matrix.table.ts';
import { seedAppraisal } from './appraisal-fixtures.ts';
import { multipartFile, multipartForm } from './sessions.ts';

/**
 * The authorisation matrix of the data routes (datasets, imports, templates, metrics): admins
 * write, managers read datasets and metric values, everyone reads the data dictionary.
 * Merged into accessMatrix (access-matrix.table.ts).
 */
const ws = (c: Ctx, path: string) => `/api/v1/workspaces/${c.org.ws}${path}`;
const inWorkspace = (admin: number, manager: number, member: number) => ({ admin, manager, member, anonymous: 401, other: 404 });

const datasetBody = (name: string): CreateDatasetInput => ({
  name,
  description: '',
  columns: [
    { name: '日期', type: 'datetime', snapshot: false, aliases: [] },
    { name: '销售员', type: 'text', snapshot: false, aliases: [] },
    { name: '金额', type: 'decimal', snapshot: false, aliases: [] },
  ],
  keyColumns: [],
  dateColumn: '日期',
  templateKey: null,
});
const CSV = '日期,销售员,金额\n2026-10-01,Erin East,100\n';
const WECHAT_USERS: CreateDatasetInput = {
  name: '公众号',
  description: '',
  columns: [
    { name: '时间', type: 'datetime', snapshot: false, aliases: [] },
    { name: '累积关注人数', type: 'integer', snapshot: true, aliases: [] },
  ],
  keyColumns: ['时间'],
  dateColumn: '时间',
  templateKey: 'wechat-user-analysis',
};
const WECHAT_CSV = '时间,累积关注人数\n2026-10-01,100\n';

async function adminCall(c: Ctx, method: string, path: string, body?: unknown) {
  const res = await c.t.api(method, ws(c, path), { token: c.org.tokens.admin, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}
const newDataset = async (c: Ctx) => (await adminCall(c, 'POST', '/datasets', datasetBody(c.unique('dataset')))).id as string;
/** A dataset with one imported batch. */
async function newBatch(c: Ctx): Promise<{ datasetId: string; batchId: string }> {
  const datasetId = await newDataset(c);
  const { payload, headers } = multipartFile('file', 'rows.csv', CSV);
  const res = await c.t.app.inject({ method: 'POST', url: ws(c, `/datasets/${datasetId}/imports`), headers: { ...headers, authorization: `Bearer ${c.org.tokens.admin}` }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return { datasetId, batchId: res.json().batch.id };
}
const metricBody = (name: string, datasetId: string) => ({
  name,
  datasetId,
  spec: { definition: '金额之和', aggregation: 'sum', expression: '金额', filters: [], dateColumn: '日期', owner: { kind: 'person', column: '销售员', match: 'name' }, unit: '元' },
});
const newMetric = async (c: Ctx) => (await adminCall(c, 'POST', '/metrics', metricBody(c.unique('metric'), (await newBatch(c)).datasetId))).id as string;
const templateBody = (name: string) => ({ ...datasetBody(name), templateKey: undefined });
const newTemplate = async (c: Ctx) => (await adminCall(c, 'POST', '/import-templates', { name: c.unique('template'), columns: templateBody('x').columns, keyColumns: [], dateColumn: '日期' })).key as string;
const upload = (url: string, fields: Record<string, string> = {}) => {
  const { payload, headers } = multipartForm(fields, { filename: 'rows.csv', content: CSV });
  return { url, payload, headers };
};

/** A finished background job of the workspace that nobody in particular started (so only admins see it). */
const newJob = async (c: Ctx) => {
  const { rows } = await c.t.database.pool.query(
    `insert into background_jobs (id, workspace_id, kind, state, result) select gen_random_uuid(), id, 'dataset.import', 'completed', '{}' from workspaces where slug = $1 returning id`,
    [c.org.ws],
  );
  return rows[0].id as string;
};

export const dataRoutesMatrix: Record<string, RouteRule> = {
  'GET /api/v1/workspaces/{ws}/jobs/{id}': { req: async (c) => ({ url: ws(c, `/jobs/${await newJob(c)}`) }), status: inWorkspace(200, 404, 404) },
  'GET /api/v1/workspaces/{ws}/jobs/{id}/events': { req: async (c) => ({ url: ws(c, `/jobs/${await newJob(c)}/events`) }), status: inWorkspace(200, 404, 404) },

  'GET /api/v1/workspaces/{ws}/datasets': { req: (c) => ({ url: ws(c, '/datasets') }), status: inWorkspace(200, 200, 403) },
  'GET /api/v1/workspaces/{ws}/datasets/{id}': { req: async (c) => ({ url: ws(c, `/datasets/${await newDataset(c)}`) }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/datasets': { req: (c) => ({ url: ws(c, '/datasets'), body: datasetBody(c.unique('dataset')) }), status: inWorkspace(201, 403, 403) },
  'PATCH /api/v1/workspaces/{ws}/datasets/{id}': { req: async (c) => ({ url: ws(c, `/datasets/${await newDataset(c)}`), body: { description: 'changed' } }), status: inWorkspace(200, 403, 403) },
  'DELETE /api/v1/workspaces/{ws}/datasets/{id}': { req: async (c) => ({ url: ws(c, `/datasets/${await newDataset(c)}`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/datasets/preview': { req: (c) => upload(ws(c, '/datasets/preview')), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/datasets/import': { req: (c) => upload(ws(c, '/datasets/import'), { dataset: JSON.stringify(datasetBody(c.unique('dataset'))) }), status: inWorkspace(201, 403, 403) },
  'POST /api/v1/workspaces/{ws}/datasets/{id}/imports': { req: async (c) => upload(ws(c, `/datasets/${await newDataset(c)}/imports`)), status: inWorkspace(201, 403, 403) },
  'GET /api/v1/workspaces/{ws}/datasets/{id}/batches': { req: async (c) => ({ url: ws(c, `/datasets/${await newDataset(c)}/batches`) }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/datasets/{id}/batches/{batchId}/rollback': {
    req: async (c) => {
      const { datasetId, batchId } = await newBatch(c);
      return { url: ws(c, `/datasets/${datasetId}/batches/${batchId}/rollback`) };
    },
    status: inWorkspace(200, 403, 403),
  },
  'GET /api/v1/workspaces/{ws}/datasets/{id}/rows': { req: async (c) => ({ url: ws(c, `/datasets/${(await newBatch(c)).datasetId}/rows`) }), status: inWorkspace(200, 200, 403) },
  'GET /api/v1/workspaces/{ws}/import-templates': { req: (c) => ({ url: ws(c, '/import-templates') }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/import-templates': {
    req: (c) => ({ url: ws(c, '/import-templates'), body: { name: c.unique('template'), columns: datasetBody('x').columns, keyColumns: [], dateColumn: '日期' } }),
    status: inWorkspace(201, 403, 403),
  },
  'DELETE /api/v1/workspaces/{ws}/import-templates/{id}': { req: async (c) => ({ url: ws(c, `/import-templates/${await newTemplate(c)}`) }), status: inWorkspace(200, 403, 403) },

  'GET /api/v1/workspaces/{ws}/metrics': { req: (c) => ({ url: ws(c, '/metrics') }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/metrics/{id}': { req: async (c) => ({ url: ws(c, `/metrics/${await newMetric(c)}`) }), status: inWorkspace(200, 200, 200) },
  'POST /api/v1/workspaces/{ws}/metrics': { req: async (c) => ({ url: ws(c, '/metrics'), body: metricBody(c.unique('metric'), await newDataset(c)) }), status: inWorkspace(201, 403, 403) },
  'PUT /api/v1/workspaces/{ws}/metrics/{id}': {
    req: async (c) => {
      const id = await newMetric(c);
      const current = await adminCall(c, 'GET', `/metrics/${id}`);
      return { url: ws(c, `/metrics/${id}`), body: { name: current.name, datasetId: current.datasetId, spec: { ...current.spec, unit: '万元' } } };
    },
    status: inWorkspace(200, 403, 403),
  },
  'DELETE /api/v1/workspaces/{ws}/metrics/{id}': { req: async (c) => ({ url: ws(c, `/metrics/${await newMetric(c)}`) }), status: inWorkspace(200, 403, 403) },
  'POST /api/v1/workspaces/{ws}/metrics/preview': { req: async (c) => ({ url: ws(c, '/metrics/preview'), body: metricBody('preview', (await newBatch(c)).datasetId) }), status: inWorkspace(200, 403, 403) },
  'GET /api/v1/workspaces/{ws}/metrics/{id}/values': { req: async (c) => ({ url: ws(c, `/metrics/${await newMetric(c)}/values`) }), status: inWorkspace(200, 200, 403) },
  'PUT /api/v1/workspaces/{ws}/metric-bindings': { req: async (c) => ({ url: ws(c, '/metric-bindings'), body: { term: c.unique('term'), metricId: await newMetric(c) } }), status: inWorkspace(200, 403, 403) },
  'GET /api/v1/workspaces/{ws}/datasets/{id}/suggested-metrics': { req: async (c) => ({ url: ws(c, `/datasets/${await newDataset(c)}/suggested-metrics`) }), status: inWorkspace(200, 200, 403) },
  'POST /api/v1/workspaces/{ws}/datasets/{id}/suggested-metrics': {
    req: async (c) => {
      const { payload, headers } = multipartForm({ dataset: JSON.stringify({ ...WECHAT_USERS, name: c.unique('公众号') }) }, { filename: 'users.csv', content: WECHAT_CSV });
      const res = await c.t.app.inject({ method: 'POST', url: ws(c, '/datasets/import'), headers: { ...headers, authorization: `Bearer ${c.org.tokens.admin}` }, payload });
      expect(res.statusCode, res.body).toBe(201);
      // each caller gets a fresh workspace-wide name: the suggestion's own name is created once
      await c.t.database.pool.query(`delete from metric_bindings where term in ('粉丝数'); delete from metrics where name = '粉丝数'`);
      return { url: ws(c, `/datasets/${res.json().dataset.id}/suggested-metrics`), body: { names: ['粉丝数'] } };
    },
    status: inWorkspace(201, 403, 403),
  },
  'GET /api/v1/workspaces/{ws}/cycles/{id}/metric-diff': {
    req: async (c) => ({ url: ws(c, `/cycles/${(await seedAppraisal(c.t, c.org, { state: 'closed', name: c.unique('diff cycle') })).cycleId}/metric-diff`) }),
    status: inWorkspace(200, 200, 403),
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/metric-refresh': {
    req: async (c) => ({ url: ws(c, `/cycles/${(await seedAppraisal(c.t, c.org, { state: 'open', name: c.unique('refresh cycle') })).cycleId}/metric-refresh`) }),
    status: inWorkspace(200, 403, 403),
    extra: [
      {
        who: 'admin',
        label: 'a closed cycle',
        status: 409,
        code: 'cycle_locked',
        req: async (c) => ({ url: ws(c, `/cycles/${(await seedAppraisal(c.t, c.org, { state: 'closed', name: c.unique('refresh cycle') })).cycleId}/metric-refresh`) }),
      },
    ],
  },
};
