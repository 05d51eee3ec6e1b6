import { email as emailSchema } from '../../../contracts/common.ts';
import type { ErrorDetail } from '../../errors.ts';
import type { ParsedTable } from './people-import.parse.ts';
import { parseDate } from '../../../core/values/dates.ts';
import { splitUnitPath, unitsByPath } from './unit-paths.ts';

export type PersonField = 'name' | 'email' | 'employeeNo' | 'unit' | 'position' | 'managerEmail' | 'joinedOn' | 'status';

/** The columns of a people file, in export order. Headers match trimmed and case-insensitively. */
export const peopleColumns: readonly { field: PersonField; zh: string; en: string; aliases?: string[]; required?: boolean }[] = [
  { field: 'name', zh: '姓名', en: 'Name', required: true },
  { field: 'email', zh: '邮箱', en: 'Email' },
  { field: 'employeeNo', zh: '工号', en: 'Employee no.', aliases: ['Employee No'] },
  { field: 'unit', zh: '部门', en: 'Department' },
  { field: 'position', zh: '岗位', en: 'Position' },
  { field: 'managerEmail', zh: '上级邮箱', en: 'Manager email' },
  { field: 'joinedOn', zh: '入职日期', en: 'Joined on' },
  { field: 'status', zh: '状态', en: 'Status' },
];

export const statusLabels = { 'zh-CN': { active: '在职', left: '离职' }, en: { active: 'active', left: 'left' } } as const;
export const MAX_ERROR_DETAILS = 100;
const LIMITS = { name: 100, employeeNo: 50, unitName: 100, position: 100 };

