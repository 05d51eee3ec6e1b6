import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Actor } from '../modules/audit/audit.service.ts';
import type { WorkspaceActor } from '../modules/org/org.types.ts';
import type { Viewer } from './request-context.ts';

/** The audit actor of a request: its user, or "anonymous". */
export function actorOfRequest(request: FastifyRequest): Actor {
  const user = request.auth?.user;
  return { userId: user?.id ?? null, label: user ? `${user.name} <${user.email}>` : 'anonymous', ip: request.ip };
}

export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('unauthenticated');
  return request.viewer;
}

export function workspaceActor(request: FastifyRequest): WorkspaceActor {
  const viewer = requireViewer(request);
  return { userId: viewer.userId, label: viewer.label, ip: request.ip, workspaceId: viewer.workspaceId };
}
