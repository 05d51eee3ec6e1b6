/**
 * A table of actuals (an uploaded CSV/XLSX, or the CLI's `--actuals` file) → the inputs of one
 * scoring per person, with every problem located by row and column (domain.md §4: the header
 * is row 1, columns by header name). The same reader serves the CLI, the API and the web app;
 * scoring itself is `scoreWithTerms`.
 *
 * Columns: `person` (required, unique per row); one column per term — the variables of an
 * indicator's formula, or its key when it has none (a `manual` indicator's key holds the
 * rating); optional `target:<key>` columns override the target of that row. A cell `NA` (also
 * `N/A`, `不适用`) marks the indicators using that term not applicable; an empty cell is a
 * missing value (the person's result is incomplete, with the reason).
 */
import { closestName, compileFormula } from '../formula/index.ts';
import { columnLetter, isNotApplicableCell, parseCellNumber } from '../values/cells.ts';
import { messages, PERSON_COLUMN, TARGET_PREFIX, type TableProblemCode } from './actuals-table.messages.ts';
import type { Indicator, LocalizedText, Scorecard } from './types.ts';
import { formatIssuePath } from './validate.ts';

export { PERSON_COLUMN, TARGET_PREFIX, type TableProblemCode } from './actuals-table.messages.ts';
// the cell readers live in src/core/values/cells.ts; re-exported for the modules that import them from here
export { columnLetter, isNotApplicableCell, parseCellNumber } from '../values/cells.ts';

/** Rows as the server's spreadsheet reader (src/server/files/spreadsheet.ts) gives them. */
export type ActualsTable = { headers: readonly string[]; rows: readonly { row: number; values: readonly string[] }[] };

/** A located problem of the table: `column` is the header name (or the column letter when it has none); null for the whole row. */
export type TableProblem = { row: number; column: string | null; value?: string; code: TableProblemCode; message: LocalizedText };

/** A problem of the scorecard's formulas, located by path like `indicators[4].formula`. */
export type FormulaProblem = { path: string; code: 'formula.invalid' | 'formula.boolean'; message: LocalizedText };

/** One person's inputs for `scorePerson`. */
export type PersonActuals = {
  person: string;
  row: number;
  /** Term values; a missing (empty) cell is absent. */
  terms: Record<string, number>;
  /** Keys of the indicators marked NA. */
  notApplicable: string[];
  /** Target overrides by indicator key. */
  targets: Record<string, number>;
};

/** The terms each indicator reads, by indicator key, in scorecard order. */
export type TermMap = Map<string, string[]>;

/**
 * The terms each indicator reads: its formula's variables, or its key. Formulas that do not
 * compile, or give true/false, are problems of the scorecard.
 * @example scorecardTerms({ indicators: [{ key: 'a', weight: 100, target: 1, formula: 'x / y' }] }) // { ok: true, terms: Map { 'a' => ['x', 'y'] } }
 */
