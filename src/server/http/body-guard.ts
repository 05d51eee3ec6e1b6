import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * A route that declares no body refuses one, instead of silently ignoring options the
 * caller believes were applied (e.g. DELETE with {"cascade": true}). An empty object is
 * tolerated: some clients always send `{}`. Upload routes (config.upload) read their own multipart body.
 */
export function rejectUnexpectedBodies(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const isUpload = (request.routeOptions.config as { upload?: boolean }).upload === true;
    if (request.routeOptions.schema?.body || isUpload) return;
    const body = request.body;
    if (body === undefined || body === null) return;
    if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return;
    throw new AppError('bad_request', { reason: 'request.body_not_allowed' }, [{ path: ['body'], code: 'request.body_not_allowed' }]);
  });
}
