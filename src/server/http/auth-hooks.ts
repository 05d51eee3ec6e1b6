import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { safeEqual, sha256 } from '../crypto.ts';
import type { Memo } from './identity-memo.ts';
import { authenticateSession, authenticateToken } from './credentials.queries.ts';
import type { Auth } from './request-context.ts';

export const SESSION_COOKIE = 'kedu_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The REST API: what the auth hook guards (and the input rules of input-guards.ts cover); the web app's files, the API docs and /healthz are outside it. */
export const isApiUrl = (url: string): boolean => url.startsWith('/api/v1/');

/**
 * Does a route take anonymous calls? Everything outside the API, and the API routes marked
 * public (`PUBLIC_ROUTE`). The hook below decides by this, and so does the API document
 * (`security: []`, http/openapi.ts).
 */
export function isPublicRoute(url: string, config: unknown): boolean {
  return !isApiUrl(url) || (config as { public?: boolean } | undefined)?.public === true;
}

/**
 * Identifies the caller (session cookie or `Authorization: Bearer kedu_…` token) and
 * enforces CSRF on cookie-authenticated writes: the x-csrf-token header must equal the
 * session's token. Token-authenticated calls carry no ambient credential, so they need none.
 * Anonymous writes (sign-in, setup) must be JSON, which a cross-site form cannot send.
 */
export function registerAuthHooks(app: FastifyInstance, db: Db, memo: Memo<Auth>): void {
  // a credential resolved a moment ago is the same caller (identity-memo.ts); unknown ones are always looked up
  const remembered = (key: string, resolve: () => Promise<Auth | null>) => memo.remember(key, resolve, (auth) => auth.expiresAt?.getTime());
  // onRequest, before the body is parsed or validated: an anonymous caller learns nothing about a route's input
  app.addHook('onRequest', async (request) => {
    if (!isApiUrl(request.url)) return;
    const header = request.headers.authorization;
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('unauthenticated');
      request.auth = await remembered(`token:${sha256(token.trim())}`, () => authenticateToken(db, token.trim()));
      if (!request.auth) throw new AppError('unauthenticated');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.auth = await remembered(`session:${sha256(cookie)}`, () => authenticateSession(db, cookie));
    // authentication is deny-by-default too: only routes marked public take anonymous calls
    const isPublic = isPublicRoute(request.url, request.routeOptions.config);
    if (!request.auth && !isPublic) throw new AppError('unauthenticated');
    if (!UNSAFE.has(request.method)) return;
    if (request.auth?.via === 'session') {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.auth.csrfToken || !safeEqual(sent, request.auth.csrfToken)) throw new AppError('csrf_failed');
    } else if (!request.auth && request.headers['content-type'] && !isJson(request)) {
      throw new AppError('csrf_failed');
    }
  });
}

/** Route option for the few routes an anonymous caller may use (sign-in, setup, the demo). */
export const PUBLIC_ROUTE = { config: { public: true } } as const;

/**
 * Route option for a POST that writes nothing (a check or a preview, called as a form is typed):
 * it does not make the app forget remembered identities and dashboard answers, as writes do.
 */
export const READ_ONLY_ROUTE = { config: { readOnly: true } } as const;

/** Did this request change data? A successful write that is not marked read-only. */
export function changedData(request: FastifyRequest, statusCode: number): boolean {
  return UNSAFE.has(request.method) && statusCode < 400 && (request.routeOptions.config as { readOnly?: boolean }).readOnly !== true;
}

const isJson = (request: FastifyRequest) => String(request.headers['content-type']).toLowerCase().startsWith('application/json');

export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth;
}

export function setSessionCookie(config: Config, request: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: maxAgeSeconds,
    secure: config.secureCookies === 'on' || (config.secureCookies === 'auto' && request.protocol === 'https'),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
