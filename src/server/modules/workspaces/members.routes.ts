import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okBody } from '../../../contracts/common.ts';
import { addMemberInput, auditPage, auditQuery, member, updateMemberInput } from '../../../contracts/org.ts';
import type { AppDeps } from '../../http/deps.ts';
import { expectedVersion, tagged } from '../../http/versions.ts';
import { route } from '../../http/workspace-scope.ts';
import { listAudit } from '../audit/index.ts';
import { assertNotDemoAccount } from '../../access.ts';
import { addMember, listMembers, removeMember, updateMember } from './members.service.ts';

const wsParams = z.object({ ws: z.string() });
const userParams = z.object({ ws: z.string(), userId: z.uuid() });

/** Members and roles, and the audit log: the administrator's part of a workspace. */
export const membersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  const tags = ['members'];
  app.get('/members', { config: route('members.manage'), schema: { tags, summary: 'Accounts in the workspace and their roles', params: wsParams, response: { 200: z.array(member) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listMembers(db, viewer.workspaceId);
  });
  app.post('/members', { config: route('members.manage'), schema: { tags, summary: 'Add an account (created if new) with a role', params: wsParams, body: addMemberInput, response: { 201: member } } }, async (request, reply) => {
    const { actor } = request.ctx;
    if (request.auth) assertNotDemoAccount(request.auth);
    reply.status(201);
    return addMember(db, actor, request.body);
  });
  app.patch('/members/:userId', { config: route('members.manage'), schema: { tags, summary: "Change a member's role or linked person. A stale version (If-Match or body version) is a 409", params: userParams, body: updateMemberInput, response: { 200: member } } }, async (request, reply) => {
    const { actor } = request.ctx;
    const { version, ...input } = request.body;
    return tagged(reply, await updateMember(db, actor, request.params.userId, input, expectedVersion(request, version)));
  });
  app.delete('/members/:userId', { config: route('members.manage'), schema: { tags, summary: 'Remove an account from the workspace', params: userParams, response: { 200: okBody } } }, async (request) => {
    const { actor } = request.ctx;
    await removeMember(db, actor, request.params.userId);
    return { ok: true as const };
  });

  app.get('/audit', { config: route('audit.read'), schema: { tags: ['audit'], summary: 'Browse and filter the audit log', params: wsParams, querystring: auditQuery, response: { 200: auditPage } } }, async (request) => {
    const { viewer } = request.ctx;
    return listAudit(db, viewer.workspaceId, request.query);
  });
};
