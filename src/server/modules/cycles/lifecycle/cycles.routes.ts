import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okBody } from '../../../../contracts/common.ts';
import {
  closeCycleInput,
  createCycleInput,
  cycle,
  cyclePreview,
  listParticipantsQuery,
  participantDetail,
  participantsPage,
  putActualsInput,
  recomputeResult,
  reopenCycleInput,
  syncResult,
  updateCycleInput,
  whatIfInput,
  whatIfResult,
} from '../../../../contracts/cycles.ts';
import type { AppDeps } from '../../../http/deps.ts';
import { expectedVersion, tagged } from '../../../http/versions.ts';
import { route } from '../../../http/workspace-scope.ts';
import { putActuals, whatIfFor } from '../actuals/actuals.service.ts';
import { backToOpen, calibrateCycle, closeCycle, openCycle, recomputeCycle, reopenCycle, syncCycle } from './cycle-transitions.service.ts';
import { getCycle, listCycles, previewCycle } from './cycles.queries.ts';
import { createCycle, deleteCycle, updateCycle } from './cycles.service.ts';
import { getParticipantDetail, listParticipants } from '../results/participants.service.ts';
import { jobAccepted } from '../../../../contracts/jobs.ts';
import { loadJob } from '../../jobs/index.ts';
import { loadCycle } from './cycle-access.ts';
import { assertCycleAllows } from './cycle-guard.ts';
import { countParticipants } from './cycle-rows.queries.ts';
import { queueRecompute } from './recompute.job.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const participantParams = z.object({ ws: z.string(), id: z.uuid(), pid: z.uuid() });
const tags = ['cycles'];

