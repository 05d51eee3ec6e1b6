import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../http/deps.ts';
import { route } from '../../../http/workspace-scope.ts';
import { refreshCycleFromData } from './actuals-from-data.ts';
import { metricDiff } from './metric-diff.ts';

const idParams = z.object({ ws: z.string(), id: z.uuid() });
const tags = ['cycles'];
const diffRow = z.object({ participantId: z.uuid(), personId: z.uuid(), personName: z.string(), term: z.string(), stored: z.number().nullable(), source: z.string().nullable(), current: z.number().nullable(), metric: z.string(), dataset: z.string() });

/** A cycle's actuals taken from data: what the data would change, and taking them again in an open cycle. */
export const actualsDataRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get(
    '/cycles/:id/metric-diff',
    { config: route('metrics.diff'), schema: { tags, summary: 'What taking the metric-bound actuals from the data again would change (closed cycles keep theirs: shown, never applied)', params: idParams, response: { 200: z.object({ state: z.string(), rows: z.array(diffRow) }) } } },
    async (request) => {
      const { viewer } = request.ctx;
      return metricDiff(db, viewer, request.params.id);
    },
  );

  app.post('/cycles/:id/metric-refresh', { config: route('cycles.manage'), schema: { tags, summary: 'Take the metric-bound actuals of an open cycle from the data again', params: idParams, response: { 200: z.object({ refreshed: z.boolean() }) } } }, async (request) => {
    const { actor } = request.ctx;
    return { refreshed: (await refreshCycleFromData(db, actor.workspaceId, request.params.id)) > 0 };
  });
};
