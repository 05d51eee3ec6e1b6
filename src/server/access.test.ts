import { describe, expect, it } from 'vitest';
import { type Action, authorize, can, canManageParticipant, canManagePersonIn, canSeePerson, peopleScope, reach, requireAccess } from './access.ts';
import { AppError } from './errors.ts';
import type { Viewer } from './http/request-context.ts';

const SALES = 'unit-sales';
const EAST = 'unit-east';
const HR = 'unit-hr';

function viewer(role: Viewer['role'], overrides: Partial<Viewer> = {}): Viewer {
  return {
    userId: `user-${role}`,
    name: role,
    label: role,
    workspaceId: 'ws-1',
    workspaceSlug: 'acme',
    workspaceKind: 'team',
    role,
    personId: `person-${role}`,
    scopeUnitIds: role === 'admin' ? 'all' : role === 'manager' ? new Set([SALES, EAST]) : new Set(),
    ...overrides,
  };
}

const admin = viewer('admin');
const manager = viewer('manager');
const member = viewer('member');

describe('can', () => {
  const table: [Action, boolean, boolean, boolean][] = [
    // action, admin, manager, member
    ['workspace.read', true, true, true],
    ['org.read', true, true, true],
    ['people.list', true, true, true],
    ['people.export', true, true, false],
    ['unit.write', true, false, false],
    ['position.write', true, false, false],
    ['people.import', true, false, false],
    ['members.manage', true, false, false],
    ['audit.read', true, false, false],
  ];

  it.each(table)('%s: admin %s, manager %s, member %s', (action, a, m, mem) => {
    expect([can(admin, action), can(manager, action), can(member, action)]).toEqual([a, m, mem]);
  });

  it('denies by default: an action missing from the rules is refused for every role, admin included', () => {
    for (const v of [admin, manager, member]) {
      expect(can(v, 'unit.delete-everything' as Action)).toBe(false);
      expect(can(v, '' as Action)).toBe(false);
    }
  });

  it('denies names inherited from Object.prototype instead of throwing', () => {
    for (const v of [admin, manager, member]) {
      for (const inherited of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        expect(() => can(v, inherited as Action), inherited).not.toThrow();
        expect(can(v, inherited as Action), inherited).toBe(false);
      }
    }
  });

  it('denies an unknown role', () => {
    expect(can(viewer('owner' as Viewer['role']), 'org.read')).toBe(false);
  });

  it('authorize throws AppError forbidden (403) when can() says no, and nothing when yes', () => {
    expect(() => authorize(admin, 'audit.read')).not.toThrow();
    try {
      authorize(member, 'audit.read');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('forbidden');
      expect((error as AppError).status).toBe(403);
    }
    expect(() => authorize(admin, 'no.such.action' as Action)).toThrow(AppError);
  });
});

describe('peopleScope', () => {
  it('admin: everyone', () => {
    expect(peopleScope(admin)).toEqual({ kind: 'all' });
  });

  it("manager: the units they lead (a copy, not the viewer's set) and themselves", () => {
    const scope = peopleScope(manager);
    expect(scope).toEqual({ kind: 'units', unitIds: expect.arrayContaining([SALES, EAST]), selfId: 'person-manager' });
    if (scope.kind !== 'units') throw new Error('expected units');
    expect(scope.unitIds).toHaveLength(2);
    scope.unitIds.push(HR);
    expect((manager.scopeUnitIds as Set<string>).has(HR)).toBe(false);
  });

  it('a manager who leads no unit still has a (empty) units scope and sees themselves', () => {
    expect(peopleScope(viewer('manager', { scopeUnitIds: new Set() }))).toEqual({ kind: 'units', unitIds: [], selfId: 'person-manager' });
  });

  it('member: only themselves, or nobody when not linked to a person', () => {
    expect(peopleScope(member)).toEqual({ kind: 'self', selfId: 'person-member' });
    expect(peopleScope(viewer('member', { personId: null }))).toEqual({ kind: 'self', selfId: null });
  });
});

