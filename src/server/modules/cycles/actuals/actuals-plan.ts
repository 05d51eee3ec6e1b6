import { type ParsedTable, readSpreadsheet, SpreadsheetError } from '../../../files/spreadsheet.ts';
import { ProblemList } from '../../../../core/files/problem-list.ts';
import { closestName } from '../../../../core/formula/index.ts';
import { columnLetter, isNotApplicableCell, parseCellNumber } from '../../../../core/scoring/actuals-table.ts';
import type { Indicator, Scorecard } from '../../../../core/scoring/types.ts';
import { MAX_ABS_NUMBER } from '../../../../contracts/common.ts';
import { reach } from '../../../access.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Viewer } from '../../../http/request-context.ts';
import { uploadProblem } from '../../../http/upload-problems.ts';
import { enteredTerms, isRatedIndicator } from '../results/results-common.ts';
import type { Candidate } from './actuals.queries.ts';

/**
 * Reading and checking the actuals upload (domain.md §4): a CSV/XLSX with a `person` column (a participant's name,
 * email or employee number) and one column per term the participants' scorecards read. A cell
 * NA / N/A / 不适用 marks the indicators reading that term not applicable; an empty cell leaves
 * the value as it is. All or nothing: any problem rejects the whole file with every problem
 * located (row, column, value, reason) and nothing is written.
 */
export const PERSON_COLUMN = 'person';
const PERSON_ALIASES = new Set(['person', '人员', '姓名']);
const TARGET_PREFIX = 'target:';

export type ActualsUpload = { bytes: Uint8Array; filename: string };

/** The terms of many cards, computed once per distinct card (a cycle's cards come from a few templates). */
export function termsReader(): (card: Scorecard) => Map<string, Indicator[]> {
  const byJson = new Map<string, Map<string, Indicator[]>>();
  return (card) => {
    const key = JSON.stringify(card.indicators);
    let terms = byJson.get(key);
    if (!terms) byJson.set(key, (terms = enteredTerms(card)));
    return terms;
  };
}

export async function readActualsFile(upload: ActualsUpload): Promise<ParsedTable> {
  try {
    return await readSpreadsheet(upload.bytes, upload.filename);
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    const row = err.row ?? 1;
    const fail = (detail: ErrorDetail) => new AppError('import_failed', { count: 1 }, [detail]);
    switch (err.code) {
      case 'file_empty':
        throw fail({ row, code: 'actuals.file_empty' });
      case 'header_missing':
        throw fail({ row, code: 'import.header_missing', params: err.params });
      case 'csv_malformed':
        throw fail({ row, code: 'import.csv_malformed', params: err.params });
      case 'too_many_rows':
        throw fail({ row, code: 'import.too_many_rows', params: err.params });
      // not a spreadsheet, a table's limits: worded as every import words them
      default:
        throw uploadProblem(err, upload.filename) ?? fail({ row, code: `dataset.${err.code}`, params: { row, ...err.params } });
    }
  }
}

export type Plan =
  | { ok: true; values: { participantId: string; term: string; value: number }[]; notApplicable: Map<string, { before: string[]; after: string[] }> }
  /** The first problems in file order, and the count (with how many more there are) for the answer. */
  | { ok: false; errors: ErrorDetail[]; params: { count: number; listed?: number; more?: number } };

