import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { job } from '../../../contracts/jobs.ts';
import type { AppDeps } from '../../http/deps.ts';
import { route } from '../../http/workspace-scope.ts';
import { announceFollower } from '../../jobs/live-jobs.ts';
import { followJob, loadJob } from './jobs.service.ts';

const idParams = z.object({ ws: z.string(), id: z.uuid() });

/** Background jobs (docs/architecture.md "Jobs"): how far one got, and its result or why it failed. */
export const jobRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/jobs/:id',
    { config: route('workspace.read'), schema: { tags: ['jobs'], summary: 'A background job you started (admins: any of the workspace): state, progress, result or error', params: idParams, response: { 200: job } } },
    async (request) => {
      const { viewer } = request.ctx;
      return loadJob(db, viewer, request.params.id, request.locale);
    },
  );

  app.get(
    '/jobs/:id/events',
    { config: route('workspace.read'),
      schema: {
        tags: ['jobs'],
        summary: 'The same job as a stream of server-sent events: one `job` event (the body of GET /jobs/{id}) at each change, until it has completed or failed',
        produces: ['text/event-stream'],
        params: idParams,
      },
    },
    async (request, reply) => {
      const { viewer } = request.ctx;
      // checked (404 for a job the viewer may not see) before the stream opens
      const first = await loadJob(db, viewer, request.params.id, request.locale);
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', connection: 'keep-alive' });
      let open = true;
      request.raw.once('close', () => {
        open = false;
      });
      const send = (value: unknown) => {
        if (open) reply.raw.write(`event: job\ndata: ${JSON.stringify(value)}\n\n`);
      };
      announceFollower(first.id);
      await followJob(db, viewer, first, request.locale, send, () => open);
      reply.raw.end();
    },
  );
};
