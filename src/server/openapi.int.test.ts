import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { errorBody } from '../contracts/common.ts';
import { ROUTE_ERRORS } from './http/openapi.ts';
import { WRITE_METHODS } from './testing/api-routes.ts';
import type { Org } from './testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from './testing/harness.ts';
import { useSeededOrg } from './testing/seeded-org.ts';

/**
 * The API document (/api/docs/json) is valid for the OpenAPI version it declares, as an
 * independent validator reads it; every operation documents the errors it can give in the one
 * error shape; public operations say they need no authentication; and the API refuses query
 * parameters it does not take, as the document (which lists the ones it takes) implies.
 */

type Parameter = { name: string; in: string; schema?: { format?: string } };
type Response = { description?: string; content?: Record<string, { schema?: { $ref?: string } }>; headers?: Record<string, unknown> };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, unknown> }; responses: Record<string, Response>; security?: unknown[] };
type ApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, any> } };
type Op = { key: string; method: string; path: string; operation: Operation };

/** The public operations: the ones the auth hook lets anonymous callers use (PUBLIC_ROUTE, and everything outside /api/v1). */
const PUBLIC = ['GET /healthz', 'GET /api/v1/setup/status', 'POST /api/v1/setup', 'POST /api/v1/demo/open', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout'];
const ERROR_REF = '#/components/schemas/Error';
const SOME_ID = '00000000-0000-4000-8000-000000000000';

const operationsOf = (doc: ApiDocument): Op[] =>
  Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operation })),
  );

/** A URL for an operation: the workspace's slug for {ws}, a well-formed id for the other path parameters. */
const urlOf = (op: Op, ws: string) =>
  op.path.replace(/\{(\w+)\}/g, (_all, name: string) => {
    if (name === 'ws') return ws;
    const param = op.operation.parameters?.find((p) => p.in === 'path' && p.name === name);
    return param?.schema?.format === 'uuid' ? SOME_ID : 'abc';
  });

/** Every exclusiveMinimum/exclusiveMaximum of the document that is not of the kind its version takes: booleans in 3.0, numbers in 3.1. */
function wrongBounds(doc: ApiDocument): string[] {
  const want = doc.openapi.startsWith('3.0') ? 'boolean' : 'number';
  const wrong: string[] = [];
  const walk = (node: unknown, at: string) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof child !== want) wrong.push(`${at}/${key}: ${JSON.stringify(child)}`);
      walk(child, `${at}/${key}`);
    }
  };
  walk(doc, '#');
  return wrong;
}

/** The errors each operation must document, from what it is (as the document itself shows it). */
function expectedErrors(op: Op): number[] {
  const api = op.path.startsWith('/api/v1/');
  const write = WRITE_METHODS.has(op.method);
  const content = Object.keys(op.operation.requestBody?.content ?? {});
  const statuses = [400, 500, 503];
  if (api) statuses.push(401);
  if (op.path.startsWith('/api/v1/workspaces/{ws}') || (api && write)) statuses.push(403);
  if (op.path.includes('{')) statuses.push(404);
  if (write) statuses.push(409);
  if (content.length > 0) statuses.push(413, 415);
  if (content.includes('multipart/form-data')) statuses.push(422);
  if (op.key === 'POST /api/v1/auth/login') statuses.push(429);
  return statuses.sort();
}

