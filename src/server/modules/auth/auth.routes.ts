import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiToken,
  changePasswordInput,
  createdToken,
  createTokenInput,
  loginInput,
  me,
  updateProfileInput,
} from '../../../contracts/auth.ts';
import { okBody } from '../../../contracts/common.ts';
import { clearSessionCookie, PUBLIC_ROUTE, requireAuth } from '../../http/auth-hooks.ts';
import type { AppDeps } from '../../http/deps.ts';
import { actorOfRequest } from '../../http/actor.ts';
import { changePassword, createToken, getMe, listTokens, login, revokeToken, updateProfile } from './auth.service.ts';
import { assertNotDemoAccount } from '../../access.ts';
import { signIn } from './sign-in.ts';
import { deleteOtherSessions, deleteSession } from './sessions.service.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { config, database }) => {
  const { db } = database;

  app.post('/login', { ...PUBLIC_ROUTE, schema: { tags, summary: 'Sign in with email and password', body: loginInput, response: { 200: me } } }, async (request, reply) => {
    const userId = await login(db, request.body, request.ip);
    return signIn({ config, database }, request, reply, userId);
  });

  app.post('/logout', { ...PUBLIC_ROUTE, schema: { tags, summary: 'Sign out of this session', response: { 200: okBody } } }, async (request, reply) => {
    const auth = request.auth;
    if (auth?.sessionHash) await deleteSession(db, auth.sessionHash);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags, summary: 'The signed-in user and their workspaces', response: { 200: me } } }, async (request) => {
    const auth = requireAuth(request);
    return getMe(db, auth.user, auth.csrfToken);
  });

  app.patch('/me', { schema: { tags, summary: 'Change your name or language', body: updateProfileInput, response: { 200: me } } }, async (request) => {
    const auth = requireAuth(request);
    await updateProfile(db, actorOfRequest(request), auth.user.id, request.body);
    const fresh = { ...auth.user, ...request.body, locale: request.body.locale === undefined ? auth.user.locale : request.body.locale };
    return getMe(db, fresh, auth.csrfToken);
  });

  app.post('/password', { schema: { tags, summary: 'Change your password (signs out your other sessions)', body: changePasswordInput, response: { 200: okBody } } }, async (request) => {
    const auth = requireAuth(request);
    await changePassword(db, actorOfRequest(request), auth.user.id, request.body);
    await deleteOtherSessions(db, auth.user.id, auth.sessionHash);
    return { ok: true as const };
  });

  app.get('/tokens', { schema: { tags, summary: 'Your API tokens', response: { 200: z.array(apiToken) } } }, async (request) => {
    return listTokens(db, requireAuth(request).user.id);
  });

  app.post('/tokens', { schema: { tags, summary: 'Create an API token (shown once)', body: createTokenInput, response: { 201: createdToken } } }, async (request, reply) => {
    const auth = requireAuth(request);
    assertNotDemoAccount(auth);
    reply.status(201);
    return createToken(db, actorOfRequest(request), auth.user.id, request.body);
  });

  app.delete('/tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: z.object({ id: z.uuid() }), response: { 200: okBody } } }, async (request) => {
    const auth = requireAuth(request);
    await revokeToken(db, actorOfRequest(request), auth.user.id, request.params.id);
    return { ok: true as const };
  });
};

