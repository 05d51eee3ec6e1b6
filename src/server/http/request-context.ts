import type { FastifyInstance } from 'fastify';
import type { Role } from '../../contracts/common.ts';
import { type Locale, pickLocale } from '../i18n/messages.ts';

export type AuthUser = { id: string; email: string; name: string; locale: Locale | null; isDemo: boolean };
/** `expiresAt`: when the session or token stops working (null: never); a remembered identity is forgotten then. */
export type Auth = { user: AuthUser; via: 'session' | 'token'; sessionHash: string | null; csrfToken: string | null; expiresAt?: Date | null };

/** Who is acting inside a workspace, and which org units a manager's rights reach. */
export type Viewer = {
  userId: string;
  /** The account's display name, as check-ins and target changes record who made them. */
  name: string;
  /** Name and email, as the audit log records the actor. */
  label: string;
  workspaceId: string;
  workspaceSlug: string;
  workspaceKind: 'team' | 'solo';
  role: Role;
  personId: string | null;
  /** For a manager, the units their person leads with every unit below them; 'all' for admins; empty for members (unused). */
  scopeUnitIds: ReadonlySet<string> | 'all';
};

/**
 * What a workspace route's handler and the services it calls are given about the caller: who
 * they are in the workspace (viewer), how the audit log names them (actor), and their language.
 * Made once per request by the one access entry point (workspace-scope.ts), after the route's
 * declared action was authorised.
 */
export type RequestContext = {
  viewer: Viewer;
  actor: { userId: string | null; label: string; ip: string | null; workspaceId: string };
  locale: Locale;
};

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    auth: Auth | null;
    viewer: Viewer | null;
    /** Set for every route under /workspaces/:ws before its handler runs (workspace-scope.ts); absent elsewhere. */
    ctx: RequestContext;
  }
}

export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('auth', null);
  app.decorateRequest('viewer', null);
  // biome-ignore lint/suspicious/noExplicitAny: set before any workspace handler runs; other routes never read it
  app.decorateRequest('ctx', null as any);
  app.addHook('onRequest', async (request) => {
    const explicit = request.headers['x-kedu-locale'];
    request.locale = pickLocale(typeof explicit === 'string' ? explicit : undefined, request.headers['accept-language']);
  });
}
