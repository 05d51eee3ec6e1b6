import type { FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie } from '../../http/auth-hooks.ts';
import type { AppDeps } from '../../http/deps.ts';
import { getMe } from './auth.service.ts';
import { authenticateSession } from '../../http/credentials.queries.ts';
import { createSession } from './sessions.service.ts';

/** Starts a session for the user, sets its cookie, and answers with Me (sign-in, setup, demo). */
export async function signIn(
  { config, database }: Pick<AppDeps, 'config' | 'database'>,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
) {
  const session = await createSession(database.db, userId, config.sessionDays);
  setSessionCookie(config, request, reply, session.cookieValue, session.maxAgeSeconds);
  const auth = await authenticateSession(database.db, session.cookieValue);
  if (!auth) throw new Error('a session just created could not be read back');
  return getMe(database.db, auth.user, session.csrfToken);
}
