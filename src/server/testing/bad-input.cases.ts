import type { Org } from './fixtures.ts';
import { multipartFile } from './sessions.ts';
import { dataBadInputCases } from './bad-input.data.ts';
import { goalBadInputCases } from './bad-input.goals.ts';

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
/** A well-formed id that names nothing (the request is refused before it is looked up). */
const NO_ID = '00000000-0000-4000-8000-000000000000';
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
      { path: ['body', 'joinedOn'], code: 'field.invalid_date' },
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
      { path: ['body', 'leftOn'], code: 'field.invalid_date' },
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
  // scorecard templates
  'POST /api/v1/workspaces/{ws}/scorecard-templates': {
    what: 'an unknown period kind; weights summing to 90 and a zero target in the card',
    as: 'admin',
    req: (org) => ({
      url: ws(org, '/scorecard-templates'),
      body: {
        name: 'Sales reps',
        period: 'weekly',
        card: {
          indicators: [
            { key: 'sales', name: 'Sales', direction: 'higher', weight: 60, target: 100, rule: { type: 'proportional' } },
            { key: 'accounts', name: 'New accounts', direction: 'higher', weight: 30, target: 0, rule: { type: 'proportional' } },
          ],
        },
      },
    }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'period'], code: 'field.invalid_enum' },
      { path: ['body', 'card', 'indicators'], code: 'scorecard.weights.sum' },
      { path: ['body', 'card', 'indicators', 1, 'target'], code: 'scorecard.target.zero' },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/scorecard-templates/{id}': {
    what: 'an empty name, an unknown rule type',
    as: 'admin',
    req: (org) => ({
      url: ws(org, '/scorecard-templates/00000000-0000-4000-8000-000000000000'),
      body: { name: ' ', card: { indicators: [{ key: 'sales', name: 'Sales', direction: 'higher', weight: 100, target: 100, rule: { type: 'exponential' } }] } },
    }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'name'], code: 'field.required' },
      { path: ['body', 'card', 'indicators', 0, 'rule', 'type'], code: 'field.invalid_enum' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/{id}/copy': {
    what: 'an id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/scorecard-templates/${BAD_UUID}/copy`) }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/{id}/archive': {
    what: 'an id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/scorecard-templates/${BAD_UUID}/archive`) }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/{id}/restore': {
    what: 'a body on a route that takes none',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/scorecard-templates/00000000-0000-4000-8000-000000000000/restore'), body: { force: true } }),
    ...unexpectedBody,
  },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/check': {
    what: 'a card without indicators, an unknown field',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/scorecard-templates/check'), body: { card: { grades: [] }, strict: true } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'card', 'indicators'], code: 'field.required' },
      { path: ['body', 'strict'], code: 'field.unknown_key' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/scorecard-templates/import': {
    what: 'a kedu.scorecard/v1 file with weights summing to 90 and a tier with no threshold',
    as: 'admin',
    req: (org) => ({
      url: ws(org, '/scorecard-templates/import'),
      body: {
        format: 'kedu.scorecard/v1',
        name: 'Imported',
        indicators: [
          { key: 'sales', name: 'Sales', direction: 'higher', weight: 70, target: 100, rule: { type: 'proportional' } },
          { key: 'accounts', name: 'New accounts', direction: 'higher', weight: 20, target: 5, rule: { type: 'tiers', tiers: [{ multiplier: 1.1 }] } },
        ],
      },
    }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'indicators'], code: 'scorecard.weights.sum' },
      { path: ['body', 'indicators', 1, 'rule', 'tiers', 0], code: 'scorecard.tiers.bound' },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/scorecard-templates/{id}/assignments': {
    what: 'a position id that is not a uuid, people that are not a list',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/scorecard-templates/00000000-0000-4000-8000-000000000000/assignments'), body: { positionIds: [BAD_UUID], personIds: org.people.member } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'positionIds', 0], code: 'field.invalid' },
      { path: ['body', 'personIds'], code: 'field.invalid_type' },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/scorecard-templates/{id}/targets': {
    what: 'the year 1800, an unknown owner kind, a target in words',
    as: 'admin',
    req: (org) => ({
      url: ws(org, '/scorecard-templates/00000000-0000-4000-8000-000000000000/targets'),
      body: { year: 1800, ownerKind: 'unit', ownerId: org.units.east, values: { sales: { '2026-01': 'ten' } } },
    }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'year'], code: 'field.too_small' },
      { path: ['body', 'ownerKind'], code: 'field.invalid_enum' },
      { path: ['body', 'values', 'sales', '2026-01'], code: 'field.invalid_type' },
    ],
  },

  // appraisal cycles
  'POST /api/v1/workspaces/{ws}/cycles': {
    what: 'month 13 as the period, trial as text',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/cycles'), body: { periodLabel: '2026-13', trial: 'yes' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'periodLabel'], code: 'cycle.period_label_invalid' },
      { path: ['body', 'trial'], code: 'field.invalid_type' },
    ],
  },
  'PATCH /api/v1/workspaces/{ws}/cycles/{id}': {
    what: 'an empty name, a share above 1',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}`), body: { name: ' ', forcedDistribution: [{ grade: 'S', maxShare: 1.5 }] } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'name'], code: 'field.required' },
      { path: ['body', 'forcedDistribution', 0, 'maxShare'], code: 'field.too_big' },
    ],
  },
  'DELETE /api/v1/workspaces/{ws}/cycles/{id}': { what: 'an id that is not a uuid', as: 'admin', req: (org) => ({ url: ws(org, `/cycles/${BAD_UUID}`) }), status: 400, code: 'validation_failed', details: invalidParam('id') },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/open': { what: 'an id that is not a uuid', as: 'admin', req: (org) => ({ url: ws(org, `/cycles/${BAD_UUID}/open`) }), status: 400, code: 'validation_failed', details: invalidParam('id') },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/sync': { what: 'a body on a route that takes none', as: 'admin', req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/sync`), body: { remove: true } }), ...unexpectedBody },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/calibrate': { what: 'an id that is not a uuid', as: 'admin', req: (org) => ({ url: ws(org, `/cycles/${BAD_UUID}/calibrate`) }), status: 400, code: 'validation_failed', details: invalidParam('id') },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/back-to-open': { what: 'a body on a route that takes none', as: 'admin', req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/back-to-open`), body: { reason: 'x' } }), ...unexpectedBody },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/close': {
    what: 'allowIncomplete as text',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/close`), body: { allowIncomplete: 'yes' } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'allowIncomplete'], code: 'field.invalid_type' }],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/reopen': {
    what: 'a 2-character reason',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/reopen`), body: { reason: 'no' } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'reason'], code: 'field.too_short' }],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/recompute': { what: 'an id that is not a uuid', as: 'admin', req: (org) => ({ url: ws(org, `/cycles/${BAD_UUID}/recompute`) }), status: 400, code: 'validation_failed', details: invalidParam('id') },
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/actuals': {
    what: 'a value in words, not-applicable keys that are not a list',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/participants/${NO_ID}/actuals`), body: { values: { 销售额: 'a lot' }, notApplicable: '销售额' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'values', '销售额'], code: 'field.invalid_type' },
      { path: ['body', 'notApplicable'], code: 'field.invalid_type' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/what-if': {
    what: 'a negative target',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/participants/${NO_ID}/what-if`), body: { change: { key: '销售额', target: -1 } } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'change', 'target'], code: 'field.too_small' }],
  },

  // appraisal results
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/ratings/{key}/self': {
    what: 'a rating in words, a 2001-character comment',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/participants/${NO_ID}/ratings/x/self`), body: { rating: 'four', comment: 'c'.repeat(2001) } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'rating'], code: 'field.invalid_type' },
      { path: ['body', 'comment'], code: 'field.too_long' },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/ratings/{key}/manager': {
    what: 'a cycle id that is not a uuid, no rating',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${BAD_UUID}/participants/${NO_ID}/ratings/x/manager`), body: { comment: 'fine' } }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('id'),
  },
  'PUT /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/adjustment': {
    what: 'a negative total, a 2-character reason',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/participants/${NO_ID}/adjustment`), body: { total: -1, reason: 'ok' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'total'], code: 'field.too_small' },
      { path: ['body', 'reason'], code: 'field.too_short' },
    ],
  },
  'DELETE /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/adjustment': {
    what: 'no reason',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/participants/${NO_ID}/adjustment`), body: {} }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'reason'], code: 'field.required' }],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/participants/{pid}/appeals': {
    what: 'an empty indicator key, a 3-character reason',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/participants/${NO_ID}/appeals`), body: { indicatorKey: '', reason: 'bad' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'indicatorKey'], code: 'field.required' },
      { path: ['body', 'reason'], code: 'field.too_short' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/appeals/{appealId}/accept': {
    what: 'a correction in words, no resolution',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/appeals/${NO_ID}/accept`), body: { corrections: { 销售额: 'a hundred' } } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'corrections', '销售额'], code: 'field.invalid_type' },
      { path: ['body', 'resolution'], code: 'field.required' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/appeals/{appealId}/reject': {
    what: 'an appeal id that is not a uuid',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/appeals/${BAD_UUID}/reject`), body: { resolution: 'The data is right' } }),
    status: 400,
    code: 'validation_failed',
    details: invalidParam('appealId'),
  },
  'POST /api/v1/workspaces/{ws}/cycles/{id}/actuals/import': {
    what: 'the file in the wrong form field',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/cycles/${NO_ID}/actuals/import`), ...multipartFile('upload', 'actuals.csv', 'person,销售额\n张三,1\n') }),
    status: 400,
    code: 'bad_request',
    details: [{ path: ['body', 'file'], code: 'actuals.file_missing' }],
  },
  ...dataBadInputCases,
  ...goalBadInputCases,
};
