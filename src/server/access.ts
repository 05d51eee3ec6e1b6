import { ACTIONS, type Action } from '../contracts/access.ts';
import type { Role } from '../contracts/common.ts';
import { AppError } from './errors.ts';
import type { Auth, Viewer } from './http/request-context.ts';

/**
 * Who may do what inside a workspace. Deny by default: an action missing from the
 * table below is refused for everyone. Being a member of the workspace at all is
 * checked before this (a non-member gets 404, so workspaces do not reveal each other).
 *
 * - admin: everything in the workspace;
 * - manager: reads the organisation, and reads and manages the people in the units they
 *   lead, recursively;
 * - member: reads the organisation's units and positions, and their own person record.
 * - everyone reads the indicator library; only admins write it (managers too, later).
 * - appraisal: admins see every participant and manage every one but themselves; managers
 *   those placed in their units (entering actuals, rating, adjusting, answering appeals) —
 *   nobody, admins included, for themselves; members see only their own scorecard, rate
 *   themselves and appeal.
 * - data: admins import datasets and define metrics; managers read datasets and metric values;
 *   everyone reads the data dictionary (metric definitions).
 * - goals: everyone reads plans and goals; admins write plans and any goal; managers write the
 *   goals of their units and people; a person checks in on their own goals (canManageGoal,
 *   canCheckInGoal).
 */
export type { Action };

const rules: Record<Action, readonly Viewer['role'][]> = {
  'workspace.read': ['admin', 'manager', 'member'],
  'org.read': ['admin', 'manager', 'member'],
  'people.list': ['admin', 'manager', 'member'],
  'people.export': ['admin', 'manager'],
  // adding and editing people: admins anywhere, managers in the units they lead (canManagePersonIn, per person)
  'people.write': ['admin', 'manager'],
  'unit.write': ['admin'],
  'position.write': ['admin'],
  'people.import': ['admin'],
  'members.manage': ['admin'],
  'audit.read': ['admin'],
  // the indicator library: everyone reads it (and checks formulas); admins curate it
  'indicators.read': ['admin', 'manager', 'member'],
  'indicators.write': ['admin'],
  // scorecard templates, their assignments and the year's targets: admins design them,
  // managers read them (they explain their people's scorecards)
  'scorecards.read': ['admin', 'manager'],
  'scorecards.write': ['admin'],
  // appraisal cycles: everyone sees the list; admins create, open, close and reopen them
  'cycles.read': ['admin', 'manager', 'member'],
  'cycles.manage': ['admin'],
  // a person's own part in a cycle (self-rating, appeals); which person is checked per call
  'results.participate': ['admin', 'manager', 'member'],
  // data (domain.md §4): managers see the datasets their numbers come from; admins import them
  // and curate the data dictionary, which everyone may read (definitions are not secrets, but
  // the values per person are)
  'datasets.read': ['admin', 'manager'],
  'datasets.write': ['admin'],
  'metrics.read': ['admin', 'manager', 'member'],
  'metrics.values': ['admin', 'manager'],
  'metrics.write': ['admin'],
  // what new data would change in a closed cycle: for those who see the participants
  'metrics.diff': ['admin', 'manager'],
  // plans and goals (domain.md §1): goals are open to everyone, as in an OKR tool, so people see
  // how theirs serve the company's; admins shape plans; admins and managers set goals (managers
  // for their units and people, checked per goal); owners check in on their own goals
  'goals.read': ['admin', 'manager', 'member'],
  'plans.write': ['admin'],
  'goals.write': ['admin', 'manager'],
  'goals.checkin': ['admin', 'manager', 'member'],
  // the home dashboard: each role sees its own view (member: own; manager: team; admin: company)
  'dashboard.read': ['admin', 'manager', 'member'],
  // a member has no team (their view is their own); the company view is the admins'
  'dashboard.team': ['admin', 'manager'],
  'dashboard.company': ['admin'],
};

export function can(viewer: Viewer, action: Action): boolean {
  // own properties only: an action named like an Object.prototype member is unknown, hence denied
  return Object.hasOwn(rules, action) && rules[action].includes(viewer.role);
}

/**
 * Every action a role may do: what the API tells the web app (a workspace's `abilities`), so that
 * the buttons it shows follow these rules rather than a copy of them.
 */
export function abilitiesOf(role: Role): Action[] {
  return ACTIONS.filter((action) => rules[action].includes(role));
}

export function authorize(viewer: Viewer, action: Action): void {
  if (!can(viewer, action)) throw new AppError('forbidden');
}

/** The rows of `people` a viewer may see: all, those in scope units, or only themselves. */
export type PeopleScope = { kind: 'all' } | { kind: 'units'; unitIds: string[]; selfId: string | null } | { kind: 'self'; selfId: string | null };

export function peopleScope(viewer: Viewer): PeopleScope {
  if (viewer.role === 'admin') return { kind: 'all' };
  if (viewer.role === 'manager' && viewer.scopeUnitIds !== 'all') {
    return { kind: 'units', unitIds: [...viewer.scopeUnitIds], selfId: viewer.personId };
  }
  return { kind: 'self', selfId: viewer.personId };
}

/** May the viewer see this person? */
export function canSeePerson(viewer: Viewer, person: { id: string; unitId: string | null }): boolean {
  if (viewer.role === 'admin') return true;
  if (person.id === viewer.personId) return true;
  return viewer.role === 'manager' && inScope(viewer, person.unitId);
}

