import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okBody } from '../../../contracts/common.ts';
import { checkIn, checkInInput, goal, goalDetail, goalInput, goalUpdateInput, plan, planInput, planReport, planUpdateInput, smartCheckInput, smartCheckResult, treeQuery } from '../../../contracts/goals.ts';
import { asAttachment } from '../../http/attachment.ts';
import type { ReadCache } from '../../http/read-cache.ts';
import type { AppDeps } from '../../http/deps.ts';
import { expectedVersion, tagged } from '../../http/versions.ts';
import { route } from '../../http/workspace-scope.ts';
import { addCheckIn } from './check-ins.service.ts';
import { getGoalDetail } from './goal-detail.ts';
import { listTreeLevel } from './goals.queries.ts';
import { createGoal, deleteGoal, updateGoal } from './goals.service.ts';
import { exportPlan } from './plan-export.ts';
import { importPlan } from './plan-import.ts';
import { getPlanReport } from './plan-report.ts';
import { createPlan, deletePlan, getPlan, listPlans, loadPlan, updatePlan } from './plans.service.ts';
import { type GoalActual, historyReader } from './goal-history.ts';
import { type HistoryLookup, smartCheck } from './smart-check.service.ts';

const wsParams = z.object({ ws: z.string() });
const idParams = z.object({ ws: z.string(), id: z.uuid() });
const tags = ['goals'];

