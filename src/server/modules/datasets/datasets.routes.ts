import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  batch,
  createDatasetInput,
  dataset,
  datasetImportResult,
  datasetPreview,
  datasetRows,
  datasetRowsQuery,
  importQuery,
  importTemplate,
  saveTemplateInput,
  updateDatasetInput,
} from '../../../contracts/datasets.ts';
import { okBody } from '../../../contracts/common.ts';
import { jobAccepted } from '../../../contracts/jobs.ts';
import { issueToMessage } from '../../../contracts/issues.ts';
import type { AppDeps } from '../../http/deps.ts';
import { expectedVersion, tagged } from '../../http/versions.ts';
import { route } from '../../http/workspace-scope.ts';
import { spoolUploadedFile } from '../../http/upload-to-file.ts';
import { AppError } from '../../errors.ts';
import { rollBackBatch } from './batches.service.ts';
import { previewFile } from './dataset-preview.ts';
import { listBatchDtos, listDatasetDtos, loadDataset, loadDatasetDto } from './datasets.queries.ts';
import { createEmptyDataset, datasetRowsPage, deleteDataset, deleteTemplate, listTemplates, saveTemplate, templatesFor, updateDataset } from './datasets.service.ts';
import { fileChecksum, importFile, refuseSameFileEarly, refuseTakenName } from './import.service.ts';
import { checkDatasetShape } from './dataset-shape.ts';
import { refuseBrokenStart } from './spreadsheet-problems.ts';
import { queueImport } from './import.job.ts';
import { loadJob } from '../jobs/index.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const batchParams = z.object({ ws: z.string(), id: z.uuid(), batchId: z.uuid() });
const previewQuery = z.object({ datasetId: z.uuid().optional().describe('preview the mapping onto this dataset instead of recognising a template'), sheet: z.string().max(100).optional() });
const tags = ['datasets'];
const IMPORT_RULES =
  'All or nothing: a file with any invalid row is rejected with 422 `import_failed` listing the first 100 problems (row as the spreadsheet shows it, column header, value, reason) and the count of the rest; nothing is written. ' +
  'The same file imported twice is refused with 409 unless replace=true (the earlier batch is rolled back). Rows with the key of an earlier row replace it (kept, and restored if this batch is rolled back). ' +
  'A file larger than KEDU_IMPORT_JOB_MB is imported in the background: the answer is 202 with the job (GET /jobs/{id} tells its rows read so far, then its result — the same body as a 201 — or why it failed, with the same problems a 422 would list).';

