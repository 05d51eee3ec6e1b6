import type { BadCase } from './bad-input.cases.ts';
import type { Org } from './fixtures.ts';

/** Bad requests to the plan and goal write routes; merged into badInputCases. */
const ws = (org: Org, path: string) => `/api/v1/workspaces/${org.ws}${path}`;
const BAD_UUID = 'not-a-uuid';
const NO_ID = '00000000-0000-4000-8000-000000000000';
const badId = (what: string, url: (org: Org) => string, body?: unknown): BadCase => ({
  what,
  as: 'admin',
  req: (org) => ({ url: url(org), ...(body === undefined ? {} : { body }) }),
  status: 400,
  code: 'validation_failed',
  details: [{ path: ['params', 'id'], code: 'field.invalid' }],
});

export const goalBadInputCases: Record<string, BadCase> = {
  'POST /api/v1/workspaces/{ws}/plans': {
    what: 'no name, a date that is no date, an unknown cadence',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/plans'), body: { name: ' ', startsOn: '2027-13-01', endsOn: '2027-12-31', reviewCadence: 'yearly' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'name'], code: 'field.required' },
      { path: ['body', 'startsOn'], code: 'field.invalid_date' },
      { path: ['body', 'reviewCadence'], code: 'field.invalid_enum' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/plans/import': {
    what: 'a file of another format with a goal of no owner',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/plans/import'), body: { format: 'kedu.scorecard/v1', plan: { name: 'x', startsOn: '2027-01-01', endsOn: '2027-12-31' }, goals: [{ key: 'g1', statement: '销售额 100 万' }] } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'format'], code: 'plan.file_problem' },
      { path: ['body', 'goals', 0, 'owner'], code: 'plan.file_problem' },
    ],
  },
  'PUT /api/v1/workspaces/{ws}/plans/{id}': badId('a malformed plan id', (org) => ws(org, `/plans/${BAD_UUID}`), {}),
  'DELETE /api/v1/workspaces/{ws}/plans/{id}': badId('a malformed plan id', (org) => ws(org, `/plans/${BAD_UUID}`)),
  'POST /api/v1/workspaces/{ws}/goals': {
    what: 'no source (出处), an owner of no kind, a target in words',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/goals'), body: { planId: NO_ID, owner: { kind: 'team' }, statement: '销售额 100 万', indicatorId: NO_ID, target: '一百万', startsOn: '2027-01-01', deadline: '2027-12-31' } }),
    status: 400,
    code: 'validation_failed',
    details: [
      { path: ['body', 'owner', 'kind'], code: 'field.invalid' },
      { path: ['body', 'target'], code: 'field.invalid_type' },
      { path: ['body', 'source'], code: 'field.invalid_enum' },
    ],
  },
  'POST /api/v1/workspaces/{ws}/goals/smart-check': {
    what: 'an ambition that is no ambition',
    as: 'admin',
    req: (org) => ({ url: ws(org, '/goals/smart-check'), body: { statement: '销售额 100 万', ambition: 'heroic' } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'ambition'], code: 'field.invalid_enum' }],
  },
  'PUT /api/v1/workspaces/{ws}/goals/{id}': badId('a malformed goal id', (org) => ws(org, `/goals/${BAD_UUID}`), {}),
  'DELETE /api/v1/workspaces/{ws}/goals/{id}': badId('a malformed goal id', (org) => ws(org, `/goals/${BAD_UUID}`)),
  'POST /api/v1/workspaces/{ws}/goals/{id}/check-ins': {
    what: 'a value too large to be true',
    as: 'admin',
    req: (org) => ({ url: ws(org, `/goals/${NO_ID}/check-ins`), body: { value: 1e18, comment: '' } }),
    status: 400,
    code: 'validation_failed',
    details: [{ path: ['body', 'value'], code: 'field.number_too_large' }],
  },
};