/** Plans, the goal cascade, check-ins and the SMART check (domain.md §1). Thin: validate, authorise, call the service. */
export const goalRoutes: FastifyPluginAsyncZod<AppDeps & { readCache: ReadCache }> = async (app, { database: { db }, readCache }) => {
  app.get('/plans', { config: route('goals.read'), schema: { tags, summary: 'The plans, with their phases and how many goals stand in each status', params: wsParams, response: { 200: z.array(plan) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listPlans(db, viewer.workspaceId);
  });

  app.post('/plans', { config: route('plans.write'), schema: { tags, summary: 'Create a plan with its time range, review cadence and phases', params: wsParams, body: planInput, response: { 201: plan } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return createPlan(db, actor, request.body);
  });

  app.get('/plans/:id', { config: route('goals.read'), schema: { tags, summary: 'One plan (ETag: its version)', params: idParams, response: { 200: plan } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return tagged(reply, await getPlan(db, viewer.workspaceId, request.params.id));
  });

  app.put(
    '/plans/:id',
    { config: route('plans.write'), schema: { tags, summary: 'Change a plan; phases given with their id are kept, the others are new, those left out are removed. A stale version (If-Match or body version) is a 409', params: idParams, body: planUpdateInput, response: { 200: plan } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      const { version, ...input } = request.body;
      return tagged(reply, await updatePlan(db, actor, request.params.id, input, expectedVersion(request, version)));
    },
  );

  app.delete('/plans/:id', { config: route('plans.write'), schema: { tags, summary: 'Delete a plan without goals (a plan with goals is refused; with If-Match, a stale version is a 409)', params: idParams, response: { 200: okBody } } }, async (request) => {
    const { actor } = request.ctx;
    await deletePlan(db, actor, request.params.id, expectedVersion(request));
    return { ok: true as const };
  });

  app.get(
    '/plans/:id/goals',
    { config: route('goals.read'), schema: { tags, summary: "One level of the plan's cascade tree: its top goals, or the goals under parentId; with filters, the goals that match or lead to a match", params: idParams, querystring: treeQuery, response: { 200: z.array(goal) } } },
    async (request) => {
      const { viewer } = request.ctx;
      await loadPlan(db, viewer.workspaceId, request.params.id);
      return listTreeLevel(db, viewer, request.params.id, request.query);
    },
  );

  app.get('/plans/:id/report', { config: route('goals.read'), schema: { tags, summary: "The plan's SMART report: every goal's failed letters and the plan's pitfalls", params: idParams, response: { 200: planReport } } }, async (request) => {
    const { viewer } = request.ctx;
    return getPlanReport(db, viewer.workspaceId, request.params.id);
  });

  app.get('/plans/:id/export', { config: route('goals.read'), schema: { tags, summary: 'Download the plan as a kedu.plan/v1 file (docs/kedu.plan.v1.md), its goals with the last months of their history', params: idParams, response: { 200: z.record(z.string(), z.unknown()) } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    const { filename, file } = await exportPlan(db, viewer.workspaceId, request.params.id);
    asAttachment(reply, filename);
    return file;
  });

  app.post(
    '/plans/import',
    { config: route('plans.write'), schema: { tags, summary: 'Create a plan from a kedu.plan/v1 file (the JSON as the body): all or nothing, every problem located in the file', params: wsParams, body: z.record(z.string(), z.unknown()).describe('a kedu.plan/v1 file'), response: { 201: plan } } },
    async (request, reply) => {
      const { actor } = request.ctx;
      reply.status(201);
      return importPlan(db, actor, request.body, request.locale);
    },
  );

  app.post('/goals', { config: route('goals.write'), schema: { tags, summary: 'Set a goal: owner, statement, indicator, baseline, target, dates, phase and source (出处, required)', params: wsParams, body: goalInput, response: { 201: goal } } }, async (request, reply) => {
    reply.status(201);
    return createGoal(db, request.ctx, request.body);
  });

  app.post('/goals/smart-check', { config: route('goals.read', { readOnly: true }), schema: { tags, summary: "The SMART check of a goal being typed, its indicator's history for the owner and a suggested target", params: wsParams, body: smartCheckInput, response: { 200: smartCheckResult } } }, async (request) => {
    const { viewer } = request.ctx;
    // called as the form is typed: the owner's history (a metric over a whole dataset) is computed
    // once and reused until the workspace's data changes, not on every keystroke
    const lookup: HistoryLookup = async (owner, indicatorId) =>
      JSON.parse(await readCache.read(viewer.workspaceId, `history:${indicatorId}:${owner.kind}:${owner.unitId ?? ''}:${owner.personId ?? ''}`, async () => JSON.stringify(await historyReader(db, viewer.workspaceId).actualsFor(owner, indicatorId)))) as GoalActual[];
    return smartCheck(db, viewer.workspaceId, request.body, lookup);
  });

  app.get('/goals/:id', { config: route('goals.read'), schema: { tags, summary: 'A goal with its check-ins, target changes, children and the actuals of its indicator per period (ETag: its version)', params: idParams, response: { 200: goalDetail } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return tagged(reply, await getGoalDetail(db, viewer, request.params.id));
  });

  app.put(
    '/goals/:id',
    { config: route('goals.write'), schema: { tags, summary: 'Change a goal; once its plan has begun, a new target or deadline needs changeReason and is kept in its history. A stale version (If-Match or body version) is a 409', params: idParams, body: goalUpdateInput, response: { 200: goal } } },
    async (request, reply) => {
      const { version, ...input } = request.body;
      return tagged(reply, await updateGoal(db, request.ctx, request.params.id, input, expectedVersion(request, version)));
    },
  );

  app.delete('/goals/:id', { config: route('goals.write'), schema: { tags, summary: 'Delete a goal and its check-ins (refused while goals are cascaded from it; with If-Match, a stale version is a 409)', params: idParams, response: { 200: okBody } } }, async (request) => {
    await deleteGoal(db, request.ctx, request.params.id, expectedVersion(request));
    return { ok: true as const };
  });

  app.post('/goals/:id/check-ins', { config: route('goals.checkin'), schema: { tags, summary: "Check in on a goal: a value and a comment; the goal's status follows", params: idParams, body: checkInInput, response: { 201: checkIn } } }, async (request, reply) => {
    reply.status(201);
    return addCheckIn(db, request.ctx, request.params.id, request.body);
  });
};
