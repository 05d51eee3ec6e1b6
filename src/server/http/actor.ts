import type { FastifyRequest } from 'fastify';
import { type Action, authorize } from '../access.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../modules/audit/index.ts';
import type { WorkspaceActor } from '../modules/org/index.ts';
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

/** The request's viewer once they may do `action`: 401 without a viewer, 403 when the role may not. */
export function allowedViewer(request: FastifyRequest, action: Action): Viewer {
  const viewer = requireViewer(request);
  authorize(viewer, action);
  return viewer;
}

/** The audit actor of a request whose viewer may do `action` (see allowedViewer). */
export function allowedActor(request: FastifyRequest, action: Action): WorkspaceActor {
  allowedViewer(request, action);
  return workspaceActor(request);
}
