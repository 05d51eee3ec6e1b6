/**
 * The large demo's organisation, generated in memory: units in a tree of up to 3 levels
 * (departments → regions/centres → teams), their leads, and the people in them with their
 * positions and managers (a person's manager is the lead of their unit; a lead's is the lead of
 * the parent unit). Pure: ids are assigned by the caller's `newId`.
 */
import { type PersonName, nameGenerator } from './large-demo.names.ts';
import type { Random } from './large-demo.random.ts';
import { type UnitKind, departmentsFor, level2Name, leadPosition, memberPosition } from './large-demo.org-data.ts';

export type OrgUnit = { id: string; name: string; kind: UnitKind; level: 1 | 2 | 3; parent: number | null; children: number[]; lead: number };
export type OrgPerson = { id: string; name: string; email: string; employeeNo: string; unit: number; position: string; manager: number | null; isLead: boolean; joinedOn: string };
export type Org = { units: OrgUnit[]; people: OrgPerson[] };

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => (i < ORDINALS.length ? ORDINALS[i] : String(i + 1));

/** The unit tree: departments first, then level 2 round-robin under them, then teams under level 2. */
function unitTree(count: number): Omit<OrgUnit, 'id' | 'lead'>[] {
  const departments = departmentsFor(count);
  const units: Omit<OrgUnit, 'id' | 'lead'>[] = departments.map((d) => ({ ...d, level: 1 as const, parent: null, children: [] }));
  const rest = count - units.length;
  const level2 = rest > 0 ? Math.max(1, Math.round(rest * 0.3)) : 0;
  // the general manager's office stays one unit: regions and teams go under working departments
  const hosts = units.flatMap((u, i) => (u.kind === 'gm' ? [] : [i]));
  const perKind = new Map<UnitKind, number>();
  for (let i = 0; i < level2; i++) {
    const parent = hosts[i % hosts.length];
    const kind = units[parent].kind;
    const n = perKind.get(kind) ?? 0;
    perKind.set(kind, n + 1);
    units[parent].children.push(units.length);
    units.push({ name: level2Name(kind, n), kind, level: 2, parent, children: [] });
  }
  const level2Ids = units.flatMap((u, i) => (u.level === 2 ? [i] : []));
  for (let i = 0; i < rest - level2; i++) {
    const parent = level2Ids[i % level2Ids.length];
    const team = units[parent].children.length;
    units[parent].children.push(units.length);
    units.push({ name: `${units[parent].name}${ordinal(team)}组`, kind: units[parent].kind, level: 3, parent, children: [] });
  }
  return units;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `count` units and `people` people. Leads come first (the general manager is person 0), then
 * the members of the leaf units, spread unevenly as real teams are.
 */
export function generateOrg(random: Random, sizes: { units: number; people: number }, options: { emailDomain: string; joinedBefore: string; newId: () => string }): Org {
  const tree = unitTree(sizes.units);
  const nextName = nameGenerator(random);
  const people: OrgPerson[] = [];
  const latestYear = Number(options.joinedBefore.slice(0, 4)) - 1;
  const addPerson = (unit: number, position: string, manager: number | null, isLead: boolean) => {
    const n: PersonName = nextName();
    const joinedOn = `${random.int(latestYear - 9, latestYear)}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
    people.push({ id: options.newId(), name: n.name, email: `${n.emailLocal}@${options.emailDomain}`, employeeNo: `LG${pad(people.length + 1, 5)}`, unit, position, manager, isLead, joinedOn });
    return people.length - 1;
  };
  const units: OrgUnit[] = [];
  for (const [i, u] of tree.entries()) {
    const manager = u.parent === null ? (i === 0 ? null : units[0].lead) : units[u.parent].lead;
    units.push({ ...u, id: options.newId(), lead: addPerson(i, leadPosition(u.kind, u.level), manager, true) });
  }
  const leaves = units.flatMap((u, i) => (u.children.length === 0 ? [i] : []));
  // the general manager's office keeps a small staff; working teams get the rest, unevenly
  const weights = leaves.map((i) => (units[i].kind === 'gm' ? 0.15 : random.between(0.6, 1.4)));
  const total = weights.reduce((s, w) => s + w, 0);
  const members = sizes.people - units.length;
  let placed = 0;
  for (const [k, unit] of leaves.entries()) {
    const share = k === leaves.length - 1 ? members - placed : Math.min(members - placed, Math.round((members * weights[k]) / total));
    for (let j = 0; j < share; j++) addPerson(unit, memberPosition(units[unit].kind, random), units[unit].lead, false);
    placed += share;
  }
  return { units, people };
}
