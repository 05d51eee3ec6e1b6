import type { Org } from './fixtures.ts';
import { multipartFile } from './sessions.ts';

/**
 * One rejected request per write route (every POST, PATCH and DELETE of the API), with the
 * located problems the answer must name. A write route missing here fails bad-input.int.test.ts.
 */
export type BadRequest = { url: string; body?: unknown; payload?: string | Buffer; headers?: Record<string, string> };
export type BadCase = {
  what: string;
  /** Who sends it: the acme administrator's API token, or nobody (sign-in and setup). */
  as: 'admin' | 'anonymous';
  req: (org: Org) => BadRequest;
  status: number;
  /** The error code; several when a fix may reasonably pick either. */
  code: string | string[];
  /** Exactly these located problems (any order); omitted: not checked. */
  details?: { path: (string | number)[]; code: string }[];
};

const ws = (org: Org, path: string) => `/api/v1/workspaces/${org.ws}${path}`;
const BAD_UUID = 'not-a-uuid';
const invalidParam = (name: string) => [{ path: ['params', name], code: 'field.invalid' }];
/** A body sent to a route that takes none is refused, not silently ignored. */
const unexpectedBody = { status: 400, code: ['validation_failed', 'bad_request'] };

export const badInputCases: Record<string, BadCase> = {
  'POST /api/v1/setup': {
    what: 'no workspace name, a 5-character password',
    as: 'anonymous',
    req: () => ({ url: '/api/v1/setup', body: { adminName: 'Eve', email: 'eve@x.test', password: 'short' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'workspaceName'], code: 'field.required' },
      { path: ['body', 'password'], code: 'field.too_short' },
    ],
  },
  'POST /api/v1/demo/open': { what: 'a body on a route that takes none', as: 'anonymous', req: () => ({ url: '/api/v1/demo/open', body: { reset: true } }), ...unexpectedBody },
  'POST /api/v1/workspaces': {
    what: 'a slug with capitals and spaces',
    as: 'admin',
    req: () => ({ url: '/api/v1/workspaces', body: { name: 'Team', slug: 'Bad Slug!' } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'slug'], code: 'field.invalid' }],
  },
  'POST /api/v1/auth/login': {
    what: 'an email that is not one, an empty password',
    as: 'anonymous',
    req: () => ({ url: '/api/v1/auth/login', body: { email: 'admin-at-acme', password: '' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'email'], code: 'field.invalid_email' },
      { path: ['body', 'password'], code: 'field.required' },
    ],
  },
  'POST /api/v1/auth/logout': { what: 'a body on a route that takes none', as: 'admin', req: () => ({ url: '/api/v1/auth/logout', body: { everywhere: true } }), ...unexpectedBody },
  'PATCH /api/v1/auth/me': {
    what: 'a 101-character name, an unknown language',
    as: 'admin',
    req: () => ({ url: '/api/v1/auth/me', body: { name: 'n'.repeat(101), locale: 'fr' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'name'], code: 'field.too_long' },
      { path: ['body', 'locale'], code: 'field.invalid_enum' },
    ],
  },
  'POST /api/v1/auth/password': {
    what: 'an empty current password, a 7-character new one',
    as: 'admin',
    req: () => ({ url: '/api/v1/auth/password', body: { currentPassword: '', newPassword: '1234567' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'currentPassword'], code: 'field.required' },
      { path: ['body', 'newPassword'], code: 'field.too_short' },
    ],
  },
  'POST /api/v1/auth/tokens': {
    what: 'expiry of 0 days, a 101-character name',
    as: 'admin',
    req: () => ({ url: '/api/v1/auth/tokens', body: { name: 't'.repeat(101), expiresInDays: 0 } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'name'], code: 'field.too_long' },
      { path: ['body', 'expiresInDays'], code: 'field.too_small' },
    ],
  },
  'DELETE /api/v1/auth/tokens/{id}': {
    what: 'an id that is not a uuid',
    as: 'admin',
    req: () => ({ url: '/api/v1/auth/tokens/123' }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'POST /api/v1/workspaces/{ws}/units': {
    what: 'an empty name, a parent that is not a uuid, a sort order above 100000',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/units'), body: { name: '', parentId: BAD_UUID, sortOrder: 100001 } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'name'], code: 'field.required' },
      { path: ['body', 'parentId'], code: 'field.invalid' },
      { path: ['body', 'sortOrder'], code: 'field.too_big' },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/units/{id}': {
    what: 'an unknown status, a negative sort order',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/units/${org.units.east}`), body: { status: 'archived', sortOrder: -1 } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'status'], code: 'field.invalid_enum' },
      { path: ['body', 'sortOrder'], code: 'field.too_small' },
    ],
  },
  'DELETE /api/v1/workspaces/{ws}/units/{id}': {
    what: 'an id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/units/${BAD_UUID}`) }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'POST /api/v1/workspaces/{ws}/positions': {
    what: 'a 2001-character description',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/positions'), body: { name: 'Analyst', description: 'd'.repeat(2001) } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'description'], code: 'field.too_long' }],
  },
  'PATCH /api/v1/workspaces/{ws}/positions/{id}': {
    what: 'a name of blanks only',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/positions/${org.positionId}`), body: { name: '   ' } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'name'], code: 'field.required' }],
  },
  'DELETE /api/v1/workspaces/{ws}/positions/{id}': {
    what: 'an id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/positions/12345') }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'POST /api/v1/workspaces/{ws}/people': {
    what: 'month 13 as join date, a 51-character employee number',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/people'), body: { name: 'Pat', joinedOn: '2026-13-01', employeeNo: 'x'.repeat(51), unitId: org.units.hr } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'joinedOn'], code: 'field.invalid' },
      { path: ['body', 'employeeNo'], code: 'field.too_long' },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/people/{id}': {
    what: 'an unknown status, a leaving date in words',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/people/${org.people.eastRep}`), body: { status: 'gone', leftOn: 'yesterday' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'status'], code: 'field.invalid_enum' },
      { path: ['body', 'leftOn'], code: 'field.invalid' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/members': {
    what: 'an unknown role, a 7-character password',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/members'), body: { email: 'new@acme.test', name: 'New', role: 'owner', password: '1234567' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'role'], code: 'field.invalid_enum' },
      { path: ['body', 'password'], code: 'field.too_short' },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/members/{userId}': {
    what: 'a user id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/members/${BAD_UUID}`), body: { role: 'admin' } }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('userId'),
  },
  'DELETE /api/v1/workspaces/{ws}/members/{userId}': {
    what: 'a user id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/members/42') }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('userId'),
  },
  'POST /api/v1/workspaces/{ws}/people/import': {
    what: 'the file in the wrong form field',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/people/import'), ...multipartFile('upload', 'people.csv', '姓名\n张三\n') }),
    status: 400,
    code: 'bad_request',
    details: [{ path: ['body', 'file'], code: 'import.file_missing' }],
  },
  'POST /api/v1/workspaces/{ws}/indicators': {
    what: 'a formula name without a data definition, a term the formula does not use',
    as: 'admin',
    req: (org) => ({
      url: ws(org, '/indicators'),
      body: {
        name: 'Conversion',
        purpose: 'Orders per visitor',
        perspective: 'customer',
        kind: 'result',
        nature: 'management',
        direction: 'higher',
        formula: 'orders/visitors',
        terms: [
          { name: 'orders', definition: 'Paid orders' },
          { name: 'visits', definition: 'Visits' },
        ],
        period: 'month',
        rollUp: 'recompute',
      },
    }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'formula'], code: 'indicator.term_undefined' },
      { path: ['body', 'terms', 1, 'name'], code: 'indicator.term_unused' },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/indicators/{id}': {
    what: 'an empty purpose, an unknown perspective, a key with capitals',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/indicators/00000000-0000-4000-8000-000000000000'), body: { purpose: ' ', perspective: 'sales', key: 'Bad Key' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'purpose'], code: 'field.required' },
      { path: ['body', 'perspective'], code: 'field.invalid_enum' },
      { path: ['body', 'key'], code: 'field.invalid' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/indicators/{id}/copy': {
    what: 'an id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/indicators/${BAD_UUID}/copy`) }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'POST /api/v1/workspaces/{ws}/indicators/{id}/archive': {
    what: 'an id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/indicators/${BAD_UUID}/archive`) }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'POST /api/v1/workspaces/{ws}/indicators/{id}/restore': {
    what: 'a body on a route that takes none',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/indicators/00000000-0000-4000-8000-000000000000/restore'), body: { force: true } }),
    ...unexpectedBody,
  },
  'POST /api/v1/workspaces/{ws}/indicators/check-formula': {
    what: 'a formula that is not text, terms that are not a list',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/indicators/check-formula'), body: { formula: 42, terms: 'a' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'formula'], code: 'field.invalid_type' },
      { path: ['body', 'terms'], code: 'field.invalid_type' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/indicator-library/{key}/copy': {
    what: 'an empty name, an unknown field',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/indicator-library/conversion_rate/copy'), body: { name: '', perspective: 'customer' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'name'], code: 'field.required' },
      { path: ['body', 'perspective'], code: 'field.unknown_key' },
    ],
  },
};
