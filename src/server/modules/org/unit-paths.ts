/** Department paths ("销售部/华东区") as the people import and export write them. */

/** Splits "销售部/华东区" (or "销售部 > 华东区") into its names from the top. */
export function splitUnitPath(raw: string): string[] | null {
  const parts = raw.trim().replace(/^[/>／＞\s]+|[/>／＞\s]+$/g, '').split(/[/>／＞]/).map((s) => s.trim());
  return parts.some((p) => p === '') ? null : parts;
}

/** Each unit's names from the top, e.g. ["销售部", "华东区"]: what the Department column holds. */
export function unitPathsById<U extends { id: string; name: string; parentId: string | null }>(units: U[]): Map<string, string[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, string[]>();
  for (const u of units) {
    const names: string[] = [];
    // the guard stops at 1000 levels should the data ever hold a cycle
    for (let cur: U | undefined = u, n = 0; cur && n < 1000; cur = cur.parentId ? byId.get(cur.parentId) : undefined, n++) names.unshift(cur.name);
    paths.set(u.id, names);
  }
  return paths;
}

/** Units by their path joined with "/": a unit whose own name contains "/" still matches its exported path. */
export function unitsByPath<U extends { id: string; name: string; parentId: string | null }>(units: U[]): Map<string, U> {
  const paths = unitPathsById(units);
  return new Map(units.map((u) => [paths.get(u.id)!.join('/'), u]));
}
