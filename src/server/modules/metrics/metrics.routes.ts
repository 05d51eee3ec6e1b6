import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okBody } from '../../../contracts/common.ts';
import { applySuggestionsInput, bindingInput, metric, metricInput, metricValues, metricValuesQuery, suggestedMetric, updateMetricInput } from '../../../contracts/datasets.ts';
import type { AppDeps } from '../../http/deps.ts';
import { expectedVersion, tagged } from '../../http/versions.ts';
import { route } from '../../http/workspace-scope.ts';
import { applySuggestions, listSuggestions } from './suggestions.service.ts';
import { createMetric, deleteMetric, getMetric, listMetrics, metricValues as valuesOf, previewMetric, setBinding, updateMetric } from './metrics.service.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const tags = ['metrics'];

/** The data dictionary: metrics over datasets, their values per owner and period, and their bindings to indicator terms. */
export const metricRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, jobs }) => {
  const { db } = database;
  app.get('/metrics', { config: route('metrics.read'), schema: { tags, summary: 'The data dictionary: every metric with its definition (口径), dataset and the indicator terms it feeds', params: wsParams, response: { 200: z.array(metric) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listMetrics(db, viewer.workspaceId);
  });

  app.get('/metrics/:id', { config: route('metrics.read'), schema: { tags, summary: 'One metric (ETag: its version)', params: idParams, response: { 200: metric } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return tagged(reply, await getMetric(db, viewer.workspaceId, request.params.id));
  });

  app.post('/metrics', { config: route('metrics.write'), schema: { tags, summary: 'Define a metric with the builder (no SQL): aggregation, expression, filters, date column, owner column and its definition', params: wsParams, body: metricInput, response: { 201: metric } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return createMetric(db, actor, request.body);
  });

  app.put('/metrics/:id', { config: route('metrics.write'), schema: { tags, summary: 'Change a metric; open cycles take the new values from the data in the background (GET the cycle: actualsRefreshing), closed ones keep theirs. A stale version (If-Match or body version) is a 409', params: idParams, body: updateMetricInput, response: { 200: metric } } }, async (request, reply) => {
    const { actor } = request.ctx;
    const { version, ...input } = request.body;
    return tagged(reply, await updateMetric(database, jobs, actor, request.params.id, input, expectedVersion(request, version)));
  });

  app.delete('/metrics/:id', { config: route('metrics.write'), schema: { tags, summary: 'Delete a metric (refused while it feeds indicator terms; a stale If-Match is a 409)', params: idParams, response: { 200: okBody } } }, async (request) => {
    const { actor } = request.ctx;
    await deleteMetric(db, actor, request.params.id, expectedVersion(request));
    return { ok: true as const };
  });

  app.post('/metrics/preview', { config: route('metrics.write', { readOnly: true }), schema: { tags, summary: "A definition's values per owner and period before it is saved (the builder's preview)", params: wsParams, querystring: metricValuesQuery, body: metricInput, response: { 200: metricValues } } }, async (request) => {
    const { viewer } = request.ctx;
    return previewMetric(db, viewer.workspaceId, request.body, request.query);
  });

  app.get('/metrics/:id/values', { config: route('metrics.values'), schema: { tags, summary: "A metric's values per owner and period, computed from the data now, with the rows behind each", params: idParams, querystring: metricValuesQuery, response: { 200: metricValues } } }, async (request) => {
    const { viewer } = request.ctx;
    return valuesOf(db, viewer.workspaceId, request.params.id, request.query);
  });

  app.put('/metric-bindings', { config: route('metrics.write'), schema: { tags, summary: "Bind an indicator's term to a metric (metricId null unbinds); open cycles take the actuals from the data in the background", params: wsParams, body: bindingInput, response: { 200: z.array(metric) } } }, async (request) => {
    const { actor } = request.ctx;
    return setBinding(database, jobs, actor, request.body);
  });

  app.get(
    '/datasets/:id/suggested-metrics',
    { config: route('datasets.read'), schema: { tags, summary: 'Metrics the built-in indicator library suggests for a dataset made from a built-in template, each with its definition and the indicators it feeds', params: idParams, response: { 200: z.array(suggestedMetric) } } },
    async (request) => {
      const { viewer } = request.ctx;
      return listSuggestions(db, viewer.workspaceId, request.params.id);
    },
  );

  app.post(
    '/datasets/:id/suggested-metrics',
    { config: route('metrics.write'), schema: { tags, summary: 'Create suggested metrics and bind each to its term (unless bound already); open cycles take the actuals from the data in the background', params: idParams, body: applySuggestionsInput, response: { 201: z.array(metric) } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      reply.status(201);
      return applySuggestions(database, jobs, actor, request.params.id, request.body.names);
    },
  );
};
