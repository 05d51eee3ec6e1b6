import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actualsImportResult, cycleParams, ranking, rankingQuery } from '../../../../contracts/cycle-results.ts';
import { sendXlsx } from '../../../http/attachment.ts';
import type { AppDeps } from '../../../http/deps.ts';
import { route } from '../../../http/workspace-scope.ts';
import { readUploadedFile } from '../../../http/upload.ts';
import { importActuals } from '../actuals/actuals-import.ts';
import { actualsTemplate } from '../actuals/actuals-template.ts';
import { loadRanking } from './ranking.service.ts';
import { exportResults } from './results-export.ts';
import { requireManagerOrAdmin } from './results-common.ts';

/** Results as files: the ranking export (XLSX), the actuals upload (XLSX/CSV) and its template. Thin: validate, authorise, call the service. */
export const resultFileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  const tags = ['appraisal results'];

  app.get(
    '/cycles/:id/ranking',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'Calibration: the participants you may see ranked by the total that counts, the grade distribution and the forced-distribution check',
        description:
          'Managers (their units) and admins (everyone); members are refused (403). unitId narrows it to a unit and the units below it. ' +
          'The total that counts is the adjusted total when there is one; equal totals share a rank.',
        params: cycleParams,
        querystring: rankingQuery,
        response: { 200: ranking },
      },
    },
    async (request) => (await loadRanking(db, request.ctx.viewer, request.params.id, request.query.unitId)).ranking,
  );

  app.get(
    '/cycles/:id/results.xlsx',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'The ranking as .xlsx: sheet 结果/Results (one row per participant) and 明细/Details (one row per participant and indicator)',
        description: 'Managers and admins; the same participants as the ranking. Headers in the request\'s language.',
        params: cycleParams,
        querystring: rankingQuery,
      },
    },
    async (request, reply) => sendXlsx(reply, await exportResults(db, request.ctx.viewer, request.params.id, request.query.unitId, request.locale)),
  );

  app.post(
    '/cycles/:id/actuals/import',
    {
      config: route('cycles.read', { upload: true }),
      schema: {
        tags,
        summary: 'Upload actuals from an .xlsx or .csv file (multipart field "file"); all or nothing',
        description:
          'Columns: `person` (a participant\'s name, email or employee number) and one column per term the participants\' scorecards read. ' +
          'A cell NA, N/A or 不适用 marks the indicators reading that term not applicable; an empty cell leaves the value unchanged. ' +
          'Managers (for the participants in their units) and admins, while the cycle is open. A file with any problem is rejected with 422 `import_failed` ' +
          'listing the first 100 problems (row, column, value, reason); nothing is written.',
        consumes: ['multipart/form-data'],
        params: cycleParams,
        response: { 200: actualsImportResult },
      },
    },
    async (request) => {
      const viewer = request.ctx.viewer;
      requireManagerOrAdmin(viewer);
      const file = await readUploadedFile(request, 'actuals.file_missing');
      return importActuals(db, request.ctx, request.params.id, file);
    },
  );

  app.get(
    '/cycles/:id/actuals/template.xlsx',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'An .xlsx to fill in for the actuals upload: the participants you manage and a column per term, with the values entered so far',
        params: cycleParams,
      },
    },
    async (request, reply) => sendXlsx(reply, await actualsTemplate(db, request.ctx.viewer, request.params.id, request.locale)),
  );
};