export function scorecardTerms(card: Scorecard): { ok: true; terms: TermMap } | { ok: false; errors: FormulaProblem[] } {
  const terms: TermMap = new Map();
  const errors: FormulaProblem[] = [];
  card.indicators.forEach((indicator, i) => {
    if (indicator.formula === undefined) {
      terms.set(indicator.key, [indicator.key]);
      return;
    }
    const path = formatIssuePath(['indicators', i, 'formula']);
    const compiled = compileFormula(indicator.formula);
    if (!compiled.ok) {
      const first = compiled.diagnostics.find((d) => d.severity === 'error') ?? compiled.diagnostics[0];
      const detail = first?.message ?? { 'zh-CN': '无法解析', en: 'cannot be parsed' };
      errors.push({ path, code: 'formula.invalid', message: messages['formula.invalid']({ detail }) });
    } else if (compiled.type === 'boolean') {
      errors.push({ path, code: 'formula.boolean', message: messages['formula.boolean']() });
    } else terms.set(indicator.key, compiled.variables);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, terms };
}

type ColumnRole = { kind: 'person' } | { kind: 'term'; term: string } | { kind: 'target'; key: string } | { kind: 'ignored' };
type ReadColumnRole = Extract<ColumnRole, { kind: 'term' | 'target' }>;

/**
 * Reads a table of actuals for a scorecard. `terms` is `scorecardTerms(card).terms`.
 * All or nothing: with any error there are no people, only the errors, in row order.
 * `notes` are file-level remarks that do not stop scoring (a column empty in every row).
 * @example readActualsTable(card, terms, { headers: ['person', '销售额'], rows: [{ row: 2, values: ['张三', '1,200'] }] })
 * // { ok: true, people: [{ person: '张三', row: 2, terms: { 销售额: 1200 }, notApplicable: [], targets: {} }], notes: [] }
 */
export function readActualsTable(
  card: Scorecard,
  terms: TermMap,
  table: ActualsTable,
): { ok: true; people: PersonActuals[]; notes: TableProblem[] } | { ok: false; errors: TableProblem[] } {
  const users = new Map<string, Indicator[]>();
  for (const indicator of card.indicators) {
    for (const term of terms.get(indicator.key) ?? []) users.set(term, [...(users.get(term) ?? []), indicator]);
  }
  const header = readHeader(card, users, table);
  if (!header.ok) return header;
  const { roles, personIndex } = header;

  const errors: TableProblem[] = [];
  const manualScale = new Map<string, [number, number]>();
  for (const indicator of card.indicators) {
    if (indicator.rule?.type === 'manual' && indicator.formula === undefined) manualScale.set(indicator.key, indicator.rule.scale ?? [1, 5]);
  }
  const firstRow = new Map<string, number>();
  const filled = roles.map(() => false);
  const readColumns = roles.flatMap((role, i) => (role.kind === 'term' || role.kind === 'target' ? [i] : []));
  const people: PersonActuals[] = [];
  for (const { row, values } of table.rows) {
    const cell = (i: number) => (values[i] ?? '').trim();
    const problem = (i: number, code: TableProblemCode, message: LocalizedText) => errors.push({ row, column: table.headers[i], value: cell(i), code, message });
    const person = cell(personIndex);
    if (person === '') problem(personIndex, 'person.empty', messages['person.empty']());
    else if (firstRow.has(person)) problem(personIndex, 'person.duplicate', messages['person.duplicate']({ first: firstRow.get(person) as number }));
    else firstRow.set(person, row);

    const entry: PersonActuals = { person, row, terms: {}, notApplicable: [], targets: {} };
    let naTerms: Set<string> | null = null;
    for (const i of readColumns) {
      const text = cell(i);
      if (text === '') continue;
      filled[i] = true;
      const role = roles[i] as ReadColumnRole;
      const value = parseCellNumber(text);
      if (role.kind === 'term' && value === null && isNotApplicableCell(text)) (naTerms ??= new Set()).add(role.term);
      else {
        const refused = storeCell(entry, role, value, manualScale);
        if (refused) problem(i, refused.code, refused.message);
      }
    }
    if (naTerms) markNotApplicable(card, terms, entry, naTerms, errors);
    people.push(entry);
  }
  if (errors.length > 0) return { ok: false, errors };
  const notes: TableProblem[] = [];
  roles.forEach((role, i) => {
    if (role.kind === 'term' && !filled[i] && table.rows.length > 0) {
      notes.push({ row: 1, column: table.headers[i], code: 'column.all_empty', message: messages['column.all_empty']({ column: table.headers[i] }) });
    }
  });
  return { ok: true, people, notes };
}

/** The header (row 1): the role of each column, and every problem of the columns. */
function readHeader(
  card: Scorecard,
  users: Map<string, Indicator[]>,
  table: ActualsTable,
): { ok: true; roles: ColumnRole[]; personIndex: number } | { ok: false; errors: TableProblem[] } {
  const errors: TableProblem[] = [];
  const byKey = new Map(card.indicators.map((i) => [i.key, i]));
  const seen = new Set<string>();
  const roles = table.headers.map((header, index): ColumnRole => {
    const problem = (code: TableProblemCode, message: LocalizedText, column = header): ColumnRole => {
      errors.push({ row: 1, column, code, message });
      return { kind: 'ignored' };
    };
    if (header === '') {
      const column = columnLetter(index);
      const hasData = table.rows.some((r) => (r.values[index] ?? '').trim() !== '');
      return hasData ? problem('column.no_header', messages['column.no_header']({ column }), column) : { kind: 'ignored' };
    }
    if (seen.has(header)) return problem('column.duplicate', messages['column.duplicate']({ column: header }));
    seen.add(header);
    if (header === PERSON_COLUMN) return { kind: 'person' };
    if (users.has(header)) return { kind: 'term', term: header };
    if (header.startsWith(TARGET_PREFIX)) {
      const key = header.slice(TARGET_PREFIX.length).trim();
      const indicator = byKey.get(key);
      if (!indicator) return problem('column.target_unknown', messages['column.target_unknown']({ column: header, key }));
      if (indicator.rule?.type === 'manual') return problem('column.target_manual', messages['column.target_manual']({ column: header, key }));
      return { kind: 'target', key };
    }
    const known = [PERSON_COLUMN, ...users.keys(), ...card.indicators.filter((i) => i.rule?.type !== 'manual').map((i) => `${TARGET_PREFIX}${i.key}`)];
    return problem('column.unknown', messages['column.unknown']({ column: header, suggestion: closestName(header, known) }));
  });
  const personIndex = roles.findIndex((r) => r.kind === 'person');
  if (personIndex < 0) errors.push({ row: 1, column: PERSON_COLUMN, code: 'column.person_missing', message: messages['column.person_missing']() });
  for (const [term, indicators] of users) {
    if (seen.has(term)) continue;
    const names = indicators.map((i) => `“${i.name || i.key}”`).join('、');
    const namesEn = indicators.map((i) => `"${i.name || i.key}"`).join(', ');
    const message = { 'zh-CN': messages['column.term_missing']({ term, indicators: names })['zh-CN'], en: messages['column.term_missing']({ term, indicators: namesEn }).en };
    errors.push({ row: 1, column: term, code: 'column.term_missing', message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, roles, personIndex };
}

/** Puts a filled, non-NA cell's value into `entry`; the problem when the value is refused. */
function storeCell(
  entry: PersonActuals,
  role: ReadColumnRole,
  value: number | null,
  manualScale: Map<string, [number, number]>,
): { code: TableProblemCode; message: LocalizedText } | null {
  if (role.kind === 'target') {
    if (value === null) return { code: 'cell.target_not_number', message: messages['cell.target_not_number']() };
    if (!(value > 0)) return { code: 'cell.target_not_positive', message: messages['cell.target_not_positive']() };
    entry.targets[role.key] = value;
    return null;
  }
  if (value === null) return { code: 'cell.not_number', message: messages['cell.not_number']() };
  const scale = manualScale.get(role.term);
  if (scale && (value < Math.min(...scale) || value > Math.max(...scale))) {
    return { code: 'cell.rating_out_of_scale', message: messages['cell.rating_out_of_scale']({ min: scale[0], max: scale[1] }) };
  }
  entry.terms[role.term] = value;
  return null;
}

/** Marks the indicators reading an NA term not applicable; an error when none with weight is left. */
function markNotApplicable(card: Scorecard, terms: TermMap, entry: PersonActuals, naTerms: Set<string>, errors: TableProblem[]): void {
  for (const indicator of card.indicators) {
    if ((terms.get(indicator.key) ?? []).some((t) => naTerms.has(t))) entry.notApplicable.push(indicator.key);
  }
  const applicable = card.indicators.filter((i) => !entry.notApplicable.includes(i.key) && i.weight > 0);
  if (applicable.length === 0) errors.push({ row: entry.row, column: null, code: 'row.nothing_applicable', message: messages['row.nothing_applicable']() });
}
