import type { Unit } from '../../api.ts';

export type UnitNode = {
  unit: Unit;
  children: UnitNode[];
  /** Active people in this unit and every unit below it. */
  total: number;
};

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
const byOrder = (a: UnitNode, b: UnitNode) =>
  a.unit.sortOrder - b.unit.sortOrder || collator.compare(a.unit.name, b.unit.name);

/** Builds the tree from the flat list (parentId); units whose parent is missing become roots. */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { unit: u, children: [], total: 0 }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const finish = (node: UnitNode, seen: Set<string>): number => {
    seen.add(node.unit.id);
    node.children = node.children.filter((c) => !seen.has(c.unit.id)); // a cycle in bad data must not hang the page
    node.children.sort(byOrder);
    node.total = node.unit.headcount + node.children.reduce((sum, c) => sum + finish(c, seen), 0);
    return node.total;
  };
  const seen = new Set<string>();
  roots.sort(byOrder);
  for (const r of roots) finish(r, seen);
  return roots;
}

/** Keeps the nodes that pass `keep` and the ancestors leading to them. */
export function filterTree(nodes: UnitNode[], keep: (u: Unit) => boolean): UnitNode[] {
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, keep);
    if (keep(n.unit) || children.length) out.push({ ...n, children });
  }
  return out;
}

/** Drops inactive units (and their sub-units) from the tree. */
export function activeOnly(nodes: UnitNode[]): UnitNode[] {
  return nodes
    .filter((n) => n.unit.status === 'active')
    .map((n) => ({ ...n, children: activeOnly(n.children) }));
}

/** The unit and every unit below it. */
export function subtreeIds(units: Unit[], rootIds: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const out = new Set<string>();
  const stack = [...rootIds];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export function allKeys(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) => [n.unit.id, ...allKeys(n.children)]);
}

/** Keys of the first `depth` levels, to open the tree that far by default. */
export function keysToDepth(nodes: UnitNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => (n.children.length ? [n.unit.id, ...keysToDepth(n.children, depth - 1)] : []));
}