/** Appraisal cycles: lifecycle, participants, actuals and what-if. Thin: validate, authorise, call the service. */
export const cycleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.get('/cycles', { config: route('cycles.read'), schema: { tags, summary: 'The appraisal cycles, newest period first', params: wsParams, response: { 200: z.array(cycle) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listCycles(db, viewer);
  });
  app.post(
    '/cycles',
    { config: route('cycles.manage'), schema: { tags, summary: 'Create a cycle (draft) for a month, quarter or year', params: wsParams, body: createCycleInput, response: { 201: cycle } } },
    async (request, reply) => {
      reply.status(201);
      return createCycle(db, request.ctx, request.body);
    },
  );
  app.get('/cycles/:id', { config: route('cycles.read'), schema: { tags, summary: 'One cycle (ETag: the version of its settings)', params: idParams, response: { 200: cycle } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return tagged(reply, await getCycle(db, viewer, request.params.id));
  });
  app.patch(
    '/cycles/:id',
    { config: route('cycles.manage'), schema: { tags, summary: 'Rename it, mark it trial, set the forced distribution (not once closed). A stale version (If-Match or body version) is a 409', params: idParams, body: updateCycleInput, response: { 200: cycle } } },
    async (request, reply) => {
      const { version, ...input } = request.body;
      return tagged(reply, await updateCycle(db, request.ctx, request.params.id, input, expectedVersion(request, version)));
    },
  );
  app.delete('/cycles/:id', { config: route('cycles.manage'), schema: { tags, summary: 'Delete a draft cycle', params: idParams, response: { 200: okBody } } }, async (request) => {
    await deleteCycle(db, request.ctx.actor, request.params.id);
    return { ok: true as const };
  });
  app.get(
    '/cycles/:id/preview',
    { config: route('cycles.manage'), schema: { tags, summary: 'Who would take part (with their templates), and the active people who hold no template', params: idParams, response: { 200: cyclePreview } } },
    async (request) => {
      const { viewer } = request.ctx;
      return previewCycle(db, viewer.workspaceId, request.params.id);
    },
  );

  const transition = (path: string, summary: string, run: typeof openCycle) =>
    app.post(path, { config: route('cycles.manage'), schema: { tags, summary, params: idParams, response: { 200: cycle } } }, async (request) => {
      return run(db, request.ctx, request.params.id);
    });
  transition('/cycles/:id/open', 'Open a draft: everyone with a template takes part, with the scorecard fixed now', openCycle);
  transition('/cycles/:id/calibrate', 'Start calibration (actuals are locked; appeals and adjustments)', calibrateCycle);
  transition('/cycles/:id/back-to-open', 'Send a cycle in calibration back to open', backToOpen);

  app.post('/cycles/:id/sync', { config: route('cycles.manage'), schema: { tags, summary: 'Add the people who got a template since the cycle opened', params: idParams, response: { 200: syncResult } } }, async (request) => {
    return syncCycle(db, request.ctx, request.params.id);
  });
  app.post(
    '/cycles/:id/close',
    { config: route('cycles.manage'), schema: { tags, summary: 'Close it: every result is frozen and locked', params: idParams, body: closeCycleInput.nullish(), response: { 200: cycle } } },
    async (request) => {
      return closeCycle(db, request.ctx, request.params.id, request.body ?? { allowIncomplete: false });
    },
  );
  app.post(
    '/cycles/:id/reopen',
    { config: route('cycles.manage'), schema: { tags, summary: 'Reopen a closed cycle for a correction, with the reason (audited)', params: idParams, body: reopenCycleInput, response: { 200: cycle } } },
    async (request) => {
      return reopenCycle(db, request.ctx, request.params.id, request.body.reason);
    },
  );
  app.post(
    '/cycles/:id/recompute',
    { config: route('cycles.manage'),
      schema: {
        tags,
        summary: 'Score every participant again from their inputs',
        description: 'A cycle of more participants than KEDU_RECOMPUTE_JOB_PARTICIPANTS (default 2,000) is recomputed in the background: 202 with the job (GET /jobs/{id}; its result is { recomputed, cycleId }).',
        params: idParams,
        response: { 200: recomputeResult, 202: jobAccepted },
      },
    },
    async (request, reply) => {
      const { viewer } = request.ctx;
      const cycle = await loadCycle(db, viewer.workspaceId, request.params.id);
      assertCycleAllows(cycle, 'recompute');
      // a large cycle takes seconds: scored in the background (a cycle of thousands of people)
      if ((await countParticipants(db, cycle.id)) > deps.config.recomputeJobParticipants) {
        const id = await queueRecompute(deps.database, deps.jobs, request.ctx.actor, cycle.id, cycle.name);
        reply.status(202);
        return { job: await loadJob(db, viewer, id, request.locale) };
      }
      return recomputeCycle(db, request.ctx, request.params.id);
    },
  );

  app.get(
    '/cycles/:id/participants',
    { config: route('cycles.read'), schema: { tags, summary: 'The participants you may see, filtered and paged', params: idParams, querystring: listParticipantsQuery, response: { 200: participantsPage } } },
    async (request) => {
      const { viewer } = request.ctx;
      return listParticipants(db, viewer, request.params.id, request.query);
    },
  );
  app.get(
    '/cycles/:id/participants/:pid',
    { config: route('cycles.read'), schema: { tags, summary: 'A participant: scorecard, entered values, ratings and the explained result', params: participantParams, response: { 200: participantDetail } } },
    async (request) => {
      const { viewer } = request.ctx;
      return getParticipantDetail(db, viewer, request.params.id, request.params.pid);
    },
  );
  app.put(
    '/cycles/:id/participants/:pid/actuals',
    { config: route('cycles.read'),
      schema: {
        tags,
        summary: 'Enter term values (null deletes one) and the not-applicable indicators; the result is scored again',
        params: participantParams,
        body: putActualsInput,
        response: { 200: participantDetail },
      },
    },
    async (request) => {
      return putActuals(db, request.ctx, request.params.id, request.params.pid, request.body);
    },
  );
  app.post(
    '/cycles/:id/participants/:pid/what-if',
    { config: route('cycles.read', { readOnly: true }), schema: { tags, summary: 'What if one actual or target were different? Writes nothing', params: participantParams, body: whatIfInput, response: { 200: whatIfResult } } },
    async (request) => {
      const viewer = request.ctx.viewer;
      return whatIfFor(db, viewer, request.params.id, request.params.pid, request.body);
    },
  );
};
