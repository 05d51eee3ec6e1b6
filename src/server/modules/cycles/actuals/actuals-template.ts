import ExcelJS from 'exceljs';
import { describeDataOwner } from '../../../../core/scoring/provenance.ts';
import type { Indicator } from '../../../../core/scoring/types.ts';
import { reach } from '../../../access.ts';
import type { Db } from '../../../db/client.ts';
import type { Viewer } from '../../../http/request-context.ts';
import type { Locale } from '../../../i18n/messages.ts';
import type { XlsxFile } from '../../../download.ts';
import { PERSON_COLUMN, termsReader } from './actuals-plan.ts';
import { loadCandidates, termValuesOf } from './actuals.queries.ts';
import { loadCycle } from '../lifecycle/cycle-access.ts';
import { requireManagerOrAdmin } from '../results/results-common.ts';
import { safeName } from '../results/results-export.ts';


/**
 * A workbook to fill in: the `person` column with the participants the viewer manages (by name,
 * or by email / employee number where names repeat), and a column per term their scorecards
 * read, with the values entered so far. Cells of terms a person's card does not read are grey.
 * The help sheet says which indicators read each column and who supplies their actuals.
 */
export async function actualsTemplate(db: Db, viewer: Viewer, cycleId: string, locale: Locale): Promise<XlsxFile> {
  requireManagerOrAdmin(viewer);
  const cycle = await loadCycle(db, viewer.workspaceId, cycleId);
  const candidates = await loadCandidates(db, viewer.workspaceId, cycleId);
  const mine = reach(viewer, 'participant.manage', candidates).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const termsOf = termsReader();
  const columns = new Map<string, Indicator[]>();
  for (const c of mine) for (const [term, indicators] of termsOf(c.card)) columns.set(term, [...(columns.get(term) ?? []), ...indicators.filter((i) => !(columns.get(term) ?? []).some((j) => j.key === i.key))]);
  const nameCount = new Map<string, number>();
  for (const c of candidates) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const current = new Map<string, number>();
  for (const r of await termValuesOf(db, mine.map((c) => c.id))) current.set(`${r.participantId}\u0000${r.term}`, r.value);

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
    { header: zh ? '数据提供人' : 'Data owner', key: 'owners', width: 24 },
    { header: zh ? '说明' : 'Description', key: 'description', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({
    column: PERSON_COLUMN,
    description: zh ? '被考核人的姓名、邮箱或工号（姓名重名时请用邮箱或工号）。' : "The participant's name, email or employee number (use the email or number when names repeat).",
  });
  for (const [term, indicators] of columns) {
    const owners = [...new Set(indicators.map((i) => describeDataOwner(i.dataOwner, locale)).filter((o) => o !== null))];
    help.addRow({ column: term, indicators: indicators.map((i) => i.name || i.key).join(zh ? '、' : ', '), owners: owners.join(zh ? '、' : ', ') || null });
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