/** Checks the whole file against the cycle's participants: every problem, or what to write. */
export function planImport(viewer: Viewer, table: ParsedTable, candidates: Candidate[]): Plan {
  // the first problems by row and column, and the count: a file of a million bad cells keeps a hundred
  const errors = new ProblemList<ErrorDetail>();
  const termsOf = termsReader();
  const allTerms = new Set<string>();
  const ratedKeys = new Set<string>();
  for (const c of candidates) {
    for (const term of termsOf(c.card).keys()) allTerms.add(term);
    for (const i of c.card.indicators) if (isRatedIndicator(i)) ratedKeys.add(i.key);
  }

  // ── the header (row 1) ──
  type Role = { kind: 'person' } | { kind: 'term'; term: string } | { kind: 'ignored' };
  const roles: Role[] = [];
  const seen = new Set<string>();
  table.headers.forEach((header, index) => {
    const problem = (code: string, params: Record<string, string | number> = {}) =>
      errors.add({ row: 1, column: header || columnLetter(index), value: header, code, params: { value: header, ...params } }, index);
    roles.push({ kind: 'ignored' });
    if (header === '') {
      if (table.rows.some((r) => (r.values[index] ?? '').trim() !== '')) problem('actuals.no_header', { column: columnLetter(index) });
      return;
    }
    if (seen.has(header)) {
      problem('actuals.duplicate_column');
      return;
    }
    seen.add(header);
    if (PERSON_ALIASES.has(header.toLowerCase())) {
      if (roles.some((r) => r.kind === 'person')) {
        problem('actuals.duplicate_column');
        return;
      }
      roles[index] = { kind: 'person' };
    } else if (allTerms.has(header)) roles[index] = { kind: 'term', term: header };
    else if (ratedKeys.has(header)) problem('actuals.rated_column');
    else if (header.toLowerCase().startsWith(TARGET_PREFIX)) problem('actuals.target_column');
    else {
      const suggestion = closestName(header, [PERSON_COLUMN, ...allTerms]);
      if (suggestion) problem('actuals.unknown_column_suggest', { suggestion });
      else problem('actuals.unknown_column', { terms: [...allTerms].slice(0, 20).join(', ') || '—' });
    }
  });
  const personIndex = roles.findIndex((r) => r.kind === 'person');
  if (personIndex < 0) errors.add({ row: 1, column: PERSON_COLUMN, code: 'actuals.person_column_missing' }, -1);

  // ── who is who: email, employee number, then name ──
  const byEmail = new Map<string, Candidate>();
  const byEmployeeNo = new Map<string, Candidate>();
  const byName = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.email) byEmail.set(c.email.toLowerCase(), c);
    if (c.employeeNo) byEmployeeNo.set(c.employeeNo, c);
    byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  }

  // ── the data rows ──
  const values: { participantId: string; term: string; value: number }[] = [];
  const na = new Map<string, { before: string[]; after: string[] }>();
  const firstRow = new Map<string, number>();
  const termColumns = roles.flatMap((r, i) => (r.kind === 'term' ? [{ index: i, term: r.term }] : []));
  for (const { row, values: cells } of personIndex < 0 ? [] : table.rows) {
    const cell = (i: number) => (cells[i] ?? '').trim();
    const problem = (i: number | null, code: string, params: Record<string, string | number> = {}) => {
      if (i === null) errors.add({ row, code, params }, table.headers.length);
      else errors.add({ row, column: table.headers[i], value: cell(i), code, params: { value: cell(i), ...params } }, i);
    };
    const who = cell(personIndex);
    let participant: Candidate | null = null;
    if (who === '') problem(personIndex, 'actuals.person_empty');
    else {
      const found = byEmail.has(who.toLowerCase()) ? [byEmail.get(who.toLowerCase())!] : byEmployeeNo.has(who) ? [byEmployeeNo.get(who)!] : (byName.get(who) ?? []);
      // participants out of the viewer's sight do not exist for the upload: no "not yours", no counts
      const matches = reach(viewer, 'participant.read', found);
      if (matches.length === 0) problem(personIndex, 'actuals.person_unknown');
      else if (matches.length > 1) problem(personIndex, 'actuals.person_ambiguous', { count: matches.length });
      // nobody enters their own actuals, admins included
      else if (matches[0].personId === viewer.personId) problem(personIndex, 'actuals.person_self');
      else if (reach(viewer, 'participant.manage', matches).length === 0) problem(personIndex, 'actuals.person_unknown');
      else if (firstRow.has(matches[0].id)) problem(personIndex, 'actuals.person_duplicate', { first: firstRow.get(matches[0].id)! });
      else {
        participant = matches[0];
        firstRow.set(participant.id, row);
      }
    }
    const terms = participant ? termsOf(participant.card) : null;
    const naTerms = new Set<string>();
    for (const { index, term } of termColumns) {
      const text = cell(index);
      if (text === '') continue;
      const value = parseCellNumber(text);
      if (value === null && isNotApplicableCell(text)) {
        // NA for a term this person's card does not read marks nothing: harmless
        if (terms?.has(term)) naTerms.add(term);
        continue;
      }
      if (value === null) problem(index, 'actuals.not_number');
      else if (Math.abs(value) > MAX_ABS_NUMBER) problem(index, 'actuals.too_large', { max: '10^15' });
      else if (participant && terms && !terms.has(term)) problem(index, 'actuals.term_not_on_card', { term, template: participant.templateName });
      else if (participant) values.push({ participantId: participant.id, term, value });
    }
    if (participant && terms && naTerms.size > 0) {
      const after = new Set(participant.notApplicable);
      for (const t of naTerms) for (const indicator of terms.get(t) ?? []) after.add(indicator.key);
      if (after.size > participant.notApplicable.length) {
        const applicable = participant.card.indicators.filter((i) => !after.has(i.key) && i.weight > 0);
        if (applicable.length === 0) problem(null, 'actuals.nothing_applicable', { person: who });
        else na.set(participant.id, { before: participant.notApplicable, after: participant.card.indicators.map((i) => i.key).filter((k) => after.has(k)) });
      }
    }
  }
  if (errors.count > 0) return { ok: false, errors: errors.listed(), params: errors.summary() };
  return { ok: true, values, notApplicable: na };
}