/** "Employee No." → "employee no"; a trailing * (a "required" mark in templates) is ignored. */
const normalizeHeader = (h: string) => h.trim().replace(/[*＊]+$/, '').replace(/\.$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
const headerIndex = new Map<string, PersonField>(
  peopleColumns.flatMap((c) => [c.zh, c.en, ...(c.aliases ?? [])].map((h) => [normalizeHeader(h), c.field] as const)),
);

export type ExistingPerson = {
  id: string;
  name: string;
  email: string | null;
  employeeNo: string | null;
  unitId: string | null;
  positionId: string | null;
  managerId: string | null;
  status: 'active' | 'left';
  joinedOn: string | null;
};
export type WorkspaceSnapshot = {
  people: ExistingPerson[];
  units: { id: string; name: string; parentId: string | null; status: 'active' | 'inactive' }[];
  positions: { id: string; name: string }[];
};

/**
 * One row's intended state. An optional field left undefined means its column is not in
 * the file (the value is kept); null means the cell is empty (the value is cleared).
 */
export type PlannedPerson = {
  row: number;
  name: string;
  email: string | null;
  employeeNo?: string | null;
  unit?: null | { id: string } | { path: string[] };
  position?: null | { id: string } | { name: string };
  /** `email`: a person created by this same file. */
  manager?: null | { id: string } | { email: string };
  joinedOn?: string | null;
  status?: 'active' | 'left';
};
export type ImportPlan = {
  rows: number;
  creates: PlannedPerson[];
  updates: (PlannedPerson & { before: ExistingPerson })[];
  /** Rows matching an existing person whose data is already the same. */
  unchanged: number;
  /** Full paths of the units to create, each after its parent. */
  unitsToCreate: string[][];
  positionsToCreate: string[];
};
export type ValidationResult = { ok: true; plan: ImportPlan } | { ok: false; count: number; details: ErrorDetail[] };

/** Checks every row of a people file against the workspace and plans the writes, or lists every problem. */
export function validatePeopleImport(table: ParsedTable, ws: WorkspaceSnapshot): ValidationResult {
  const errors: ErrorDetail[] = [];
  const columns = mapHeaders(table, errors);
  if (!columns) return fail(errors);

  const cell = (values: string[], field: PersonField) => {
    const i = columns.index.get(field);
    return i === undefined ? undefined : (values[i] ?? '').trim();
  };
  const headerOf = (field: PersonField) => table.headers[columns.index.get(field) ?? -1] ?? field;
  const byEmail = new Map(ws.people.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p]));
  const units = unitResolver(ws.units);
  const positions = positionResolver(ws.positions);

  // first pass: emails of the file, so managers may be any other row
  const fileEmails = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const raw = cell(values, 'email');
    const parsed = raw ? emailSchema.safeParse(raw) : null;
    if (parsed?.success && !fileEmails.has(parsed.data)) fileEmails.set(parsed.data, row);
  }

  const planned: { person: PlannedPerson; before: ExistingPerson | undefined }[] = [];
  for (const { row, values } of table.rows) {
    const problem = (field: PersonField, value: string, code: string, params: Record<string, string | number> = {}) =>
      errors.push({ row, column: headerOf(field), value, code, params: { value, ...params } });

    const name = cell(values, 'name') ?? '';
    if (columns.index.has('name')) {
      if (!name) problem('name', name, 'import.name_required');
      else if (name.length > LIMITS.name) problem('name', name, 'import.too_long', { max: LIMITS.name });
    }

    let email: string | null = null;
    const rawEmail = cell(values, 'email');
    if (rawEmail) {
      const parsed = emailSchema.safeParse(rawEmail);
      if (!parsed.success) problem('email', rawEmail, 'import.email_invalid');
      else if (fileEmails.get(parsed.data) !== row) problem('email', rawEmail, 'import.email_duplicate', { firstRow: fileEmails.get(parsed.data)! });
      else email = parsed.data;
    }
    const before = email ? byEmail.get(email) : undefined;
    const person: PlannedPerson = { row, name, email: before?.email ?? email };

    const employeeNo = cell(values, 'employeeNo');
    if (employeeNo !== undefined) {
      if (employeeNo.length > LIMITS.employeeNo) problem('employeeNo', employeeNo, 'import.too_long', { max: LIMITS.employeeNo });
      person.employeeNo = employeeNo || null;
    }

    const status = cell(values, 'status');
    if (status) {
      const parsed = parseStatus(status);
      if (parsed) person.status = parsed;
      else problem('status', status, 'import.status_invalid');
    } else if (!before) person.status = 'active';
    const finalStatus = person.status ?? before?.status ?? 'active';

    const unit = cell(values, 'unit');
    if (unit !== undefined) {
      const resolved = unit ? units.resolve(unit) : { ok: true as const, ref: null, inactive: false };
      if (!resolved.ok) problem('unit', unit, resolved.code, resolved.params);
      else if (resolved.inactive && finalStatus === 'active') problem('unit', unit, 'import.unit_inactive');
      else person.unit = resolved.ref;
    }

    const position = cell(values, 'position');
    if (position !== undefined) {
      if (position.length > LIMITS.position) problem('position', position, 'import.too_long', { max: LIMITS.position });
      else person.position = position ? positions.resolve(position) : null;
    }

    const rawManager = cell(values, 'managerEmail');
    if (rawManager !== undefined) {
      const parsed = rawManager ? emailSchema.safeParse(rawManager) : null;
      if (!parsed) person.manager = null;
      else if (!parsed.success) problem('managerEmail', rawManager, 'import.email_invalid');
      else if (email && parsed.data === email) problem('managerEmail', rawManager, 'import.manager_self');
      else if (byEmail.has(parsed.data)) person.manager = { id: byEmail.get(parsed.data)!.id };
      else if (fileEmails.has(parsed.data)) person.manager = { email: parsed.data };
      else problem('managerEmail', rawManager, 'import.manager_not_found');
    }

    const joined = cell(values, 'joinedOn');
    if (joined !== undefined) {
      const parsed = joined ? parseDate(joined) : null;
      if (parsed === undefined) problem('joinedOn', joined, 'import.date_invalid');
      else person.joinedOn = parsed;
    }
    planned.push({ person, before });
  }

  for (const row of managerCycles(planned, ws.people)) {
    const raw = cell(table.rows.find((r) => r.row === row)!.values, 'managerEmail') ?? '';
    errors.push({ row, column: headerOf('managerEmail'), value: raw, code: 'import.manager_cycle', params: { value: raw } });
  }
  if (errors.length) return fail(errors, columns.order);

  const updates = planned.filter((p) => p.before && isChange(p.person, p.before)).map((p) => ({ ...p.person, before: p.before! }));
  return {
    ok: true,
    plan: {
      rows: planned.length,
      creates: planned.filter((p) => !p.before).map((p) => p.person),
      updates,
      unchanged: planned.filter((p) => p.before).length - updates.length,
      unitsToCreate: units.toCreate(planned.map((p) => p.person.unit)),
      positionsToCreate: positions.toCreate(planned.map((p) => p.person.position)),
    },
  };
}

