import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptAppealInput,
  adjustmentInput,
  appeal,
  appealParams,
  appealResult,
  appealsQuery,
  createAppealInput,
  cycleParams,
  participantParams,
  participantResult,
  rejectAppealInput,
  removeAdjustmentInput,
} from '../../../../contracts/cycle-results.ts';
import type { AppDeps } from '../../../http/deps.ts';
import { route } from '../../../http/workspace-scope.ts';
import { removeAdjustment, setAdjustment } from './adjustments.service.ts';
import { acceptAppeal, createAppeal, listAppeals, rejectAppeal } from './appeals.service.ts';

/** Appeals (异议) and manager adjustments (调整) during calibration. Thin: validate, authorise, call the service. */
export const appealRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  const tags = ['appraisal results'];

  app.put(
    '/cycles/:id/participants/:pid/adjustment',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'Adjust a result (调整): the total that counts instead of the computed one, with a written reason',
        description:
          "The participant's manager or an admin, never for oneself; open or calibrating cycles. The total is 0 or more and at most the scorecard's maxTotal. " +
          'The final grade follows the adjusted total. Audited.',
        params: participantParams,
        body: adjustmentInput,
        response: { 200: participantResult },
      },
    },
    async (request) => setAdjustment(db, request.ctx, request.params.id, request.params.pid, request.body),
  );

  app.delete(
    '/cycles/:id/participants/:pid/adjustment',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'Remove an adjustment (the computed total counts again), with a written reason',
        description: 'A 409 conflict when the result has no adjustment. Audited with the reason.',
        params: participantParams,
        body: removeAdjustmentInput,
        response: { 200: participantResult },
      },
    },
    async (request) => removeAdjustment(db, request.ctx, request.params.id, request.params.pid, request.body),
  );

  app.post(
    '/cycles/:id/participants/:pid/appeals',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'Appeal (异议) your own result during calibration, about one indicator or the whole result',
        description: 'Only the participant themselves, while the cycle is calibrating. One open appeal per indicator (and one about the whole result) at a time: 409 otherwise.',
        params: participantParams,
        body: createAppealInput,
        response: { 201: appealResult },
      },
    },
    async (request, reply) => {
      const result = await createAppeal(db, request.ctx, request.params.id, request.params.pid, request.body);
      reply.status(201);
      return result;
    },
  );

  app.post(
    '/cycles/:id/appeals/:appealId/accept',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'Accept an appeal with corrected values; the result is recomputed',
        description:
          "corrections: { term name: value } for the terms the participant's scorecard reads (stored with source 'appeal'), or { manual indicator key: rating } (the manager's rating). " +
          "The participant's manager or an admin, never for oneself, while the cycle is calibrating.",
        params: appealParams,
        body: acceptAppealInput,
        response: { 200: appealResult },
      },
    },
    async (request) => acceptAppeal(db, request.ctx, request.params.id, request.params.appealId, request.body),
  );

  app.post(
    '/cycles/:id/appeals/:appealId/reject',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'Reject an appeal with a written resolution; the result stays as it is',
        params: appealParams,
        body: rejectAppealInput,
        response: { 200: appealResult },
      },
    },
    async (request) => rejectAppeal(db, request.ctx, request.params.id, request.params.appealId, request.body),
  );

  app.get(
    '/cycles/:id/appeals',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'The appeals of a cycle you may see: admins all, managers those of their units, members their own',
        params: cycleParams,
        querystring: appealsQuery,
        response: { 200: z.array(appeal) },
      },
    },
    async (request) => {
      const { viewer } = request.ctx;
      return listAppeals(db, viewer, request.params.id, request.query.status);
    },
  );
};
