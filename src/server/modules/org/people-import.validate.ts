import { email as emailSchema } from '../../../contracts/common.ts';
import { parseDate } from '../../../core/values/dates.ts';
import { ProblemList } from '../../../core/files/problem-list.ts';
import type { ErrorDetail } from '../../errors.ts';
import { LIMITS, mapHeaders, type PersonField, parseStatus } from './people-import.columns.ts';
import type { ParsedTable } from './people-import.parse.ts';
import { managerCycles, positionResolver, unitResolver } from './people-import.resolve.ts';

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
/** A refused file: the first problems in file order, and the count (with how many more there are) for the answer. */
export type ValidationResult = { ok: true; plan: ImportPlan } | { ok: false; count: number; details: ErrorDetail[]; params: { count: number; listed?: number; more?: number } };

/** Checks every row of a people file against the workspace and plans the writes, or lists every problem. */
export function validatePeopleImport(table: ParsedTable, ws: WorkspaceSnapshot): ValidationResult {
  // the first problems by row and column, and the count: a file of a million bad cells keeps a hundred
  const errors = new ProblemList<ErrorDetail>();
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
      errors.add({ row, column: headerOf(field), value, code, params: { value, ...params } }, columns.index.get(field) ?? 0);

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
    errors.add({ row, column: headerOf('managerEmail'), value: raw, code: 'import.manager_cycle', params: { value: raw } }, columns.index.get('managerEmail') ?? 0);
  }
  if (errors.count) return fail(errors);

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

function fail(errors: ProblemList<ErrorDetail>): ValidationResult {
  return { ok: false, count: errors.count, details: errors.listed(), params: errors.summary() };
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
