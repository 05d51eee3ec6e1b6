import type { FastifyRequest } from 'fastify';
import type { Actor } from '../modules/audit/index.ts';

/**
 * The audit actor of a request outside a workspace (sign-in, setup): its user, or "anonymous".
 * Inside a workspace, routes read `request.ctx.actor`, made by the access entry point (workspace-scope.ts).
 */
export function actorOfRequest(request: FastifyRequest): Actor {
  const user = request.auth?.user;
  return { userId: user?.id ?? null, label: user ? `${user.name} <${user.email}>` : 'anonymous', ip: request.ip };
}
