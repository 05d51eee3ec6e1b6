import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkFormulaInput,
  checkFormulaResult,
  copyIndicatorInput,
  createIndicatorInput,
  indicator,
  indicatorsPage,
  libraryIndicator,
  libraryQuery,
  listIndicatorsQuery,
  updateIndicatorInput,
} from '../../../contracts/indicators.ts';
import type { AppDeps } from '../../http/deps.ts';
import { expectedVersion, tagged } from '../../http/versions.ts';
import { route } from '../../http/workspace-scope.ts';
import { checkFormulaFor } from './formula-check.ts';
import { copyIndicator, createIndicator, getIndicator, listIndicators, setIndicatorStatus, updateIndicator } from './indicators.service.ts';
import { copyBuiltin, listLibrary } from './library.service.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const keyParams = z.object({ ws: z.string(), key: z.string().max(60).regex(/^[a-z][a-z0-9_]*$/) });
const tags = ['indicators'];

/** The indicator library of a workspace and the built-in library. Thin: validate, authorise, call the service. */
export const indicatorRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get('/indicators', { config: route('indicators.read'), schema: { tags, summary: 'Search, filter and page the indicator library', params: wsParams, querystring: listIndicatorsQuery, response: { 200: indicatorsPage } } }, async (request) => {
    const { viewer } = request.ctx;
    return listIndicators(db, viewer.workspaceId, request.query);
  });
  app.get('/indicators/:id', { config: route('indicators.read'), schema: { tags, summary: 'One indicator (ETag: its version)', params: idParams, response: { 200: indicator } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return tagged(reply, await getIndicator(db, viewer.workspaceId, request.params.id));
  });
  app.post('/indicators', { config: route('indicators.write'), schema: { tags, summary: 'Define an indicator: purpose, formula and a data definition for every term', params: wsParams, body: createIndicatorInput, response: { 201: indicator } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return createIndicator(db, actor, request.body);
  });
  app.patch('/indicators/:id', { config: route('indicators.write'), schema: { tags, summary: 'Edit an indicator. A stale version (If-Match or body version) is a 409', params: idParams, body: updateIndicatorInput, response: { 200: indicator } } }, async (request, reply) => {
    const { actor } = request.ctx;
    const { version, ...input } = request.body;
    return tagged(reply, await updateIndicator(db, actor, request.params.id, input, expectedVersion(request, version)));
  });
  app.post('/indicators/:id/copy', { config: route('indicators.write'), schema: { tags, summary: 'Copy an indicator under a new key and name', params: idParams, body: copyIndicatorInput.nullish(), response: { 201: indicator } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return copyIndicator(db, actor, request.params.id, request.body ?? {}, request.locale);
  });
  app.post('/indicators/:id/archive', { config: route('indicators.write'), schema: { tags, summary: 'Archive an indicator (hidden from the default list, kept for history)', params: idParams, response: { 200: indicator } } }, async (request, reply) => {
    const { actor } = request.ctx;
    return tagged(reply, await setIndicatorStatus(db, actor, request.params.id, 'archived', expectedVersion(request)));
  });
  app.post('/indicators/:id/restore', { config: route('indicators.write'), schema: { tags, summary: 'Restore an archived indicator', params: idParams, response: { 200: indicator } } }, async (request, reply) => {
    const { actor } = request.ctx;
    return tagged(reply, await setIndicatorStatus(db, actor, request.params.id, 'active', expectedVersion(request)));
  });
  app.post('/indicators/check-formula', { config: route('indicators.read', { readOnly: true }), schema: { tags, summary: 'Check a formula against its terms (for the editor; writes nothing)', params: wsParams, body: checkFormulaInput, response: { 200: checkFormulaResult } } }, async (request) => {
    return checkFormulaFor(request.body, request.locale);
  });

  app.get('/indicator-library', { config: route('indicators.read'), schema: { tags, summary: 'The built-in indicators in the request language, with the workspace’s copies', params: wsParams, querystring: libraryQuery, response: { 200: z.array(libraryIndicator) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listLibrary(db, viewer.workspaceId, request.locale, request.query);
  });
  app.post('/indicator-library/:key/copy', { config: route('indicators.write'), schema: { tags, summary: 'Copy a built-in indicator into the workspace library', params: keyParams, body: copyIndicatorInput.nullish(), response: { 201: indicator } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return copyBuiltin(db, actor, request.params.key, request.body ?? {}, request.locale);
  });
};
