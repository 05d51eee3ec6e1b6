import type { ProblemList } from '../../../core/files/problem-list.ts';
import type { ErrorDetail } from '../../errors.ts';
import type { ParsedTable } from './people-import.parse.ts';

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
export const LIMITS = { name: 100, employeeNo: 50, unitName: 100, position: 100 };

/** "Employee No." → "employee no"; a trailing * (a "required" mark in templates) is ignored. */
const normalizeHeader = (h: string) => h.trim().replace(/[*＊]+$/, '').replace(/\.$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
const headerIndex = new Map<string, PersonField>(
  peopleColumns.flatMap((c) => [c.zh, c.en, ...(c.aliases ?? [])].map((h) => [normalizeHeader(h), c.field] as const)),
);

/**
 * Maps each known field to its column; reports unknown, duplicate and missing columns at row 1
 * (ordered by the column's place). Null when nothing else can be checked.
 */
export function mapHeaders(table: ParsedTable, errors: ProblemList<ErrorDetail>): { index: Map<PersonField, number>; order: Map<string, number> } | null {
  const index = new Map<PersonField, number>();
  const order = new Map<string, number>();
  table.headers.forEach((header, i) => {
    order.set(header, i);
    if (header === '') return; // a column without a header is a spreadsheet's spare column
    const field = headerIndex.get(normalizeHeader(header));
    if (!field) errors.add({ row: 1, column: header, value: header, code: 'import.unknown_column', params: { value: header } }, i);
    else if (index.has(field)) errors.add({ row: 1, column: header, value: header, code: 'import.duplicate_column', params: { value: header } }, i);
    else index.set(field, i);
  });
  if (!index.has('name')) {
    // a title above the header ("2026 年人员名单") is the commonest cause: say where the header is
    const headerRow = table.rows.find((r) => r.row <= 10 && r.values.some((v) => headerIndex.get(normalizeHeader(v)) === 'name'));
    if (headerRow) {
      errors.clear();
      errors.add({ row: 1, column: table.headers[0] ?? '', value: table.headers.find((h) => h) ?? '', code: 'import.header_not_first_row', params: { headerRow: headerRow.row } });
      return null;
    }
    const chinese = table.headers.some((h) => /[\u4e00-\u9fff]/.test(h)) || table.headers.every((h) => !/[a-z]/i.test(h));
    // before the other problems of the header
    errors.add({ row: 1, column: chinese ? '姓名' : 'Name', code: 'import.name_column_missing', params: {} }, -1);
  }
  return { index, order };
}

export function parseStatus(raw: string): 'active' | 'left' | null {
  const v = raw.trim().toLowerCase();
  if (v === '在职' || v === 'active') return 'active';
  if (v === '离职' || v === 'left') return 'left';
  return null;
}
