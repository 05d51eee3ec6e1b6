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
import { allowedActor, allowedViewer } from '../../http/actor.ts';
import type { AppDeps } from '../../http/deps.ts';
import { checkFormulaFor } from './formula-check.ts';
import { copyIndicator, createIndicator, getIndicator, listIndicators, setIndicatorStatus, updateIndicator } from './indicators.service.ts';
import { copyBuiltin, listLibrary } from './library.service.ts';
import { READ_ONLY_ROUTE } from '../../http/auth-hooks.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const keyParams = z.object({ ws: z.string(), key: z.string().max(60).regex(/^[a-z][a-z0-9_]*$/) });
const tags = ['indicators'];

/** The indicator library of a workspace and the built-in library. Thin: validate, authorise, call the service. */
export const indicatorRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get('/indicators', { schema: { tags, summary: 'Search, filter and page the indicator library', params: wsParams, querystring: listIndicatorsQuery, response: { 200: indicatorsPage } } }, async (request) => {
    const viewer = allowedViewer(request, 'indicators.read');
    return listIndicators(db, viewer.workspaceId, request.query);
  });
  app.get('/indicators/:id', { schema: { tags, summary: 'One indicator', params: idParams, response: { 200: indicator } } }, async (request) => {
    const viewer = allowedViewer(request, 'indicators.read');
    return getIndicator(db, viewer.workspaceId, request.params.id);
  });
  app.post('/indicators', { schema: { tags, summary: 'Define an indicator: purpose, formula and a data definition for every term', params: wsParams, body: createIndicatorInput, response: { 201: indicator } } }, async (request, reply) => {
    const actor = allowedActor(request, 'indicators.write');
    reply.status(201);
    return createIndicator(db, actor, request.body);
  });
  app.patch('/indicators/:id', { schema: { tags, summary: 'Edit an indicator', params: idParams, body: updateIndicatorInput, response: { 200: indicator } } }, async (request) => {
    const actor = allowedActor(request, 'indicators.write');
    return updateIndicator(db, actor, request.params.id, request.body);
  });
  app.post('/indicators/:id/copy', { schema: { tags, summary: 'Copy an indicator under a new key and name', params: idParams, body: copyIndicatorInput.nullish(), response: { 201: indicator } } }, async (request, reply) => {
    const actor = allowedActor(request, 'indicators.write');
    reply.status(201);
    return copyIndicator(db, actor, request.params.id, request.body ?? {}, request.locale);
  });
  app.post('/indicators/:id/archive', { schema: { tags, summary: 'Archive an indicator (hidden from the default list, kept for history)', params: idParams, response: { 200: indicator } } }, async (request) => {
    const actor = allowedActor(request, 'indicators.write');
    return setIndicatorStatus(db, actor, request.params.id, 'archived');
  });
  app.post('/indicators/:id/restore', { schema: { tags, summary: 'Restore an archived indicator', params: idParams, response: { 200: indicator } } }, async (request) => {
    const actor = allowedActor(request, 'indicators.write');
    return setIndicatorStatus(db, actor, request.params.id, 'active');
  });
  app.post('/indicators/check-formula', { ...READ_ONLY_ROUTE, schema: { tags, summary: 'Check a formula against its terms (for the editor; writes nothing)', params: wsParams, body: checkFormulaInput, response: { 200: checkFormulaResult } } }, async (request) => {
    allowedViewer(request, 'indicators.read');
    return checkFormulaFor(request.body, request.locale);
  });

  app.get('/indicator-library', { schema: { tags, summary: 'The built-in indicators in the request language, with the workspace’s copies', params: wsParams, querystring: libraryQuery, response: { 200: z.array(libraryIndicator) } } }, async (request) => {
    const viewer = allowedViewer(request, 'indicators.read');
    return listLibrary(db, viewer.workspaceId, request.locale, request.query);
  });
  app.post('/indicator-library/:key/copy', { schema: { tags, summary: 'Copy a built-in indicator into the workspace library', params: keyParams, body: copyIndicatorInput.nullish(), response: { 201: indicator } } }, async (request, reply) => {
    const actor = allowedActor(request, 'indicators.write');
    reply.status(201);
    return copyBuiltin(db, actor, request.params.key, request.body ?? {}, request.locale);
  });
};
