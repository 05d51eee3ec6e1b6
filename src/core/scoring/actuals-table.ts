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
import { formatIssuePath } from './validate.ts';
import { scoreWithTerms, scoreWithTermsPrepared } from './actuals.ts';
import { prepareScorecard } from './score.ts';
import type { Indicator, LocalizedText, ScoreResult, Scorecard } from './types.ts';

/** The person column's header. */
export const PERSON_COLUMN = 'person';
/** Prefix of a column overriding an indicator's target: `target:销售额`. */
export const TARGET_PREFIX = 'target:';
const NA_CELLS = new Set(['NA', 'N/A', '不适用']);

/** Rows as read by src/core/files/spreadsheet.ts. */
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

const messages = {
  'column.person_missing': (): LocalizedText => ({
    'zh-CN': `缺少 “${PERSON_COLUMN}” 列：第 1 行（表头）需要一列 ${PERSON_COLUMN}，每行填写一个人。`,
    en: `There is no "${PERSON_COLUMN}" column: row 1 (the header) needs a ${PERSON_COLUMN} column, one person a row.`,
  }),
  'column.term_missing': (p: { term: string; indicators: string }): LocalizedText => ({
    'zh-CN': `缺少 “${p.term}” 列：指标 ${p.indicators} 需要它。`,
    en: `There is no "${p.term}" column: ${p.indicators} needs it.`,
  }),
  'column.unknown': (p: { column: string; suggestion: string | null }): LocalizedText => ({
    'zh-CN': `不认识的列 “${p.column}”：它不是 ${PERSON_COLUMN}、任何指标的数据项，也不是 ${TARGET_PREFIX}<指标标识>${p.suggestion ? `——您是想写 “${p.suggestion}” 吗？` : '。请删除该列或改正列名。'}`,
    en: `Unknown column "${p.column}": it is not ${PERSON_COLUMN}, a term of any indicator, nor ${TARGET_PREFIX}<indicator key>${p.suggestion ? ` — did you mean "${p.suggestion}"?` : '. Remove it or correct its name.'}`,
  }),
  'column.target_unknown': (p: { column: string; key: string }): LocalizedText => ({
    'zh-CN': `列 “${p.column}”：考核表中没有标识为 “${p.key}” 的指标。`,
    en: `Column "${p.column}": the scorecard has no indicator with the key "${p.key}".`,
  }),
  'column.target_manual': (p: { column: string; key: string }): LocalizedText => ({
    'zh-CN': `列 “${p.column}”：指标 “${p.key}” 是人工评分，没有目标值。`,
    en: `Column "${p.column}": "${p.key}" is rated manually and has no target.`,
  }),
  'column.duplicate': (p: { column: string }): LocalizedText => ({
    'zh-CN': `列 “${p.column}” 出现了不止一次：每列只能出现一次。`,
    en: `The column "${p.column}" appears more than once: each column may appear only once.`,
  }),
  'column.no_header': (p: { column: string }): LocalizedText => ({
    'zh-CN': `第 ${p.column} 列有数据但没有表头：请在第 1 行填写列名，或删除该列。`,
    en: `Column ${p.column} has data but no header: name it in row 1 or remove it.`,
  }),
  'column.all_empty': (p: { column: string }): LocalizedText => ({
    'zh-CN': `“${p.column}” 列全部为空：所有人的结果都将是数据不全。`,
    en: `The "${p.column}" column is empty in every row: every result will be incomplete.`,
  }),
  'person.empty': (): LocalizedText => ({
    'zh-CN': '这一行有数据但没有填写人员。',
    en: 'This row has data but no person.',
  }),
  'person.duplicate': (p: { first: number }): LocalizedText => ({
    'zh-CN': `这个人在第 ${p.first} 行已经出现过：每人只能有一行。`,
    en: `This person is already on row ${p.first}: one row per person.`,
  }),
  'row.nothing_applicable': (): LocalizedText => ({
    'zh-CN': '这个人的所有（有权重的）指标都标为 NA：至少要有一个适用的指标才能计分。',
    en: 'Every (weighted) indicator of this person is marked NA: at least one must apply to score.',
  }),
  'cell.not_number': (): LocalizedText => ({
    'zh-CN': '不是数字：请填写数字（可写 1,234.5 或 12%），不适用填 NA，未知留空。',
    en: 'Not a number: write a number (1,234.5 or 12% are fine), NA when not applicable, or leave it empty when not known.',
  }),
  'cell.target_not_number': (): LocalizedText => ({
    'zh-CN': '目标值不是数字：请填写大于 0 的数字，或留空以使用考核表的目标值。',
    en: "The target is not a number: write a number above 0, or leave it empty for the scorecard's target.",
  }),
  'cell.target_not_positive': (): LocalizedText => ({
    'zh-CN': '目标值必须大于 0：达成率只对正的目标值有意义。',
    en: 'A target must be above 0: achievement only makes sense against a positive target.',
  }),
  'cell.rating_out_of_scale': (p: { min: number; max: number }): LocalizedText => ({
    'zh-CN': `评分超出量表 ${p.min}–${p.max}。`,
    en: `The rating is outside the scale ${p.min}–${p.max}.`,
  }),
  'formula.invalid': (p: { detail: LocalizedText }): LocalizedText => ({
    'zh-CN': `公式有误：${p.detail['zh-CN']}`,
    en: `The formula is wrong: ${p.detail.en}`,
  }),
  'formula.boolean': (): LocalizedText => ({
    'zh-CN': '公式得到的是“是/否”，不是数值。',
    en: 'The formula gives true/false, not a number.',
  }),
} as const;