describeEachDatabase('the API document', (kind) => {
  let t: TestApp;
  let org: Org;
  let doc: ApiDocument;
  useSeededOrg(kind, async (app, seeded) => {
    t = app;
    org = seeded;
    const res = await t.api('GET', '/api/docs/json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  const admin = (method: string, url: string, body?: unknown) => t.api(method, url, { token: org.tokens.admin, body });

  it('is valid OpenAPI for the version it declares, as an independent validator reads it', async () => {
    const validator = new Validator({ allErrors: true });
    const result = await validator.validate(structuredClone(doc));
    // the validator's own errors, so that a failure says where
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 4000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
    expect(doc.openapi).toBe('3.0.3');
  });

  it('has no exclusiveMinimum or exclusiveMaximum of the wrong kind for its version', () => {
    expect(wrongBounds(doc)).toEqual([]);
    // a bound written as metadata (scorecard.ts: maxTotal above 0) is there, in the 3.0 form
    const maxTotal = (doc.paths['/api/v1/workspaces/{ws}/scorecard-templates'].post.requestBody!.content['application/json'] as any).schema.properties.card.properties.maxTotal;
    expect(maxTotal).toMatchObject({ type: 'number', minimum: 0, exclusiveMinimum: true });
  });

  it('documents the errors of every operation, each with a description and the one Error schema', () => {
    const error = doc.components.schemas.Error;
    expect(error).toMatchObject({ type: 'object', required: ['error'] });
    expect(error.properties.error.required).toEqual(['code', 'message', 'details']);
    const problems: string[] = [];
    for (const op of operationsOf(doc)) {
      const documented = Object.keys(op.operation.responses).filter((s) => Number(s) >= 400);
      const missing = expectedErrors(op).filter((s) => !documented.includes(String(s)));
      if (missing.length > 0) problems.push(`${op.key}: no ${missing.join(', ')}`);
      for (const status of documented) {
        const response = op.operation.responses[status];
        if (!response.description || response.description === 'Default Response') problems.push(`${op.key} ${status}: no description`);
        // a status the route answers with its own body (/healthz's 503) is the route's
        if (op.key === 'GET /healthz' && status === '503') continue;
        if (response.content?.['application/json']?.schema?.$ref !== ERROR_REF) problems.push(`${op.key} ${status}: not the Error schema`);
      }
    }
    expect(problems).toEqual([]);
    expect(operationsOf(doc).length).toBeGreaterThan(100);
    const login = doc.paths['/api/v1/auth/login'].post.responses;
    expect(login['429'].headers).toHaveProperty('Retry-After');
    expect(login['401'].description).toContain('invalid_credentials');
  });

  it('lists route-specific errors only for routes the app serves', () => {
    const served = new Set(operationsOf(doc).map((op) => op.key));
    const listed = Object.keys(ROUTE_ERRORS).map((key) => key.replace(/:(\w+)/g, '{$1}'));
    expect(listed.filter((key) => !served.has(key))).toEqual([]);
  });

  it('marks the public operations security: [], and an anonymous call to any other is 401', async () => {
    const ops = operationsOf(doc);
    const open = ops.filter((op) => Array.isArray(op.operation.security) && op.operation.security.length === 0).map((op) => op.key);
    expect(open.sort()).toEqual([...PUBLIC].sort());
    const answers: string[] = [];
    for (const op of ops.filter((o) => !PUBLIC.includes(o.key))) {
      const res = await t.app.inject({ method: op.method as 'GET', url: urlOf(op, org.ws) });
      const code = res.headers['content-type']?.toString().includes('json') ? errorBody.safeParse(res.json()).data?.error.code : undefined;
      if (res.statusCode !== 401 || code !== 'unauthenticated') answers.push(`${op.key}: ${res.statusCode} ${code ?? res.body.slice(0, 100)}`);
    }
    expect(answers).toEqual([]);
    // and the public reads answer an anonymous caller
    expect((await t.api('GET', '/api/v1/setup/status')).status).toBe(200);
    expect((await t.api('GET', '/healthz')).status).toBe(200);
  });

  describe('unknown query parameters', () => {
    const unknownAt = (body: any, name: string) => {
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details).toContainEqual(expect.objectContaining({ path: ['querystring', name], code: 'field.unknown_key' }));
    };

    it('a GET with a query schema refuses a parameter it does not name, located at it; the ones it names still work', async () => {
      const people = `/api/v1/workspaces/${org.ws}/people`;
      const typo = await admin('GET', `${people}?pageSize=5&stauts=left`);
      expect(typo.status, JSON.stringify(typo.body)).toBe(400);
      unknownAt(typo.body, 'stauts');
      expect(typo.body.error.details).toHaveLength(1);
      const known = await admin('GET', `${people}?pageSize=5&status=all&q=Max`);
      expect(known.status, JSON.stringify(known.body)).toBe(200);
      expect(known.body.items.map((p: { name: string }) => p.name)).toEqual(['Max Member']);
    });

    it('a GET without a query schema refuses any parameter, located at it', async () => {
      const units = `/api/v1/workspaces/${org.ws}/units`;
      const res = await admin('GET', `${units}?includeArchived=true&x=1`);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      unknownAt(res.body, 'includeArchived');
      unknownAt(res.body, 'x');
      expect((await admin('GET', units)).status).toBe(200);
      const me = await admin('GET', '/api/v1/auth/me?verbose=1');
      expect(me.status).toBe(400);
      unknownAt(me.body, 'verbose');
    });

    it('a write refuses one too, and writes nothing; without it the same write succeeds', async () => {
      const units = `/api/v1/workspaces/${org.ws}/units`;
      const before = (await admin('GET', units)).body.length;
      const refused = await admin('POST', `${units}?dryRun=true`, { name: 'Refused unit' });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      unknownAt(refused.body, 'dryRun');
      expect((await admin('GET', units)).body.length).toBe(before);
      const made = await admin('POST', units, { name: 'Accepted unit' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      // a write whose query schema names its parameters (an upload's): a misspelt one is refused before the file is read
      const upload = await admin('POST', `/api/v1/workspaces/${org.ws}/people/import?dryrun=true`);
      expect(upload.status, JSON.stringify(upload.body)).toBe(400);
      unknownAt(upload.body, 'dryrun');
    });

    it('every API operation without a JSON body refuses an unknown parameter (before doing anything)', async () => {
      const answers: string[] = [];
      let checked = 0;
      for (const op of operationsOf(doc)) {
        if (!op.path.startsWith('/api/v1/') || op.operation.requestBody?.content['application/json']) continue;
        checked++;
        const res = await t.app.inject({ method: op.method as 'GET', url: `${urlOf(op, org.ws)}?zz_unknown=1`, headers: { authorization: `Bearer ${org.tokens.admin}` } });
        const details = res.statusCode === 400 ? (res.json().error.details as { path?: unknown[] }[]) : [];
        if (!details.some((d) => JSON.stringify(d.path) === '["querystring","zz_unknown"]')) answers.push(`${op.key}: ${res.statusCode} ${res.body.slice(0, 150)}`);
      }
      expect(answers).toEqual([]);
      expect(checked).toBeGreaterThan(50);
    });

    it('outside the API they are left alone: /healthz and the API document', async () => {
      expect((await t.api('GET', '/healthz?probe=lb')).status).toBe(200);
      expect((await t.api('GET', '/api/docs/json?v=1')).status).toBe(200);
      // a URL no route serves is still a 404, not a complaint about its parameters
      expect((await admin('GET', `/api/v1/workspaces/${org.ws}/nothing-here?x=1`)).status).toBe(404);
    });
  });
});