/** Datasets, their import batches and import templates (domain.md §4). Thin: validate, authorise, call the service. */
export const datasetRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get('/datasets', { config: route('datasets.read'), schema: { tags, summary: 'The datasets of the workspace, with row and batch counts and the dates they cover', params: wsParams, response: { 200: z.array(dataset) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listDatasetDtos(db, viewer.workspaceId);
  });

  app.get('/datasets/:id', { config: route('datasets.read'), schema: { tags, summary: 'One dataset (ETag: the version of its name and description)', params: idParams, response: { 200: dataset } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return tagged(reply, await loadDatasetDto(db, viewer.workspaceId, request.params.id));
  });

  app.post('/datasets', { config: route('datasets.write'), schema: { tags, summary: 'Create an empty dataset from a column mapping (to import into later)', params: wsParams, body: createDatasetInput, response: { 201: dataset } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return createEmptyDataset(deps.database, actor, request.body);
  });

  app.patch('/datasets/:id', { config: route('datasets.write'), schema: { tags, summary: 'Rename a dataset or change its description. A stale version (If-Match or body version) is a 409', params: idParams, body: updateDatasetInput, response: { 200: dataset } } }, async (request, reply) => {
    const { actor } = request.ctx;
    const { version, ...input } = request.body;
    return tagged(reply, await updateDataset(db, actor, request.params.id, input, expectedVersion(request, version)));
  });

  app.delete('/datasets/:id', { config: route('datasets.write'), schema: { tags, summary: 'Delete a dataset with its rows and batches (refused while metrics use it)', params: idParams, response: { 200: okBody } } }, async (request) => {
    const { actor } = request.ctx;
    await deleteDataset(db, actor, request.params.id);
    return { ok: true as const };
  });

  app.post(
    '/datasets/preview',
    {
      config: route('datasets.write', { upload: true, readOnly: true }),
      schema: {
        tags,
        summary: 'What importing a file would do (multipart field "file"): header row, recognised template, column types, the first rows as stored; writes nothing',
        consumes: ['multipart/form-data'],
        params: wsParams,
        querystring: previewQuery,
        response: { 200: datasetPreview },
      },
    },
    async (request) => {
      const { viewer } = request.ctx;
      const upload = await spoolUploadedFile(request, deps.config.datasetUploadBytes, 'import.file_missing');
      try {
        const target = request.query.datasetId ? await loadDataset(db, viewer.workspaceId, request.query.datasetId) : undefined;
        return await previewFile({ path: upload.path, fileName: upload.filename, sheet: request.query.sheet ?? upload.fields.sheet }, await templatesFor(db, viewer.workspaceId), request.locale, target);
      } finally {
        await upload.remove();
      }
    },
  );

  app.post(
    '/datasets/import',
    {
      config: route('datasets.write', { upload: true }),
      schema: {
        tags,
        summary: 'Create a dataset and import its first file in one step (multipart: field "dataset" = the JSON of POST /datasets, then field "file")',
        description: IMPORT_RULES,
        consumes: ['multipart/form-data'],
        params: wsParams,
        querystring: importQuery,
        response: { 201: datasetImportResult, 202: jobAccepted },
      },
    },
    async (request, reply) => {
      const { actor } = request.ctx;
      const upload = await spoolUploadedFile(request, deps.config.datasetUploadBytes, 'import.file_missing');
      try {
        const create = parseDatasetField(upload.fields.dataset);
        if (upload.size > deps.config.importJobBytes) {
          checkDatasetShape(create);
          await refuseTakenName(db, actor.workspaceId, create.name);
          await refuseBrokenStart({ path: upload.path, fileName: upload.filename, sheet: request.query.sheet });
          const id = await queueImport(deps.database, deps.jobs, { workspaceId: actor.workspaceId, actor, target: { create }, fileName: upload.filename, sheet: request.query.sheet, replace: request.query.replace, size: upload.size }, upload.path, actor.userId);
          reply.status(202);
          return { job: await loadJob(db, request.viewer!, id, request.locale) };
        }
        reply.status(201);
        return await importFile(deps.database, { workspaceId: actor.workspaceId, actor, jobs: deps.jobs }, { create }, { path: upload.path, fileName: upload.filename, sheet: request.query.sheet, replace: request.query.replace });
      } finally {
        await upload.remove();
      }
    },
  );

  app.post(
    '/datasets/:id/imports',
    {
      config: route('datasets.write', { upload: true }),
      schema: {
        tags,
        summary: 'Import a file into a dataset as a new batch (multipart field "file")',
        description: IMPORT_RULES,
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: importQuery,
        response: { 201: datasetImportResult, 202: jobAccepted },
      },
    },
    async (request, reply) => {
      const { actor } = request.ctx;
      await loadDataset(db, actor.workspaceId, request.params.id);
      const upload = await spoolUploadedFile(request, deps.config.datasetUploadBytes, 'import.file_missing');
      try {
        if (upload.size > deps.config.importJobBytes) {
          if (!request.query.replace) await refuseSameFileEarly(db, request.params.id, await fileChecksum(upload.path));
          const sheet = request.query.sheet ?? upload.fields.sheet;
          await refuseBrokenStart({ path: upload.path, fileName: upload.filename, sheet });
          const id = await queueImport(deps.database, deps.jobs, { workspaceId: actor.workspaceId, actor, target: { datasetId: request.params.id }, fileName: upload.filename, sheet, replace: request.query.replace, size: upload.size }, upload.path, actor.userId);
          reply.status(202);
          return { job: await loadJob(db, request.viewer!, id, request.locale) };
        }
        reply.status(201);
        return await importFile(deps.database, { workspaceId: actor.workspaceId, actor, jobs: deps.jobs }, { datasetId: request.params.id }, { path: upload.path, fileName: upload.filename, sheet: request.query.sheet ?? upload.fields.sheet, replace: request.query.replace });
      } finally {
        await upload.remove();
      }
    },
  );

  app.get('/datasets/:id/batches', { config: route('datasets.read'), schema: { tags, summary: 'The import batches of a dataset, newest first (rolled-back ones included)', params: idParams, response: { 200: z.array(batch) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listBatchDtos(db, viewer.workspaceId, request.params.id);
  });

  app.post(
    '/datasets/:id/batches/:batchId/rollback',
    { config: route('datasets.write'), schema: { tags, summary: 'Roll an import batch back: its rows leave the dataset, rows it replaced count again; open cycles take their actuals again in the job actualsJob', params: batchParams, response: { 200: z.object({ batch, actualsJob: z.uuid() }) } } },
    async (request) => {
      const { actor } = request.ctx;
      return rollBackBatch(deps.database, { workspaceId: actor.workspaceId, actor, jobs: deps.jobs }, request.params.id, request.params.batchId);
    },
  );

  app.get('/datasets/:id/rows', { config: route('datasets.read'), schema: { tags, summary: 'A page of the rows that count (replaced rows are left out), optionally of one batch', params: idParams, querystring: datasetRowsQuery, response: { 200: datasetRows } } }, async (request) => {
    const { viewer } = request.ctx;
    return datasetRowsPage(db, viewer.workspaceId, request.params.id, request.query);
  });

  app.get('/import-templates', { config: route('datasets.read'), schema: { tags, summary: 'Import templates: the built-in layouts of real exports and the mappings saved in the workspace', params: wsParams, response: { 200: z.array(importTemplate) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listTemplates(db, viewer.workspaceId);
  });

  app.post('/import-templates', { config: route('datasets.write'), schema: { tags, summary: 'Save a column mapping as an import template', params: wsParams, body: saveTemplateInput, response: { 201: importTemplate } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return saveTemplate(db, actor, request.body);
  });

  app.delete('/import-templates/:id', { config: route('datasets.write'), schema: { tags, summary: 'Delete a saved import template (built-in ones cannot be deleted)', params: idParams, response: { 200: okBody } } }, async (request) => {
    const { actor } = request.ctx;
    await deleteTemplate(db, actor, request.params.id);
    return { ok: true as const };
  });
};

/** The "dataset" field of a create-and-import upload, checked like the body of POST /datasets. */
function parseDatasetField(text: string | undefined) {
  if (text === undefined) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'dataset'], code: 'field.required' }]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'dataset'], code: 'dataset.field_not_json' }]);
  }
  const parsed = createDatasetInput.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => {
      const { key, params } = issueToMessage(i);
      return { path: ['body', 'dataset', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], code: key, params };
    });
    throw new AppError('validation_failed', { count: details.length }, details);
  }
  return parsed.data;
}