function fail(errors: ErrorDetail[], order: Map<string, number> = new Map()): ValidationResult {
  const sorted = errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.row ?? 0) - (b.e.row ?? 0) || (order.get(a.e.column ?? '') ?? 0) - (order.get(b.e.column ?? '') ?? 0) || a.i - b.i)
    .map(({ e }) => e);
  return { ok: false, count: errors.length, details: sorted.slice(0, MAX_ERROR_DETAILS) };
}

/** Maps each known field to its column; reports unknown, duplicate and missing columns at row 1. Null when nothing else can be checked. */
function mapHeaders(table: ParsedTable, errors: ErrorDetail[]): { index: Map<PersonField, number>; order: Map<string, number> } | null {
  const index = new Map<PersonField, number>();
  const order = new Map<string, number>();
  table.headers.forEach((header, i) => {
    order.set(header, i);
    if (header === '') return; // a column without a header is a spreadsheet's spare column
    const field = headerIndex.get(normalizeHeader(header));
    if (!field) errors.push({ row: 1, column: header, value: header, code: 'import.unknown_column', params: { value: header } });
    else if (index.has(field)) errors.push({ row: 1, column: header, value: header, code: 'import.duplicate_column', params: { value: header } });
    else index.set(field, i);
  });
  if (!index.has('name')) {
    // a title above the header ("2026 年人员名单") is the commonest cause: say where the header is
    const headerRow = table.rows.find((r) => r.row <= 10 && r.values.some((v) => headerIndex.get(normalizeHeader(v)) === 'name'));
    if (headerRow) {
      errors.length = 0;
      errors.push({ row: 1, column: table.headers[0] ?? '', value: table.headers.find((h) => h) ?? '', code: 'import.header_not_first_row', params: { headerRow: headerRow.row } });
      return null;
    }
    const chinese = table.headers.some((h) => /[\u4e00-\u9fff]/.test(h)) || table.headers.every((h) => !/[a-z]/i.test(h));
    errors.unshift({ row: 1, column: chinese ? '姓名' : 'Name', code: 'import.name_column_missing', params: {} });
  }
  return { index, order };
}

function parseStatus(raw: string): 'active' | 'left' | null {
  const v = raw.trim().toLowerCase();
  if (v === '在职' || v === 'active') return 'active';
  if (v === '离职' || v === 'left') return 'left';
  return null;
}

function unitResolver(units: WorkspaceSnapshot['units']) {
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

function positionResolver(positions: WorkspaceSnapshot['positions']) {
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
function managerCycles(planned: { person: PlannedPerson; before: ExistingPerson | undefined }[], existing: ExistingPerson[]): number[] {
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

function isChange(p: PlannedPerson, b: ExistingPerson): boolean {
  const refChanged = (ref: null | { id: string } | object | undefined, current: string | null) =>
    ref !== undefined && (ref === null ? current !== null : !('id' in ref) || ref.id !== current);
  return (
    p.name !== b.name ||
    (p.employeeNo !== undefined && p.employeeNo !== b.employeeNo) ||
    refChanged(p.unit, b.unitId) ||
    refChanged(p.position, b.positionId) ||
    refChanged(p.manager, b.managerId) ||
    (p.joinedOn !== undefined && p.joinedOn !== b.joinedOn) ||
    (p.status !== undefined && p.status !== b.status)
  );
}
