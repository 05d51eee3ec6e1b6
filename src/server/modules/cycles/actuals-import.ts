import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ActualsImportResult } from '../../../contracts/cycle-results.ts';
import { type ParsedTable, readSpreadsheet, SpreadsheetError } from '../../../core/files/spreadsheet.ts';
import { closestName } from '../../../core/formula/index.ts';
import { columnLetter, isNotApplicableCell, parseCellNumber } from '../../../core/scoring/actuals-table.ts';
import type { Indicator, Scorecard } from '../../../core/scoring/types.ts';
import { MAX_ABS_NUMBER } from '../../../contracts/common.ts';
import { canManageParticipant, canSeeParticipant } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { cycleParticipants, cycleTermValues, people } from '../../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import type { Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { XlsxFile } from '../org/people-export.ts';
import { MAX_ERROR_DETAILS } from '../org/people-import.validate.ts';
import { assertCycleAllows } from './cycle-guard.ts';
import { loadCycle } from './cycle-access.ts';
import { recomputeParticipants } from './recompute.ts';
import { actorOf, enteredTerms, isRatedIndicator, requireManagerOrAdmin } from './results-common.ts';
import { safeName } from './results-export.ts';

/**
 * The actuals upload (domain.md §4): a CSV/XLSX with a `person` column (a participant's name,
 * email or employee number) and one column per term the participants' scorecards read. A cell
 * NA / N/A / 不适用 marks the indicators reading that term not applicable; an empty cell leaves
 * the value as it is. All or nothing: any problem rejects the whole file with every problem
 * located (row, column, value, reason) and nothing is written.
 */
export const PERSON_COLUMN = 'person';
const PERSON_ALIASES = new Set(['person', '人员', '姓名']);
const TARGET_PREFIX = 'target:';

type Candidate = {
  id: string;
  personId: string;
  unitId: string | null;
  card: Scorecard;
  notApplicable: string[];
  templateName: string;
  name: string;
  email: string | null;
  employeeNo: string | null;
};
export type ActualsUpload = { bytes: Uint8Array; filename: string };

/** The participants of a cycle with what identifies them in a file. */
async function loadCandidates(db: Db | Tx, workspaceId: string, cycleId: string): Promise<Candidate[]> {
  return db
    .select({
      id: cycleParticipants.id,
      personId: cycleParticipants.personId,
      unitId: cycleParticipants.unitId,
      card: cycleParticipants.card,
      notApplicable: cycleParticipants.notApplicable,
      templateName: cycleParticipants.templateName,
      name: people.name,
      email: people.email,
      employeeNo: people.employeeNo,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(cycleParticipants.workspaceId, workspaceId), eq(cycleParticipants.cycleId, cycleId)));
}

/** The terms of many cards, computed once per distinct card (a cycle's cards come from a few templates). */
function termsReader(): (card: Scorecard) => Map<string, Indicator[]> {
  const byJson = new Map<string, Map<string, Indicator[]>>();
  return (card) => {
    const key = JSON.stringify(card.indicators);
    let terms = byJson.get(key);
    if (!terms) byJson.set(key, (terms = enteredTerms(card)));
    return terms;
  };
}

