import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkCardInput,
  checkCardResult,
  copyTemplateInput,
  createTemplateInput,
  exportedFile,
  importTemplateBody,
  importTemplateQuery,
  listTemplatesQuery,
  previewQuery,
  scorecardPreview,
  setAssignmentsInput,
  setTargetsInput,
  targetGrid,
  targetsQuery,
  template,
  templateSummary,
  updateTemplateInput,
} from '../../../contracts/scorecards.ts';
import { asAttachment } from '../../http/attachment.ts';
import type { AppDeps } from '../../http/deps.ts';
import { expectedVersion, tagged } from '../../http/versions.ts';
import { route } from '../../http/workspace-scope.ts';
import { setAssignments } from './assignments.service.ts';
import { exportTemplate, importTemplate } from './files.service.ts';
import { previewScorecard } from './preview.service.ts';
import { copyTemplate, createTemplate, getTemplate, listTemplates, setTemplateStatus, updateTemplate } from './scorecards.service.ts';
import { checkCard } from './template-card.ts';
import { getTargets, setTargets } from './targets.service.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const tags = ['scorecards'];

/** Scorecard templates, their assignments and the year's targets. Thin: validate, authorise, call the service. */
export const scorecardRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get(
    '/scorecard-templates',
    { config: route('scorecards.read'), schema: { tags, summary: 'Scorecard templates with their indicator count, weight sum, assignments and holders, by name', params: wsParams, querystring: listTemplatesQuery, response: { 200: z.array(templateSummary) } } },
    async (request) => {
      const { viewer } = request.ctx;
      return listTemplates(db, viewer.workspaceId, request.query);
    },
  );
  app.get('/scorecard-templates/:id', { config: route('scorecards.read'), schema: { tags, summary: 'One template: its card, assignments and design warnings (ETag: its version)', params: idParams, response: { 200: template } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return tagged(reply, await getTemplate(db, viewer.workspaceId, request.params.id, viewer));
  });
  app.post(
    '/scorecard-templates',
    { config: route('scorecards.write'),
      schema: {
        tags,
        summary: 'Create a template; the card is checked by the scoring engine (design warnings are returned, never block saving)',
        params: wsParams,
        body: createTemplateInput,
        response: { 201: template },
      },
    },
    async (request, reply) => {
      const { actor } = request.ctx;
      reply.status(201);
      return createTemplate(db, actor, request.body);
    },
  );
  app.patch(
    '/scorecard-templates/:id',
    { config: route('scorecards.write'), schema: { tags, summary: 'Edit a template (its period kind only while it has no assignments and no targets). A stale version (If-Match or body version) is a 409', params: idParams, body: updateTemplateInput, response: { 200: template } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      const { version, ...input } = request.body;
      return tagged(reply, await updateTemplate(db, actor, request.params.id, input, expectedVersion(request, version)));
    },
  );
  app.post(
    '/scorecard-templates/:id/copy',
    { config: route('scorecards.write'), schema: { tags, summary: 'Copy a template (card, description, period) under a new name', params: idParams, body: copyTemplateInput.nullish(), response: { 201: template } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      reply.status(201);
      return copyTemplate(db, actor, request.params.id, request.body ?? {}, request.locale);
    },
  );
  app.post(
    '/scorecard-templates/:id/archive',
    { config: route('scorecards.write'), schema: { tags, summary: 'Archive a template: hidden from the default list, its assignments released', params: idParams, response: { 200: template } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      return tagged(reply, await setTemplateStatus(db, actor, request.params.id, 'archived', expectedVersion(request)));
    },
  );
  app.post('/scorecard-templates/:id/restore', { config: route('scorecards.write'), schema: { tags, summary: 'Restore an archived template', params: idParams, response: { 200: template } } }, async (request, reply) => {
    const { actor } = request.ctx;
    return tagged(reply, await setTemplateStatus(db, actor, request.params.id, 'active', expectedVersion(request)));
  });
  app.post(
    '/scorecard-templates/check',
    { config: route('scorecards.read', { readOnly: true }), schema: { tags, summary: 'Check a card: definition errors and design warnings, in both languages (for the editor; writes nothing)', params: wsParams, body: checkCardInput, response: { 200: checkCardResult } } },
    async (request) => {
      return checkCard(request.body.card);
    },
  );
  app.get(
    '/scorecard-templates/:id/export',
    { config: route('scorecards.read'), schema: { tags, summary: 'Download the template as a kedu.scorecard/v1 file', params: idParams, response: { 200: exportedFile } } },
    async (request, reply) => {
      const { viewer } = request.ctx;
      const { filename, file } = await exportTemplate(db, viewer.workspaceId, request.params.id);
      asAttachment(reply, filename);
      return file;
    },
  );
  app.post(
    '/scorecard-templates/import',
    { config: route('scorecards.write'),
      schema: {
        tags,
        summary: 'Create a template from a kedu.scorecard/v1 file (the JSON body); every problem of the file is located by its path',
        params: wsParams,
        querystring: importTemplateQuery,
        body: importTemplateBody,
        response: { 201: template },
      },
    },
    async (request, reply) => {
      const { actor } = request.ctx;
      const created = await importTemplate(db, actor, request.body, request.query);
      reply.status(201);
      return created;
    },
  );
  app.put(
    '/scorecard-templates/:id/assignments',
    { config: route('scorecards.write'), schema: { tags, summary: 'Replace the positions and people that get the template', params: idParams, body: setAssignmentsInput, response: { 200: template } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      const { version, ...input } = request.body;
      return tagged(reply, await setAssignments(db, actor, request.params.id, input, expectedVersion(request, version)));
    },
  );
  app.get(
    '/scorecard-templates/:id/targets',
    { config: route('scorecards.read'), schema: { tags, summary: 'The year grid of targets of a position or a person: a row per indicator, a column per period', params: idParams, querystring: targetsQuery, response: { 200: targetGrid } } },
    async (request, reply) => {
      const { viewer } = request.ctx;
      return tagged(reply, await getTargets(db, viewer.workspaceId, request.params.id, request.query, 'querystring', viewer));
    },
  );
  app.put(
    '/scorecard-templates/:id/targets',
    { config: route('scorecards.write'), schema: { tags, summary: 'Set or clear targets of a position or a person (all or nothing)', params: idParams, body: setTargetsInput, response: { 200: targetGrid } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      const { version, ...input } = request.body;
      return tagged(reply, await setTargets(db, actor, request.params.id, input, expectedVersion(request, version)));
    },
  );
  app.get(
    '/scorecard-preview',
    { config: route('workspace.read'),
      schema: {
        tags,
        summary: 'The scorecard a person gets for a period, with where each target comes from (null when they have no template)',
        params: wsParams,
        querystring: previewQuery,
        response: { 200: scorecardPreview },
      },
    },
    async (request) => {
      const { viewer } = request.ctx;
      return previewScorecard(db, viewer, request.query);
    },
  );
};
