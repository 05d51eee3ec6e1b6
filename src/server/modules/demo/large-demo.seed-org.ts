/**
 * Writes the large demo's organisation inside the seeding transaction: the workspace, the
 * positions, the unit tree with its leads, the people, the sign-in accounts (one per dashboard
 * role) and the indicator library copied from the built-in one.
 */
import { BUILTIN_INDICATORS } from '../../../core/indicators/builtin.ts';
import type { Tx } from '../../db/client.ts';
import { bulkInsert, findUserIdByEmailAnyCase, insertMembershipRow, insertUserRow, updateUserRow } from './large-demo.queries.ts';
import { POSITIONS } from './large-demo.org-data.ts';
import type { Org } from './large-demo.org.ts';

export type LargeDemoAccount = { role: 'admin' | 'manager' | 'member'; name: string; email: string; position: string; unit: string };

export async function insertOrg(tx: Tx, workspaceId: string, org: Org, newId: () => string): Promise<Map<string, string>> {
  const positionIds = new Map(POSITIONS.map((p) => [p.name, newId()]));
  await bulkInsert(tx, 'positions', { id: { type: 'uuid', value: (p) => positionIds.get(p.name) }, workspace_id: { type: 'uuid', value: () => workspaceId }, name: { type: 'text', value: (p) => p.name }, description: { type: 'text', value: (p) => p.description } }, POSITIONS);
  await bulkInsert(
    tx,
    'org_units',
    {
      id: { type: 'uuid', value: (u) => u.id },
      workspace_id: { type: 'uuid', value: () => workspaceId },
      name: { type: 'text', value: (u) => u.name },
      parent_id: { type: 'uuid', value: (u) => (u.parent === null ? null : org.units[u.parent].id) },
      lead_person_id: { type: 'uuid', value: (u) => org.people[u.lead].id },
      sort_order: { type: 'int', value: (u) => org.units.indexOf(u) },
    },
    org.units,
  );
  await bulkInsert(
    tx,
    'people',
    {
      id: { type: 'uuid', value: (p) => p.id },
      workspace_id: { type: 'uuid', value: () => workspaceId },
      name: { type: 'text', value: (p) => p.name },
      email: { type: 'text', value: (p) => p.email },
      employee_no: { type: 'text', value: (p) => p.employeeNo },
      unit_id: { type: 'uuid', value: (p) => org.units[p.unit].id },
      position_id: { type: 'uuid', value: (p) => positionIds.get(p.position) },
      manager_id: { type: 'uuid', value: (p) => (p.manager === null ? null : org.people[p.manager].id) },
      joined_on: { type: 'date', value: (p) => p.joinedOn },
    },
    org.people,
  );
  return positionIds;
}

/** The people who get an account: the general manager (admin), two managers at different levels of sales, and two members. */
export function accountHolders(org: Org): { person: number; role: LargeDemoAccount['role'] }[] {
  const { units, people } = org;
  const sales = units.filter((u) => u.kind === 'sales');
  const director = sales.find((u) => u.level === 1);
  const team = sales.find((u) => u.level === 3) ?? sales.find((u) => u.level === 2);
  const member = people.findIndex((p) => !p.isLead && team !== undefined && units[p.unit] === team);
  const operator = people.findIndex((p) => p.position === '内容运营' || p.position === '新媒体运营');
  const holders: { person: number; role: LargeDemoAccount['role'] }[] = [{ person: 0, role: 'admin' }];
  if (director) holders.push({ person: director.lead, role: 'manager' });
  if (team && team !== director) holders.push({ person: team.lead, role: 'manager' });
  for (const p of [member, operator]) if (p >= 0) holders.push({ person: p, role: 'member' });
  return holders.filter((h, i) => holders.findIndex((o) => o.person === h.person) === i);
}

/**
 * Accounts for the holders, all with one password. An account left by an earlier seed of the
 * same slug (its e-mail is in the workspace's own domain) is reused with the new password.
 */
export async function insertAccounts(tx: Tx, workspaceId: string, org: Org, passwordHash: string): Promise<LargeDemoAccount[]> {
  const accounts: LargeDemoAccount[] = [];
  for (const { person, role } of accountHolders(org)) {
    const p = org.people[person];
    const existing = await findUserIdByEmailAnyCase(tx, p.email);
    const userId = existing ?? (await insertUserRow(tx, { email: p.email, name: p.name, passwordHash }));
    if (existing) await updateUserRow(tx, existing, { name: p.name, passwordHash });
    await insertMembershipRow(tx, { workspaceId, userId, role, personId: p.id });
    accounts.push({ role, name: p.name, email: p.email, position: p.position, unit: org.units[p.unit].name });
  }
  return accounts;
}

/** The whole built-in library, in Chinese (the English name kept as nameEn): the ids by built-in key. */
export async function insertIndicators(tx: Tx, workspaceId: string, newId: () => string): Promise<Map<string, string>> {
  const ids = new Map(BUILTIN_INDICATORS.map((b) => [b.key, newId()]));
  await bulkInsert(
    tx,
    'indicators',
    {
      id: { type: 'uuid', value: (b) => ids.get(b.key) },
      workspace_id: { type: 'uuid', value: () => workspaceId },
      key: { type: 'text', value: (b) => b.key },
      name: { type: 'text', value: (b) => b.name['zh-CN'] },
      name_en: { type: 'text', value: (b) => b.name.en },
      purpose: { type: 'text', value: (b) => b.purpose['zh-CN'] },
      perspective: { type: 'text', value: (b) => b.perspective },
      kind: { type: 'text', value: (b) => b.kind },
      nature: { type: 'text', value: (b) => b.nature },
      unit: { type: 'text', value: (b) => b.unit },
      direction: { type: 'text', value: (b) => b.direction },
      formula: { type: 'text', value: (b) => b.formula },
      terms: { type: 'jsonb', value: (b) => b.terms.map((t) => ({ name: t.name, definition: t.definition['zh-CN'], rollUp: t.rollUp })) },
      period: { type: 'text', value: (b) => b.period },
      roll_up: { type: 'text', value: (b) => b.rollUp },
      source_builtin_key: { type: 'text', value: (b) => b.key },
    },
    BUILTIN_INDICATORS,
  );
  return ids;
}