export async function importActuals(db: Db, viewer: Viewer, ip: string | null, cycleId: string, upload: ActualsUpload): Promise<ActualsImportResult> {
  requireManagerOrAdmin(viewer);
  // the cycle and its state first: no point reading a file for a cycle that takes none
  assertCycleAllows(await loadCycle(db, viewer.workspaceId, cycleId), 'enter_actuals');
  const table = await readActualsFile(upload);
  return db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, viewer.workspaceId, cycleId, true);
    assertCycleAllows(cycle, 'enter_actuals');
    const plan = planImport(viewer, table, await loadCandidates(tx, viewer.workspaceId, cycleId));
    if (!plan.ok) throw new AppError('import_failed', { count: plan.errors.length }, plan.errors.slice(0, MAX_ERROR_DETAILS));

    const ids = [...new Set([...plan.values.map((v) => v.participantId), ...plan.notApplicable.keys()])];
    const before =
      ids.length === 0
        ? []
        : await tx
            .select({ participantId: cycleTermValues.participantId, term: cycleTermValues.term, value: cycleTermValues.value })
            .from(cycleTermValues)
            .where(sql`${cycleTermValues.participantId} = any(${sql.param(ids)}::uuid[])`);
    const now = new Date();
    for (let i = 0; i < plan.values.length; i += 1000) {
      await tx
        .insert(cycleTermValues)
        .values(plan.values.slice(i, i + 1000).map((v) => ({ ...v, source: 'upload' as const, updatedBy: viewer.userId, updatedAt: now })))
        .onConflictDoUpdate({
          target: [cycleTermValues.participantId, cycleTermValues.term],
          set: { value: sql`excluded.value`, source: sql`excluded.source`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` },
        });
    }
    if (plan.notApplicable.size > 0) {
      const naIds = [...plan.notApplicable.keys()];
      const lists = naIds.map((id) => JSON.stringify(plan.notApplicable.get(id)!.after));
      await tx.execute(sql`
        update cycle_participants p set not_applicable = v.na::jsonb
        from unnest(${sql.param(naIds)}::uuid[], ${sql.param(lists)}::text[]) as v(id, na)
        where p.id = v.id`);
    }
    await recomputeParticipants(tx, cycleId, ids);
    const result: ActualsImportResult = {
      rows: table.rows.length,
      participants: ids.length,
      values: plan.values.length,
      notApplicable: [...plan.notApplicable.values()].reduce((n, na) => n + na.after.length - na.before.length, 0),
    };
    const written = new Set(plan.values.map((v) => `${v.participantId}\u0000${v.term}`));
    await recordAudit(tx, actorOf(viewer, ip), {
      workspaceId: viewer.workspaceId,
      action: 'cycle.actuals_import',
      entityType: 'cycle',
      entityId: cycleId,
      before: {
        values: before.filter((v) => written.has(`${v.participantId}\u0000${v.term}`)),
        notApplicable: Object.fromEntries([...plan.notApplicable].map(([id, na]) => [id, na.before])),
      },
      after: {
        filename: upload.filename,
        format: table.format,
        ...result,
        values: plan.values,
        notApplicable: Object.fromEntries([...plan.notApplicable].map(([id, na]) => [id, na.after])),
      },
    });
    return result;
  });
}

async function readActualsFile(upload: ActualsUpload): Promise<ParsedTable> {
  try {
    return await readSpreadsheet(upload.bytes, upload.filename);
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    const row = err.row ?? 1;
    const fail = (detail: ErrorDetail) => new AppError('import_failed', { count: 1 }, [detail]);
    switch (err.code) {
      case 'unsupported':
        throw new AppError('unsupported_media_type', { type: upload.filename ? `${upload.filename} (${err.params.kind})` : String(err.params.kind), reason: 'request.upload_spreadsheet' });
      case 'file_empty':
        throw fail({ row, code: 'actuals.file_empty' });
      case 'header_missing':
        throw fail({ row, code: 'import.header_missing', params: err.params });
      case 'csv_malformed':
        throw fail({ row, code: 'import.csv_malformed', params: err.params });
      case 'too_many_rows':
        throw fail({ row, code: 'import.too_many_rows', params: err.params });
    }
  }
}

type Plan =
  | { ok: true; values: { participantId: string; term: string; value: number }[]; notApplicable: Map<string, { before: string[]; after: string[] }> }
  | { ok: false; errors: ErrorDetail[] };

/** Checks the whole file against the cycle's participants: every problem, or what to write. */
export function planImport(viewer: Viewer, table: ParsedTable, candidates: Candidate[]): Plan {
  const errors: (ErrorDetail & { order: number })[] = [];
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
      errors.push({ row: 1, column: header || columnLetter(index), value: header, code, params: { value: header, ...params }, order: index });
    roles.push({ kind: 'ignored' });
    if (header === '') {
      if (table.rows.some((r) => (r.values[index] ?? '').trim() !== '')) problem('actuals.no_header', { column: columnLetter(index) });
      return;
    }
    if (seen.has(header)) return problem('actuals.duplicate_column');
    seen.add(header);
    if (PERSON_ALIASES.has(header.toLowerCase())) {
      if (roles.some((r) => r.kind === 'person')) return problem('actuals.duplicate_column');
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
  if (personIndex < 0) errors.push({ row: 1, column: PERSON_COLUMN, code: 'actuals.person_column_missing', order: -1 });

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
      if (i === null) errors.push({ row, code, params, order: table.headers.length });
      else errors.push({ row, column: table.headers[i], value: cell(i), code, params: { value: cell(i), ...params }, order: i });
    };
    const who = cell(personIndex);
    let participant: Candidate | null = null;
    if (who === '') problem(personIndex, 'actuals.person_empty');
    else {
      const found = byEmail.has(who.toLowerCase()) ? [byEmail.get(who.toLowerCase())!] : byEmployeeNo.has(who) ? [byEmployeeNo.get(who)!] : (byName.get(who) ?? []);
      // participants out of the viewer's sight do not exist for the upload: no "not yours", no counts
      const matches = found.filter((c) => canSeeParticipant(viewer, c));
      if (matches.length === 0) problem(personIndex, 'actuals.person_unknown');
      else if (matches.length > 1) problem(personIndex, 'actuals.person_ambiguous', { count: matches.length });
      // nobody enters their own actuals, admins included
      else if (matches[0].personId === viewer.personId) problem(personIndex, 'actuals.person_self');
      else if (!canManageParticipant(viewer, matches[0])) problem(personIndex, 'actuals.person_unknown');
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
  if (errors.length > 0) {
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.order - b.order);
    return { ok: false, errors: errors.map(({ order: _, ...d }) => d) };
  }
  return { ok: true, values, notApplicable: na };
}

/**
 * A workbook to fill in: the `person` column with the participants the viewer manages (by name,
 * or by email / employee number where names repeat), and a column per term their scorecards
 * read, with the values entered so far. Cells of terms a person's card does not read are grey.
 */
export async function actualsTemplate(db: Db, viewer: Viewer, cycleId: string, locale: Locale): Promise<XlsxFile> {
  requireManagerOrAdmin(viewer);
  const cycle = await loadCycle(db, viewer.workspaceId, cycleId);
  const candidates = await loadCandidates(db, viewer.workspaceId, cycleId);
  const mine = candidates.filter((c) => canManageParticipant(viewer, c)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const termsOf = termsReader();
  const columns = new Map<string, Indicator[]>();
  for (const c of mine) for (const [term, indicators] of termsOf(c.card)) columns.set(term, [...(columns.get(term) ?? []), ...indicators.filter((i) => !(columns.get(term) ?? []).some((j) => j.key === i.key))]);
  const nameCount = new Map<string, number>();
  for (const c of candidates) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const current = new Map<string, number>();
  if (mine.length > 0) {
    const rows = await db
      .select({ participantId: cycleTermValues.participantId, term: cycleTermValues.term, value: cycleTermValues.value })
      .from(cycleTermValues)
      .where(sql`${cycleTermValues.participantId} = any(${sql.param(mine.map((c) => c.id))}::uuid[])`);
    for (const r of rows) current.set(`${r.participantId}\u0000${r.term}`, r.value);
  }

  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kedu';
  const sheet = workbook.addWorksheet(zh ? '实际值' : 'Actuals', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const terms = [...columns.keys()];
  sheet.columns = [{ header: PERSON_COLUMN, key: PERSON_COLUMN, width: 24 }, ...terms.map((term) => ({ header: term, key: term, width: Math.max(12, term.length * 2 + 2) }))];
  sheet.getRow(1).font = { bold: true };
  const grey: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };
  for (const c of mine) {
    const id = (nameCount.get(c.name) ?? 0) > 1 ? (c.email ?? c.employeeNo ?? c.name) : c.name;
    const read = termsOf(c.card);
    const row = sheet.addRow({ [PERSON_COLUMN]: id, ...Object.fromEntries(terms.map((t) => [t, current.get(`${c.id}\u0000${t}`) ?? null])) });
    terms.forEach((t, i) => {
      if (!read.has(t)) row.getCell(i + 2).fill = grey;
    });
  }

  const help = workbook.addWorksheet(zh ? '说明' : 'Help');
  help.columns = [
    { header: zh ? '列' : 'Column', key: 'column', width: 24 },
    { header: zh ? '指标' : 'Indicators', key: 'indicators', width: 40 },
    { header: zh ? '说明' : 'Description', key: 'description', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({
    column: PERSON_COLUMN,
    description: zh ? '被考核人的姓名、邮箱或工号（姓名重名时请用邮箱或工号）。' : "The participant's name, email or employee number (use the email or number when names repeat).",
  });
  for (const [term, indicators] of columns) {
    help.addRow({ column: term, indicators: indicators.map((i) => i.name || i.key).join(zh ? '、' : ', ') });
  }
  help.addRow({});
  help.addRow({
    column: zh ? '规则' : 'Rules',
    description: zh
      ? '只读取第一个工作表，表头在第 1 行。单元格填数字（可写 1,234.5 或 12%）；填 NA、N/A 或 不适用 表示读取该数据项的指标本期不适用；留空表示不修改。灰色单元格是此人考核表不读取的数据项，请留空。人工评分指标请在系统中评分，不能上传。全部成功或全部不导入：只要有一处错误，就不会写入任何数据，并列出每个错误的行、列、内容和原因。'
      : 'Only the first sheet is read; the header is row 1. Write numbers (1,234.5 and 12% are fine); NA, N/A or 不适用 marks the indicators reading that term not applicable; an empty cell leaves the value unchanged. Grey cells are terms the person\'s scorecard does not read: leave them empty. Manual indicators are rated in the app, not uploaded. All or nothing: with any problem nothing is written, and every problem is listed with its row, column, value and reason.',
  });
  help.getColumn('description').alignment = { wrapText: true, vertical: 'top' };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, filename: `${zh ? '实际值模板' : 'actuals-template'}-${safeName(cycle.name)}.xlsx` };
}
