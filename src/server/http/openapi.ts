import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contracts/common.ts';
import { JSON_BODY_LIMIT_BYTES } from '../limits.ts';
import { isApiUrl, isPublicRoute } from './auth-hooks.ts';

/**
 * The API document (/api/docs/json): OpenAPI 3.0.3, the version client generators and testers
 * read best. fastify-type-provider-zod converts the routes' zod schemas for the version the
 * document declares (zod's `openapi-3.0` target: `nullable`, boolean `exclusiveMinimum`), so it is
 * declared here once, not left to a default. Its two transforms add what the routes do not say
 * themselves: the error responses every operation can give, all in the one `Error` shape, and
 * `security: []` on the routes an anonymous caller may use. See docs/api.md, "Errors".
 */
export const OPENAPI_VERSION = '3.0.3';

/** The one error shape, as a component every error response refers to. */
export const ERROR_SCHEMA = 'Error';
const ERROR_REF = `#/components/schemas/${ERROR_SCHEMA}`;

/** The key under which the route transform hands an operation's errors to the document transform (never left in the document). */
const ERRORS_KEY = 'x-kedu-errors';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MB = 1024 * 1024;

type RouteConfig = { public?: boolean; action?: string; upload?: boolean } | undefined;

/** What an operation's errors follow from: its method and URL, its config (public, workspace action, upload) and whether it takes a JSON body. */
export type RouteFacts = { method: string; url: string; config: RouteConfig; hasBody: boolean };

/**
 * Errors a few routes give beyond what their kind implies, by `METHOD url` as the route is
 * declared (the test checks that each is a route the app serves).
 */
export const ROUTE_ERRORS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'POST /api/v1/auth/login': {
    401: '`invalid_credentials`: the email or the password is wrong.',
    429: '`rate_limited`: too many failed sign-ins for this email or from this address; try again after `Retry-After` seconds.',
  },
  'POST /api/v1/demo/open': { 404: '`demo_disabled`: this server does not offer the demo.' },
  'POST /api/v1/auth/tokens': { 403: '`demo_restricted`: the demo account may not do this.' },
  'POST /api/v1/workspaces': { 403: '`demo_restricted`: the demo account may not do this.' },
  'POST /api/v1/workspaces/:ws/members': { 403: '`demo_restricted`: the demo account may not do this.' },
  'PATCH /api/v1/workspaces/:ws/units/:id': { 422: '`invalid_move`: a unit cannot move under itself or one of its own units.' },
};

/**
 * The error responses of an operation, by status, each with what causes it. Derived from what the
 * route is — the same facts the hooks decide by — so a new route is documented as it behaves.
 * @example errorResponsesOf({ method: 'GET', url: '/healthz', config: {}, hasBody: false }) // → { 400, 500, 503 }
 */
export function errorResponsesOf(route: RouteFacts): Record<number, string> {
  const { method, url, config } = route;
  const api = isApiUrl(url);
  const write = WRITES.has(method);
  const isPublic = isPublicRoute(url, config);
  const inWorkspace = config?.action !== undefined;
  const upload = config?.upload === true;
  const errors: Record<number, string[]> = {
    400: ['`validation_failed`: bad input, one located detail per problem (an unknown field or query parameter is `field.unknown_key`); or `bad_request`: a body this route does not take, or one that cannot be read.'],
  };
  if (api) {
    errors[401] = [isPublic ? '`unauthenticated`: an `Authorization` header whose token is not valid (this route needs none: leave it out).' : '`unauthenticated`: no valid session cookie or API token.'];
  }
  const forbidden: string[] = [];
  if (inWorkspace) forbidden.push('`forbidden`: your role in the workspace may not do this.');
  if (api && write) forbidden.push(`\`csrf_failed\`: a write with the session cookie lacks its \`x-csrf-token\` header${isPublic ? ', or an anonymous body is not JSON' : ''}.`);
  if (forbidden.length > 0) errors[403] = forbidden;
  if (url.includes('/:')) {
    errors[404] = [inWorkspace ? '`not_found`: no such workspace among yours (one you do not belong to answers the same), or nothing of that id in it.' : '`not_found`: nothing of that id.'];
  }
  if (write) errors[409] = ['A conflict with the current state: `conflict`, `name_taken`, `email_taken`, `has_dependents`, `already_set_up`, `cycle_locked` (the appraisal cycle is closed) or `invalid_state` (its state does not allow this).'];
  if (upload) {
    errors[413] = ['`payload_too_large`: the file is larger than the server takes.'];
    errors[415] = ['`unsupported_media_type`: the request is not `multipart/form-data` with the file in the field `file`.'];
    errors[422] = ['`import_failed`: the file has problems, each located by row and column (and value); nothing was written.'];
  } else if (route.hasBody) {
    errors[413] = [`\`payload_too_large\`: the body is over ${JSON_BODY_LIMIT_BYTES / MB} MB.`];
    errors[415] = ['`unsupported_media_type`: the body is not `application/json`.'];
  }
  for (const [status, text] of Object.entries(ROUTE_ERRORS[`${method} ${url}`] ?? {})) (errors[Number(status)] ??= []).push(text);
  errors[500] = ['`internal`: an unexpected error, logged on the server under the id the message gives.'];
  errors[503] = ['The database does not answer (`unavailable`); try again.'];
  return Object.fromEntries(Object.entries(errors).map(([status, texts]) => [status, texts.join(' ')]));
}

