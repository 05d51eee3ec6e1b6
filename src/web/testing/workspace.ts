/**
 * Workspace summaries for component tests, with the `abilities` the server would send for the role.
 * The web app never derives abilities from the role (it reads the server's); only tests need them
 * made up, so the table below mirrors `rules` in src/server/access.ts (the web app may not import
 * the server). Keep the two alike when an action is added or given to another role.
 */
import { ACTIONS, type Action } from '../../contracts/access.ts';
import type { Role } from '../../contracts/common.ts';
import type { WorkspaceSummary } from '../api.ts';

const ALL: readonly Role[] = ['admin', 'manager', 'member'];
const STAFF: readonly Role[] = ['admin', 'manager'];
const ADMIN: readonly Role[] = ['admin'];

const rules: Record<Action, readonly Role[]> = {
  'workspace.read': ALL,
  'org.read': ALL,
  'people.list': ALL,
  'people.export': STAFF,
  'people.write': STAFF,
  'unit.write': ADMIN,
  'position.write': ADMIN,
  'people.import': ADMIN,
  'members.manage': ADMIN,
  'audit.read': ADMIN,
  'indicators.read': ALL,
  'indicators.write': ADMIN,
  'scorecards.read': STAFF,
  'scorecards.write': ADMIN,
  'cycles.read': ALL,
  'cycles.manage': ADMIN,
  'results.participate': ALL,
  'datasets.read': STAFF,
  'datasets.write': ADMIN,
  'metrics.read': ALL,
  'metrics.values': STAFF,
  'metrics.write': ADMIN,
  'metrics.diff': STAFF,
  'goals.read': ALL,
  'plans.write': ADMIN,
  'goals.write': STAFF,
  'goals.checkin': ALL,
  'dashboard.read': ALL,
  'dashboard.team': STAFF,
  'dashboard.company': ADMIN,
};

/** The actions a role may do, as the server lists them (`abilitiesOf(role)`). */
export function abilitiesFor(role: Role): Action[] {
  return ACTIONS.filter((action) => rules[action].includes(role));
}

/** The workspace `acme` as /auth/me describes it to a viewer of `role`. */
export function workspaceSummary(role: Role, overrides: Partial<WorkspaceSummary> = {}): WorkspaceSummary {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    slug: 'acme',
    name: 'Acme',
    kind: 'team',
    isDemo: false,
    role,
    personId: null,
    abilities: abilitiesFor(role),
    ...overrides,
  };
}