describe('canSeePerson', () => {
  const inEast = { id: 'p-east', unitId: EAST };
  const inHr = { id: 'p-hr', unitId: HR };
  const unplaced = { id: 'p-none', unitId: null };

  it('admin sees everyone, placed or not', () => {
    for (const p of [inEast, inHr, unplaced]) expect(canSeePerson(admin, p)).toBe(true);
  });

  it('manager sees people in the units they lead, and themselves wherever they are', () => {
    expect(canSeePerson(manager, inEast)).toBe(true);
    expect(canSeePerson(manager, { id: 'p-sales', unitId: SALES })).toBe(true);
    expect(canSeePerson(manager, inHr)).toBe(false);
    expect(canSeePerson(manager, unplaced)).toBe(false);
    expect(canSeePerson(manager, { id: 'person-manager', unitId: HR })).toBe(true);
  });

  it('member sees only themselves, even in their own unit', () => {
    expect(canSeePerson(member, { id: 'person-member', unitId: EAST })).toBe(true);
    expect(canSeePerson(member, inEast)).toBe(false);
    expect(canSeePerson(member, unplaced)).toBe(false);
  });

  it('a member or manager not linked to a person sees nobody through "self"', () => {
    expect(canSeePerson(viewer('member', { personId: null }), inEast)).toBe(false);
    expect(canSeePerson(viewer('member', { personId: null }), unplaced)).toBe(false);
    expect(canSeePerson(viewer('manager', { personId: null }), inHr)).toBe(false);
    expect(canSeePerson(viewer('manager', { personId: null }), inEast)).toBe(true);
  });

  it('a member with a stray scope set still sees only themselves', () => {
    expect(canSeePerson(viewer('member', { scopeUnitIds: new Set([EAST]) }), inEast)).toBe(false);
    expect(canSeePerson(viewer('member', { scopeUnitIds: 'all' }), inHr)).toBe(false);
  });
});

describe('canManagePersonIn', () => {
  it('admin manages people anywhere, including no unit', () => {
    for (const unit of [EAST, HR, null]) expect(canManagePersonIn(admin, unit)).toBe(true);
  });

  it('manager only inside the units they lead, never "no unit"', () => {
    expect(canManagePersonIn(manager, SALES)).toBe(true);
    expect(canManagePersonIn(manager, EAST)).toBe(true);
    expect(canManagePersonIn(manager, HR)).toBe(false);
    expect(canManagePersonIn(manager, null)).toBe(false);
    expect(canManagePersonIn(viewer('manager', { scopeUnitIds: new Set() }), EAST)).toBe(false);
  });

  it('member manages nobody, not even in their own unit', () => {
    for (const unit of [EAST, HR, null]) expect(canManagePersonIn(member, unit)).toBe(false);
    expect(canManagePersonIn(viewer('member', { scopeUnitIds: 'all' }), EAST)).toBe(false);
  });
});

describe('canManageParticipant', () => {
  it('nobody grades their own work: not a manager, not an admin who takes part', () => {
    expect(canManageParticipant(admin, { personId: 'person-admin', unitId: HR })).toBe(false);
    expect(canManageParticipant(admin, { personId: 'person-admin', unitId: null })).toBe(false);
    expect(canManageParticipant(manager, { personId: 'person-manager', unitId: SALES })).toBe(false);
  });

  it('admins manage every other participant; managers those in their units; members nobody', () => {
    expect(canManageParticipant(admin, { personId: 'someone', unitId: HR })).toBe(true);
    expect(canManageParticipant(admin, { personId: 'someone', unitId: null })).toBe(true);
    expect(canManageParticipant(viewer('admin', { personId: null }), { personId: 'someone', unitId: HR })).toBe(true);
    expect(canManageParticipant(manager, { personId: 'someone', unitId: EAST })).toBe(true);
    expect(canManageParticipant(manager, { personId: 'someone', unitId: HR })).toBe(false);
    expect(canManageParticipant(member, { personId: 'someone', unitId: EAST })).toBe(false);
  });
});

describe('reach and requireAccess: the entity rules over many rows at once', () => {
  const manager = viewer('manager', { personId: 'mgr', scopeUnitIds: new Set(['east']) });
  const rows = [
    { id: 'a', personId: 'p1', unitId: 'east' },
    { id: 'b', personId: 'p2', unitId: 'west' },
    { id: 'c', personId: 'mgr', unitId: 'east' },
  ];

  it('keeps the rows the permission allows, in their order, as the single-row rules say', () => {
    expect(reach(manager, 'participant.read', rows).map((r) => r.id)).toEqual(['a', 'c']);
    // nobody manages their own result
    expect(reach(manager, 'participant.manage', rows).map((r) => r.id)).toEqual(['a']);
    expect(reach(manager, 'participant.self', rows).map((r) => r.id)).toEqual(['c']);
    for (const r of rows) expect(reach(manager, 'participant.manage', [r]).length === 1).toBe(canManageParticipant(manager, r));
  });

  it('refuses the whole request with the caller’s error when any row is out of reach', () => {
    expect(() => requireAccess(manager, 'participant.read', rows.slice(0, 1), () => new AppError('not_found', { entity: 'entity.participant' }))).not.toThrow();
    expect(() => requireAccess(manager, 'participant.read', rows, () => new AppError('not_found', { entity: 'entity.participant' }))).toThrow(AppError);
    const admin = viewer('admin', { personId: 'adm' });
    expect(reach(admin, 'goal.manage', [{ kind: 'company', unitId: null, personId: null }])).toHaveLength(1);
    expect(reach(manager, 'goal.manage', [{ kind: 'company', unitId: null, personId: null }])).toHaveLength(0);
  });
});
