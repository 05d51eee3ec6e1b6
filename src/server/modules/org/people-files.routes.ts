import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importResult, listPeopleQuery } from '../../../contracts/org.ts';
import { sendXlsx } from '../../http/attachment.ts';
import { readUploadedFile } from '../../http/upload.ts';
import type { AppDeps } from '../../http/deps.ts';
import { route } from '../../http/workspace-scope.ts';
import { exportPeople, importTemplate } from './people-export.ts';
import { importPeople } from './people-import.service.ts';

const wsParams = z.object({ ws: z.string() });
const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true: check the file and count, write nothing').transform((v) => v === 'true'),
});
const exportQuery = listPeopleQuery.omit({ page: true, pageSize: true });

/** People in and out of spreadsheets: import (all or nothing), export, and the import template. */
export const peopleFileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  const tags = ['people'];

  app.post(
    '/people/import',
    {
      // a file upload: the handler explains a missing file better than the generic body check
      config: route('people.import', { upload: true }),
      schema: {
        tags,
        summary: 'Import people from an .xlsx or .csv file (multipart field "file"); all or nothing',
        description:
          'Rows whose email matches a person of the workspace update that person; other rows create people. Missing departments and positions are created. ' +
          'A file with any problem is rejected with 422 `import_failed` listing the first 100 problems (row, column, value, reason); nothing is written.',
        consumes: ['multipart/form-data'],
        params: wsParams,
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, 'import.file_missing');
      return importPeople(db, request.ctx, file, { dryRun: request.query.dryRun });
    },
  );

  app.get(
    '/people/export',
    { config: route('people.export'), schema: { tags, summary: 'The people you may see, filtered like the list, as .xlsx (re-importable)', params: wsParams, querystring: exportQuery } },
    async (request, reply) => {
      const { viewer } = request.ctx;
      return sendXlsx(reply, await exportPeople(db, viewer, request.query, request.locale));
    },
  );

  app.get(
    '/people/import-template',
    { config: route('people.import'), schema: { tags, summary: 'An .xlsx import template: the headers, an example row and a help sheet', params: wsParams } },
    async (request, reply) => {
      return sendXlsx(reply, await importTemplate(request.locale));
    },
  );
};