/**
 * May the viewer create or change a person placed in `unitId`? Managers only inside
 * their units (a person moved must be in scope before and after the move).
 */
export function canManagePersonIn(viewer: Viewer, unitId: string | null): boolean {
  if (viewer.role === 'admin') return true;
  return viewer.role === 'manager' && inScope(viewer, unitId);
}

function inScope(viewer: Viewer, unitId: string | null): boolean {
  if (viewer.scopeUnitIds === 'all') return true;
  return unitId !== null && viewer.scopeUnitIds.has(unitId);
}

/** A participant of an appraisal cycle, placed in the unit they were in when it opened. */
export type ParticipantRef = { personId: string; unitId: string | null };

/** May the viewer see this participant's scorecard and result? */
export function canSeeParticipant(viewer: Viewer, participant: ParticipantRef): boolean {
  return canSeePerson(viewer, { id: participant.personId, unitId: participant.unitId });
}

/**
 * May the viewer act as this participant's manager (enter actuals, rate manual indicators,
 * adjust the result, answer appeals)? Never for themselves — nobody grades their own work, an
 * admin who takes part in the cycle included; otherwise admins always, managers inside their units.
 */
export function canManageParticipant(viewer: Viewer, participant: ParticipantRef): boolean {
  if (viewer.personId !== null && participant.personId === viewer.personId) return false;
  if (viewer.role === 'admin') return true;
  return viewer.role === 'manager' && inScope(viewer, participant.unitId);
}

/** Is the viewer this participant (self-rating, appeals)? */
export function isParticipant(viewer: Viewer, participant: ParticipantRef): boolean {
  return viewer.personId !== null && participant.personId === viewer.personId;
}

/** Who owns a goal, as far as access goes: the company, a unit, or a person placed in a unit. */
export type GoalOwnerRef = { kind: 'company' | 'unit' | 'person'; unitId: string | null; personId: string | null };

/** May the viewer set, change or delete this goal? Company goals: admins; others: admins and the managers whose scope holds the owner. */
export function canManageGoal(viewer: Viewer, owner: GoalOwnerRef): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'manager' || owner.kind === 'company') return false;
  // a manager sets their team's goals, not their own (like grading: nobody sets their own bar)
  if (owner.kind === 'person' && owner.personId === viewer.personId) return false;
  return inScope(viewer, owner.unitId);
}

/** May the viewer check in on this goal? Whoever may manage it, and the person who owns it. */
export function canCheckInGoal(viewer: Viewer, owner: GoalOwnerRef): boolean {
  if (owner.kind === 'person' && owner.personId !== null && owner.personId === viewer.personId) return true;
  return canManageGoal(viewer, owner);
}

/**
 * The entity rules by name, for checks over many entities at once (`reach`, `requireAccess`), in
 * the manner of Immich's access checks: a service names the permission and hands over the rows it
 * loaded, instead of looping over one of the functions above.
 */
const ENTITY_RULES = {
  'person.read': (viewer: Viewer, person: { id: string; unitId: string | null }) => canSeePerson(viewer, person),
  'participant.read': (viewer: Viewer, participant: ParticipantRef) => canSeeParticipant(viewer, participant),
  'participant.manage': (viewer: Viewer, participant: ParticipantRef) => canManageParticipant(viewer, participant),
  'participant.self': (viewer: Viewer, participant: ParticipantRef) => isParticipant(viewer, participant),
  'goal.manage': (viewer: Viewer, owner: GoalOwnerRef) => canManageGoal(viewer, owner),
  'goal.checkin': (viewer: Viewer, owner: GoalOwnerRef) => canCheckInGoal(viewer, owner),
} as const;

export type EntityPermission = keyof typeof ENTITY_RULES;
type EntityOf<P extends EntityPermission> = Parameters<(typeof ENTITY_RULES)[P]>[1];

/**
 * Which of these entities the viewer may reach with the permission ("which of these ids may this
 * viewer reach"): the allowed ones, in their order.
 * @example reach(viewer, 'participant.read', rows) // the rows of participants the viewer may see
 */
export function reach<P extends EntityPermission, T extends EntityOf<P>>(viewer: Viewer, permission: P, entities: readonly T[]): T[] {
  const rule = ENTITY_RULES[permission] as (viewer: Viewer, entity: T) => boolean;
  return entities.filter((entity) => rule(viewer, entity));
}

/**
 * Every one of these entities must be reachable, or the request fails: 404 "not found" (what the
 * viewer may not reach is not revealed) — or 403 when `forbidden` says the viewer may see it but
 * not do this.
 */
export function requireAccess<P extends EntityPermission, T extends EntityOf<P>>(viewer: Viewer, permission: P, entities: readonly T[], refuse: () => AppError): void {
  if (reach(viewer, permission, entities).length !== entities.length) throw refuse();
}

/**
 * The demo accounts are shared by every visitor (anyone can open the demo), so nothing that
 * outlives the demo or reaches beyond it may be created with them: accounts (which would also end
 * first-run setup), workspaces, API tokens.
 */
export function assertNotDemoAccount(auth: Auth): void {
  if (auth.user.isDemo) throw new AppError('demo_restricted');
}

/** A background job is followed by whoever started it, and by the workspace's admins (as its audit entries are). */
export function canFollowJob(viewer: Viewer, job: { createdBy: string | null }): boolean {
  return job.createdBy === viewer.userId || viewer.role === 'admin';
}
