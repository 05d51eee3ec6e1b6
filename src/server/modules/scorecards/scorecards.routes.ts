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
import { allowedActor, allowedViewer } from '../../http/actor.ts';
import { asAttachment } from '../../http/attachment.ts';
import type { AppDeps } from '../../http/deps.ts';
import { setAssignments } from './assignments.service.ts';
import { exportTemplate, importTemplate } from './files.service.ts';
import { previewScorecard } from './preview.service.ts';
import { copyTemplate, createTemplate, getTemplate, listTemplates, setTemplateStatus, updateTemplate } from './scorecards.service.ts';
import { checkCard } from './template-card.ts';
import { getTargets, setTargets } from './targets.service.ts';
import { READ_ONLY_ROUTE } from '../../http/auth-hooks.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const tags = ['scorecards'];

/** Scorecard templates, their assignments and the year's targets. Thin: validate, authorise, call the service. */
export const scorecardRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get(
    '/scorecard-templates',
    { schema: { tags, summary: 'Scorecard templates with their indicator count, weight sum, assignments and holders, by name', params: wsParams, querystring: listTemplatesQuery, response: { 200: z.array(templateSummary) } } },
    async (request) => {
      const viewer = allowedViewer(request, 'scorecards.read');
      return listTemplates(db, viewer.workspaceId, request.query);
    },
  );
  app.get('/scorecard-templates/:id', { schema: { tags, summary: 'One template: its card, assignments and design warnings', params: idParams, response: { 200: template } } }, async (request) => {
    const viewer = allowedViewer(request, 'scorecards.read');
    return getTemplate(db, viewer.workspaceId, request.params.id, viewer);
  });
  app.post(
    '/scorecard-templates',
    {
      schema: {
        tags,
        summary: 'Create a template; the card is checked by the scoring engine (design warnings are returned, never block saving)',
        params: wsParams,
        body: createTemplateInput,
        response: { 201: template },
      },
    },
    async (request, reply) => {
      const actor = allowedActor(request, 'scorecards.write');
      reply.status(201);
      return createTemplate(db, actor, request.body);
    },
  );
  app.patch(
    '/scorecard-templates/:id',
    { schema: { tags, summary: 'Edit a template (its period kind only while it has no assignments and no targets)', params: idParams, body: updateTemplateInput, response: { 200: template } } },
    async (request) => {
      const actor = allowedActor(request, 'scorecards.write');
      return updateTemplate(db, actor, request.params.id, request.body);
    },
  );
  app.post(
    '/scorecard-templates/:id/copy',
    { schema: { tags, summary: 'Copy a template (card, description, period) under a new name', params: idParams, body: copyTemplateInput.nullish(), response: { 201: template } } },
    async (request, reply) => {
      const actor = allowedActor(request, 'scorecards.write');
      reply.status(201);
      return copyTemplate(db, actor, request.params.id, request.body ?? {}, request.locale);
    },
  );
  app.post(
    '/scorecard-templates/:id/archive',
    { schema: { tags, summary: 'Archive a template: hidden from the default list, its assignments released', params: idParams, response: { 200: template } } },
    async (request) => {
      const actor = allowedActor(request, 'scorecards.write');
      return setTemplateStatus(db, actor, request.params.id, 'archived');
    },
  );
  app.post('/scorecard-templates/:id/restore', { schema: { tags, summary: 'Restore an archived template', params: idParams, response: { 200: template } } }, async (request) => {
    const actor = allowedActor(request, 'scorecards.write');
    return setTemplateStatus(db, actor, request.params.id, 'active');
  });
  app.post(
    '/scorecard-templates/check',
    { ...READ_ONLY_ROUTE, schema: { tags, summary: 'Check a card: definition errors and design warnings, in both languages (for the editor; writes nothing)', params: wsParams, body: checkCardInput, response: { 200: checkCardResult } } },
    async (request) => {
      allowedViewer(request, 'scorecards.read');
      return checkCard(request.body.card);
    },
  );
  app.get(
    '/scorecard-templates/:id/export',
    { schema: { tags, summary: 'Download the template as a kedu.scorecard/v1 file', params: idParams, response: { 200: exportedFile } } },
    async (request, reply) => {
      const viewer = allowedViewer(request, 'scorecards.read');
      const { filename, file } = await exportTemplate(db, viewer.workspaceId, request.params.id);
      asAttachment(reply, filename);
      return file;
    },
  );
  app.post(
    '/scorecard-templates/import',
    {
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
      const actor = allowedActor(request, 'scorecards.write');
      const created = await importTemplate(db, actor, request.body, request.query);
      reply.status(201);
      return created;
    },
  );
  app.put(
    '/scorecard-templates/:id/assignments',
    { schema: { tags, summary: 'Replace the positions and people that get the template', params: idParams, body: setAssignmentsInput, response: { 200: template } } },
    async (request) => {
      const actor = allowedActor(request, 'scorecards.write');
      return setAssignments(db, actor, request.params.id, request.body);
    },
  );
  app.get(
    '/scorecard-templates/:id/targets',
    { schema: { tags, summary: 'The year grid of targets of a position or a person: a row per indicator, a column per period', params: idParams, querystring: targetsQuery, response: { 200: targetGrid } } },
    async (request) => {
      const viewer = allowedViewer(request, 'scorecards.read');
      return getTargets(db, viewer.workspaceId, request.params.id, request.query, 'querystring', viewer);
    },
  );
  app.put(
    '/scorecard-templates/:id/targets',
    { schema: { tags, summary: 'Set or clear targets of a position or a person (all or nothing)', params: idParams, body: setTargetsInput, response: { 200: targetGrid } } },
    async (request) => {
      const actor = allowedActor(request, 'scorecards.write');
      return setTargets(db, actor, request.params.id, request.body);
    },
  );
  app.get(
    '/scorecard-preview',
    {
      schema: {
        tags,
        summary: 'The scorecard a person gets for a period, with where each target comes from (null when they have no template)',
        params: wsParams,
        querystring: previewQuery,
        response: { 200: scorecardPreview },
      },
    },
    async (request) => {
      const viewer = allowedViewer(request, 'workspace.read');
      return previewScorecard(db, viewer, request.query);
    },
  );
};