/** An error response of the document: its description and the one error shape. */
function errorResponse(status: number, description: string) {
  return {
    description,
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } } } : {}),
    content: { 'application/json': { schema: { $ref: ERROR_REF } } },
  };
}

/**
 * The route transform: the zod schemas converted by fastify-type-provider-zod, then the route's
 * errors (handed on under ERRORS_KEY) and, for a public route, `security: []`.
 */
const transform: SwaggerTransform = (document) => {
  const result = jsonSchemaTransform(document as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = result.schema as FastifySchema & Record<string, unknown>;
  if (schema.hide) return result;
  const { route, url } = document;
  const method = String([route.method].flat()[0]).toUpperCase();
  const config = route.config as RouteConfig;
  const errors = errorResponsesOf({ method, url, config, hasBody: Boolean(document.schema?.body) });
  // a status the route answers itself (/healthz's 503 with its own body) stays the route's, with
  // the description of its cause
  // (@fastify/swagger takes x-response-description as the response's and keeps it out of the schema)
  const own = (schema.response ?? {}) as Record<string, { description?: string; 'x-response-description'?: string }>;
  for (const [status, response] of Object.entries(own)) {
    if (errors[Number(status)] && !response.description) response['x-response-description'] = errors[Number(status)];
    delete errors[Number(status)];
  }
  schema[ERRORS_KEY] = errors;
  if (isPublicRoute(url, config)) schema.security = [];
  return { ...result, schema };
};

/** A document object, loosely: the parts the document transform walks. */
type Operation = { responses?: Record<string, unknown>; [ERRORS_KEY]?: Record<string, string> };
type Document = { openapi?: string; paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

/**
 * The document transform: the Error component, each operation's errors as responses referring
 * to it, and the schemas made valid for the declared version (see openapi30Bounds).
 */
const transformObject: SwaggerTransformObject = (documentObject) => {
  const document = (documentObject as { openapiObject: Document }).openapiObject;
  const errorSchema = z.toJSONSchema(errorBody, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  delete errorSchema.$schema;
  errorSchema.description =
    'Every error: a code (its HTTP status follows from it), a message in the request’s language, and the located details (a field’s `path`, or a file’s `row` and `column`, with the `value`).';
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [ERROR_SCHEMA]: errorSchema } };
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const errors = operation[ERRORS_KEY];
      if (!errors) continue;
      delete operation[ERRORS_KEY];
      const responses = { ...operation.responses };
      for (const [status, description] of Object.entries(errors)) responses[status] ??= errorResponse(Number(status), description);
      operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  if (document.openapi?.startsWith('3.0')) openapi30Bounds(document);
  return document as ReturnType<SwaggerTransformObject>;
};

/** Keys whose values are data, not schemas: an example's `exclusiveMinimum` is left alone. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * OpenAPI 3.0 takes JSON Schema draft 4's bounds: `exclusiveMinimum: true` beside `minimum`, not a
 * number. zod converts its own checks that way, but a bound written as metadata
 * (`.meta({ exclusiveMinimum: 0 })`) is copied as it is; this rewrites any such into the 3.0 form
 * (the stricter bound kept when both are given), in place, everywhere in the document.
 * @example { type: 'number', exclusiveMinimum: 0 } → { type: 'number', minimum: 0, exclusiveMinimum: true }
 */
export function openapi30Bounds(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
    const o = node as Record<string, unknown>;
    for (const [bound, exclusive, stricter] of [
      ['minimum', 'exclusiveMinimum', (a: number, b: number) => a >= b],
      ['maximum', 'exclusiveMaximum', (a: number, b: number) => a <= b],
    ] as const) {
      const limit = o[exclusive];
      if (typeof limit !== 'number') continue;
      const inclusive = o[bound];
      if (typeof inclusive === 'number' && !stricter(limit, inclusive)) delete o[exclusive];
      else Object.assign(o, { [bound]: limit, [exclusive]: true });
    }
    for (const [key, child] of Object.entries(o)) if (!DATA_KEYS.has(key)) stack.push(child);
  }
}

/** The options of @fastify/swagger's document that this file owns: the version and the two transforms. */
export const apiDocument = { version: OPENAPI_VERSION, transform, transformObject };
