import { LIMITS } from './people-import.columns.ts';
import type { ExistingPerson, PlannedPerson, WorkspaceSnapshot } from './people-import.validate.ts';
import { splitUnitPath, unitsByPath } from './unit-paths.ts';

/** Resolvers of a people file's references (units by path, positions by name, managers) against the workspace. */

export function unitResolver(units: WorkspaceSnapshot['units']) {
  const byPath = unitsByPath(units);
  return {
    resolve(raw: string): { ok: true; ref: { id: string } | { path: string[] }; inactive?: boolean } | { ok: false; code: string; params?: Record<string, number> } {
      const path = splitUnitPath(raw);
      if (!path) return { ok: false, code: 'import.unit_path_invalid' };
      if (path.some((p) => p.length > LIMITS.unitName)) return { ok: false, code: 'import.too_long', params: { max: LIMITS.unitName } };
      const found = byPath.get(path.join('/'));
      if (found) return { ok: true, ref: { id: found.id }, inactive: found.status === 'inactive' };
      // a new unit under a deactivated one would be an active unit inside an inactive one
      for (let n = path.length - 1; n >= 1; n--) {
        if (byPath.get(path.slice(0, n).join('/'))?.status === 'inactive') return { ok: false, code: 'import.unit_inactive' };
      }
      return { ok: true, ref: { path } };
    },
    /** Every missing prefix of the new paths, parents first, once each. */
    toCreate(refs: PlannedPerson['unit'][]): string[][] {
      const out = new Map<string, string[]>();
      for (const ref of refs) {
        if (!ref || !('path' in ref)) continue;
        for (let n = 1; n <= ref.path.length; n++) {
          const prefix = ref.path.slice(0, n);
          const key = prefix.join('/');
          if (!byPath.has(key) && !out.has(key)) out.set(key, prefix);
        }
      }
      return [...out.values()];
    },
  };
}

export function positionResolver(positions: WorkspaceSnapshot['positions']) {
  const exact = new Map(positions.map((p) => [p.name, p.id]));
  const folded = new Map<string, string | null>();
  for (const p of positions) folded.set(p.name.toLowerCase(), folded.has(p.name.toLowerCase()) ? null : p.id);
  const newNames = new Map<string, string>();
  return {
    /** Exact name first, then a unique case-insensitive match; otherwise a new position (first spelling in the file wins). */
    resolve(name: string): { id: string } | { name: string } {
      const id = exact.get(name) ?? folded.get(name.toLowerCase());
      if (id) return { id };
      const key = name.toLowerCase();
      if (!newNames.has(key)) newNames.set(key, name);
      return { name: newNames.get(key)! };
    },
    toCreate(refs: PlannedPerson['position'][]): string[] {
      return [...new Set(refs.flatMap((r) => (r && 'name' in r ? [r.name] : [])))];
    },
  };
}

/** Rows whose manager chain, after the import, leads back to themselves. */
export function managerCycles(planned: { person: PlannedPerson; before: ExistingPerson | undefined }[], existing: ExistingPerson[]): number[] {
  const keyOfEmail = new Map<string, string>();
  const managerOf = new Map<string, string | null>(existing.map((p) => [p.id, p.managerId]));
  const rowOf = new Map<string, number>();
  for (const { person, before } of planned) {
    const key = before?.id ?? `row:${person.row}`;
    rowOf.set(key, person.row);
    if (person.email) keyOfEmail.set(person.email.toLowerCase(), key);
  }
  for (const { person, before } of planned) {
    const key = before?.id ?? `row:${person.row}`;
    const m = person.manager;
    if (m === undefined) managerOf.set(key, before?.managerId ?? null);
    else managerOf.set(key, m === null ? null : 'id' in m ? m.id : (keyOfEmail.get(m.email) ?? null));
  }
  const settled = new Set<string>();
  const inCycle: number[] = [];
  for (const start of rowOf.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let cur: string | null | undefined = start;
    while (cur && !settled.has(cur) && !onPath.has(cur)) {
      onPath.set(cur, path.length);
      path.push(cur);
      cur = managerOf.get(cur);
    }
    if (cur && onPath.has(cur)) for (const k of path.slice(onPath.get(cur))) if (rowOf.has(k) && managerOf.get(k) !== k) inCycle.push(rowOf.get(k)!);
    for (const k of path) settled.add(k);
  }
  return inCycle;
}
