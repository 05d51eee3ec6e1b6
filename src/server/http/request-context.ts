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

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    auth: Auth | null;
    viewer: Viewer | null;
  }
}

export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('auth', null);
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const explicit = request.headers['x-kedu-locale'];
    request.locale = pickLocale(typeof explicit === 'string' ? explicit : undefined, request.headers['accept-language']);
  });
}
