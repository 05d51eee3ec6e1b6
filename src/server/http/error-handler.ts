import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { issueToMessage } from '../../contracts/issues.ts';
import { JSON_BODY_LIMIT_BYTES, MAX_UPLOAD_BYTES } from '../limits.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import { type Locale, translate } from '../i18n/messages.ts';

/**
 * The one place errors become responses: `{ error: { code, message, details } }` in the
 * request's language. Validation problems are 400 with one located detail per field;
 * anything unexpected is logged with an id and returned as a 500 without internals.
 */
export function registerErrorHandler(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendAppError(request, reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const input = (request as unknown as Record<string, unknown>)[where];
      const details = error.validation.flatMap((v) => validationDetails(where, input, v));
      return sendAppError(request, reply, new AppError('validation_failed', { count: details.length }, details));
    }

    const status = error.statusCode ?? 500;
    if (error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT') {
      return sendAppError(request, reply, new AppError('bad_request', { reason: translate(request.locale, 'request.one_file_only') }));
    }
    if (status === 413) {
      const limit = error.code === 'FST_REQ_FILE_TOO_LARGE' ? `${MAX_UPLOAD_BYTES / 1024 / 1024} MB` : `${JSON_BODY_LIMIT_BYTES / 1024 / 1024} MB`;
      return sendAppError(request, reply, new AppError('payload_too_large', { limit }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return sendAppError(request, reply, new AppError('unsupported_media_type', { type: String(request.headers['content-type'] ?? ''), reason: 'request.send_json' }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && status === 400)) {
      const reason = error.message.replace(/^.*?:\s*/, '');
      const message = translate(request.locale, 'request.invalid_json', { reason });
      return sendAppError(request, reply, new AppError('bad_request', { reason: message }, [{ path: ['body'], code: 'request.invalid_json', params: { reason } }]));
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      const message = translate(request.locale, 'request.empty_json');
      return sendAppError(request, reply, new AppError('bad_request', { reason: message }, [{ path: ['body'], code: 'request.empty_json' }]));
    }
    if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      return sendAppError(request, reply, new AppError('unsupported_media_type', { type: String(request.headers['content-type'] ?? ''), reason: 'request.multipart_expected' }));
    }
    if (status === 429) return sendAppError(request, reply, new AppError('rate_limited', { seconds: 60 }));
    if (status >= 400 && status < 500) {
      // any other request Fastify or a plugin could not read (a broken multipart body, say):
      // a message in the user's language, with the parser's own words kept as a detail
      const reason = translate(request.locale, 'request.unreadable');
      return sendAppError(request, reply, new AppError('bad_request', { reason }, [{ code: 'request.parser_said', params: { text: error.message } }]));
    }
    if (isDatabaseUnavailable(error)) return sendAppError(request, reply, new AppError('unavailable'));
    // two requests raced past a "name is free" check: the unique constraint is the final word
    if (databaseCode(error) === '23505') return sendAppError(request, reply, new AppError('conflict', { reason: 'request.duplicate' }));

    const id = randomUUID().slice(0, 8);
    request.log.error({ err: error, errorId: id }, 'unhandled error');
    return sendAppError(request, reply, new AppError('internal', { id }));
  });

  app.setNotFoundHandler((request, reply) => {
    // client-side routes of the web app get its index.html; everything else a located 404
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !/\.\w+$/.test(request.url.split('?')[0]);
    if (options.spaFallback && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0, immutable: false });
    return sendAppError(request, reply, new AppError('not_found', { entity: 'route' }));
  });
}

type ValidationIssue = { keyword: string; instancePath: string; params: unknown };

/** One located detail per problem; an unknown-fields issue becomes one detail per unknown field. */
function validationDetails(where: string, input: unknown, v: ValidationIssue): ErrorDetail[] {
  // an index into an array is a number, as in the service's own details (['terms', 1, 'name'])
  const path: (string | number)[] = [];
  let node: unknown = input;
  for (const key of v.instancePath.split('/').filter(Boolean)) {
    path.push(Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key);
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  const params = (v.params ?? {}) as Record<string, unknown>;
  if (v.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
    return params.keys.map((key: string) => ({ path: [where, ...path, key], code: 'field.unknown_key', params: { key } }));
  }
  // zod 4 issues do not carry the rejected value: look it up, to tell "missing" from "wrong type"
  const value = node;
  const { key, params: messageParams } = issueToMessage({ code: v.keyword, ...params, input: value });
  const detail: ErrorDetail = { path: [where, ...path], code: key, params: messageParams };
  // a refinement may locate the problem inside the field's text (a formula's syntax error)
  const range = (params.params ?? {}) as { start?: unknown; end?: unknown };
  if (v.keyword === 'custom' && typeof range.start === 'number' && typeof range.end === 'number') Object.assign(detail, { start: range.start, end: range.end });
  return [detail];
}

export function sendAppError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.code === 'rate_limited' && error.params.seconds) reply.header('retry-after', String(error.params.seconds));
  return reply.status(error.status).send({ error: renderError(request.locale, error) });
}

/** An error's body in a language: its code, its message, and each located detail with its own message (also a failed job's). */
export function renderError(locale: Locale, error: { code: string; params: Record<string, string | number>; details: readonly ErrorDetail[] }) {
  return {
    code: error.code,
    message: translate(locale, error.code, error.params),
    details: error.details.map(({ params, ...d }) => ({ ...d, message: translate(locale, d.code, params) })),
  };
}

/** The PostgreSQL SQLSTATE of a failed query, also when drizzle has wrapped the driver's error. */
function databaseCode(error: Error): string | undefined {
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return [own, cause].find((c): c is string => typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c));
}

function isDatabaseUnavailable(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === '57P01' || /Connection terminated|connect ECONNREFUSED/.test(error.message);
}