export type TableProblemCode = Exclude<keyof typeof messages, `formula.${string}`>;

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

const minusSigns = /[\u2212\u2012\u2013\uFE63]/g;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;
/** A plain ASCII number (most cells): read as it is, with no normalising; never an NA cell. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a number: thousands separators (`1,234.5`), percentages (`12%` → 0.12) and
 * full-width characters (`１２３`) allowed; null when it is not a number.
 * @example parseCellNumber('1,234.5') // 1234.5
 * @example parseCellNumber('１２％') // 0.12
 * @example parseCellNumber('1,5') // null (a decimal comma is ambiguous)
 */
export function parseCellNumber(text: string): number | null {
  if (PLAIN_NUMBER.test(text)) return parsePlain(text);
  const s = text.normalize('NFKC').trim().replace(minusSigns, '-');
  if (!NUMBER.test(s)) return null;
  const percent = s.endsWith('%');
  const value = Number(s.replace(/[,%]/g, ''));
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

/** `parseCellNumber` of a cell matching PLAIN_NUMBER. */
function parsePlain(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A cell marking not applicable: `NA`, `N/A` or `不适用` (any case, any width). */
export function isNotApplicableCell(text: string): boolean {
  return NA_CELLS.has(text.normalize('NFKC').trim().toUpperCase());
}

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type ColumnRole = { kind: 'person' } | { kind: 'term'; term: string } | { kind: 'target'; key: string } | { kind: 'ignored' };

/**
 * Reads a table of actuals for a scorecard. `terms` is `scorecardTerms(card).terms`.
 * All or nothing: with any error there are no people, only the errors, in row order.
 * `notes` are file-level remarks that do not stop scoring (a column empty in every row).
 */
export function readActualsTable(
  card: Scorecard,
  terms: TermMap,
  table: ActualsTable,
): { ok: true; people: PersonActuals[]; notes: TableProblem[] } | { ok: false; errors: TableProblem[] } {
  const errors: TableProblem[] = [];
  const notes: TableProblem[] = [];
  const byKey = new Map(card.indicators.map((i) => [i.key, i]));
  const users = new Map<string, Indicator[]>();
  for (const indicator of card.indicators) {
    for (const term of terms.get(indicator.key) ?? []) users.set(term, [...(users.get(term) ?? []), indicator]);
  }

  // ── the header (row 1) ──
  const roles: ColumnRole[] = [];
  const seen = new Set<string>();
  table.headers.forEach((header, index) => {
    const problem = (code: TableProblemCode, message: LocalizedText, column = header) => errors.push({ row: 1, column, code, message });
    if (header === '') {
      roles.push({ kind: 'ignored' });
      const column = columnLetter(index);
      if (table.rows.some((r) => (r.values[index] ?? '').trim() !== '')) problem('column.no_header', messages['column.no_header']({ column }), column);
      return;
    }
    if (seen.has(header)) {
      roles.push({ kind: 'ignored' });
      problem('column.duplicate', messages['column.duplicate']({ column: header }));
      return;
    }
    seen.add(header);
    if (header === PERSON_COLUMN) roles.push({ kind: 'person' });
    else if (users.has(header)) roles.push({ kind: 'term', term: header });
    else if (header.startsWith(TARGET_PREFIX)) {
      const key = header.slice(TARGET_PREFIX.length).trim();
      const indicator = byKey.get(key);
      roles.push({ kind: 'ignored' });
      if (!indicator) problem('column.target_unknown', messages['column.target_unknown']({ column: header, key }));
      else if (indicator.rule?.type === 'manual') problem('column.target_manual', messages['column.target_manual']({ column: header, key }));
      else roles[roles.length - 1] = { kind: 'target', key };
    } else {
      roles.push({ kind: 'ignored' });
      const known = [PERSON_COLUMN, ...users.keys(), ...card.indicators.filter((i) => i.rule?.type !== 'manual').map((i) => `${TARGET_PREFIX}${i.key}`)];
      problem('column.unknown', messages['column.unknown']({ column: header, suggestion: closestName(header, known) }));
    }
  });
  const personIndex = roles.findIndex((r) => r.kind === 'person');
  if (personIndex < 0) errors.push({ row: 1, column: PERSON_COLUMN, code: 'column.person_missing', message: messages['column.person_missing']() });
  for (const [term, indicators] of users) {
    if (!seen.has(term)) {
      const names = indicators.map((i) => `“${i.name || i.key}”`).join('、');
      const namesEn = indicators.map((i) => `"${i.name || i.key}"`).join(', ');
      const message = messages['column.term_missing']({ term, indicators: names });
      errors.push({ row: 1, column: term, code: 'column.term_missing', message: { ...message, en: messages['column.term_missing']({ term, indicators: namesEn }).en } });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  // ── the data rows ──
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
    if (person === '') {
      problem(personIndex, 'person.empty', messages['person.empty']());
    } else if (firstRow.has(person)) {
      problem(personIndex, 'person.duplicate', messages['person.duplicate']({ first: firstRow.get(person) as number }));
    } else firstRow.set(person, row);

    const entry: PersonActuals = { person, row, terms: {}, notApplicable: [], targets: {} };
    let naTerms: Set<string> | null = null;
    for (const i of readColumns) {
      const role = roles[i] as Extract<ColumnRole, { kind: 'term' | 'target' }>;
      const text = cell(i);
      if (text === '') continue;
      filled[i] = true;
      const plain = PLAIN_NUMBER.test(text);
      if (role.kind === 'term' && !plain && isNotApplicableCell(text)) {
        (naTerms ??= new Set()).add(role.term);
        continue;
      }
      const value = plain ? parsePlain(text) : parseCellNumber(text);
      if (role.kind === 'target') {
        if (value === null) problem(i, 'cell.target_not_number', messages['cell.target_not_number']());
        else if (!(value > 0)) problem(i, 'cell.target_not_positive', messages['cell.target_not_positive']());
        else entry.targets[role.key] = value;
        continue;
      }
      if (value === null) {
        problem(i, 'cell.not_number', messages['cell.not_number']());
        continue;
      }
      const scale = manualScale.get(role.term);
      if (scale && (value < Math.min(...scale) || value > Math.max(...scale))) {
        problem(i, 'cell.rating_out_of_scale', messages['cell.rating_out_of_scale']({ min: scale[0], max: scale[1] }));
        continue;
      }
      entry.terms[role.term] = value;
    }
    if (naTerms) {
      const na = naTerms;
      for (const indicator of card.indicators) {
        if ((terms.get(indicator.key) ?? []).some((t) => na.has(t))) entry.notApplicable.push(indicator.key);
      }
      const applicable = card.indicators.filter((i) => !entry.notApplicable.includes(i.key) && i.weight > 0);
      if (applicable.length === 0) errors.push({ row, column: null, code: 'row.nothing_applicable', message: messages['row.nothing_applicable']() });
    }
    people.push(entry);
  }
  if (errors.length > 0) return { ok: false, errors };
  roles.forEach((role, i) => {
    if (role.kind === 'term' && !filled[i] && table.rows.length > 0) {
      notes.push({ row: 1, column: table.headers[i], code: 'column.all_empty', message: messages['column.all_empty']({ column: table.headers[i] }) });
    }
  });
  return { ok: true, people, notes };
}

/**
 * `scorePerson` for every person of a table: the scorecard is checked once, not once per
 * person (a row with target overrides is scored as `scorePerson` does). The same results.
 * @example people.map(personScorer(card)) // people.map((p) => scorePerson(card, p))
 */
export function personScorer(card: Scorecard): (person: PersonActuals) => ScoreResult {
  const prepared = prepareScorecard(card);
  return (person) => {
    if (Object.keys(person.targets).length > 0) return scorePerson(card, person);
    return scoreWithTermsPrepared(prepared, person.terms, person.notApplicable.length > 0 ? { notApplicable: person.notApplicable } : {});
  };
}

/**
 * Scores one person: the scorecard with the row's target overrides, the row's terms and its
 * not-applicable indicators.
 */
export function scorePerson(card: Scorecard, person: PersonActuals): ScoreResult {
  const overridden = Object.keys(person.targets).length === 0 ? card : { ...card, indicators: card.indicators.map((i) => (Object.hasOwn(person.targets, i.key) ? { ...i, target: person.targets[i.key] } : i)) };
  return scoreWithTerms(overridden, person.terms, person.notApplicable.length > 0 ? { notApplicable: person.notApplicable } : {});
}
