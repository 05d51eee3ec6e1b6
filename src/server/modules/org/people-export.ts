import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { listPeopleQuery } from '../../../contracts/org.ts';
import { authorize, peopleScope } from '../../access.ts';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../http/request-context.ts';
import type { Locale } from '../../i18n/messages.ts';
import { queryPeople, selectManagerEmails } from './people.queries.ts';
import { selectUnitTree } from './units.queries.ts';
import { type PersonField, peopleColumns, statusLabels } from './people-import.columns.ts';
import { unitPathsById } from './unit-paths.ts';
import type { XlsxFile } from '../../download.ts';

export type ExportQuery = Omit<z.output<typeof listPeopleQuery>, 'page' | 'pageSize'>;

const widths: Record<PersonField, number> = { name: 16, email: 30, employeeNo: 12, unit: 30, position: 18, managerEmail: 30, joinedOn: 13, status: 9 };
const sheetNames = { 'zh-CN': { people: '人员', help: '说明' }, en: { people: 'People', help: 'Help' } } as const;

/**
 * The people the viewer may see, filtered like the list, as an XLSX whose headers are the
 * import's (in the request's language): an exported file imports back unchanged.
 */
export async function exportPeople(db: Db, viewer: Viewer, query: ExportQuery, locale: Locale): Promise<XlsxFile> {
  authorize(viewer, 'people.export');
  const scope = peopleScope(viewer);
  const [{ items }, unitRows, managers] = await Promise.all([
    queryPeople(db, viewer.workspaceId, scope, { ...query, page: 1, pageSize: 1 }, null),
    selectUnitTree(db, viewer.workspaceId),
    selectManagerEmails(db, viewer.workspaceId),
  ]);
  const paths = unitPathsById(unitRows);
  const managerEmail = new Map(managers.map((m) => [m.id, m.email]));
  const { workbook, sheet } = peopleWorkbook(locale);
  for (const p of items) {
    sheet.addRow({
      name: p.name,
      email: p.email ?? '',
      employeeNo: p.employeeNo ?? '',
      unit: p.unitId ? (paths.get(p.unitId) ?? []).join('/') : '',
      position: p.positionName ?? '',
      managerEmail: p.managerId ? (managerEmail.get(p.managerId) ?? '') : '',
      joinedOn: p.joinedOn ? new Date(`${p.joinedOn}T00:00:00Z`) : '',
      status: statusLabels[locale][p.status],
    } satisfies Record<PersonField, unknown>);
  }
  return { buffer: await toBuffer(workbook), filename: `${locale === 'zh-CN' ? '人员' : 'people'}-${today()}.xlsx` };
}

/** An empty import file: the headers, one example row, and a help sheet describing each column. */
export async function importTemplate(locale: Locale): Promise<XlsxFile> {
  const { workbook, sheet } = peopleWorkbook(locale);
  const zh = locale === 'zh-CN';
  sheet.addRow({
    name: zh ? '张三' : 'Jane Doe',
    email: zh ? 'zhangsan@example.com' : 'jane@example.com',
    employeeNo: 'E0001',
    unit: zh ? '销售部/华东区' : 'Sales/East',
    position: zh ? '销售经理' : 'Sales manager',
    managerEmail: '',
    joinedOn: new Date('2026-06-25T00:00:00Z'),
    status: statusLabels[locale].active,
  } satisfies Record<PersonField, unknown>);

  const help = workbook.addWorksheet(sheetNames[locale].help);
  help.columns = [
    { header: zh ? '列' : 'Column', key: 'column', width: 16 },
    { header: zh ? '必填' : 'Required', key: 'required', width: 8 },
    { header: zh ? '说明' : 'Description', key: 'description', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  help.views = [{ state: 'frozen', ySplit: 1 }];
  for (const c of peopleColumns) {
    help.addRow({ column: zh ? c.zh : c.en, required: c.required ? (zh ? '是' : 'yes') : '', description: helpText[locale][c.field] });
  }
  help.addRow({});
  help.addRow({ column: zh ? '规则' : 'Rules', description: helpText[locale].rules });
  help.getColumn('description').alignment = { wrapText: true, vertical: 'top' };
  return { buffer: await toBuffer(workbook), filename: zh ? '人员导入模板.xlsx' : 'people-import-template.xlsx' };
}

function peopleWorkbook(locale: Locale) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kedu';
  const sheet = workbook.addWorksheet(sheetNames[locale].people, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = peopleColumns.map((c) => ({
    header: locale === 'zh-CN' ? c.zh : c.en,
    key: c.field,
    width: widths[c.field],
    // employee numbers keep their leading zeros; dates show as dates
    style: c.field === 'employeeNo' ? { numFmt: '@' } : c.field === 'joinedOn' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: peopleColumns.length } };
  return { workbook, sheet };
}

const toBuffer = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const helpText: Record<Locale, Record<PersonField | 'rules', string>> = {
  'zh-CN': {
    name: '此人的姓名，最多 100 个字符。',
    email: '工作邮箱。与工作区中已有人员的邮箱相同（不区分大小写）时，更新此人；否则新建一人。同一个邮箱在文件中只能出现一次。',
    employeeNo: '工号，最多 50 个字符，按文本保存（保留开头的 0）。',
    unit: '所在部门的完整路径，从最上级写起，用 / 分隔，例如 销售部/华东区（也可用 >）。不存在的部门会自动创建。',
    position: '岗位名称。不存在的岗位会自动创建。',
    managerEmail: '直属上级的邮箱：可以是工作区中已有的人员，也可以是本文件中另一行的邮箱。不能填自己。',
    joinedOn: '入职日期，格式 YYYY-MM-DD（例如 2026-06-25），也接受 2026/6/25、2026年6月25日或 Excel 日期。',
    status: '在职 或 离职（也可写 active / left）。新建人员留空表示在职；更新时留空表示不变。',
    rules:
      '表头必须在第 1 行，数据从第 2 行开始。全部成功或全部不导入：只要有一行出错，就不会写入任何数据，并列出每个错误的行号、列名、内容和原因。' +
      '文件中没有的列保持原值不变；列存在但单元格为空时，会清空该项（姓名除外）。支持 .xlsx 和 .csv（UTF-8 或 GBK），文件不超过 20 MB。',
  },
  en: {
    name: "The person's name, at most 100 characters.",
    email: 'Work email. When it matches a person already in the workspace (ignoring case), that person is updated; otherwise a new person is created. An email may appear only once in the file.',
    employeeNo: 'Employee number, at most 50 characters, kept as text (leading zeros stay).',
    unit: 'The full path of the department from the top unit, separated by / (or >), e.g. Sales/East. Departments that do not exist yet are created.',
    position: 'The position held. Positions that do not exist yet are created.',
    managerEmail: "The direct manager's email: a person already in the workspace or the email of another row of this file. Not the person's own.",
    joinedOn: 'Date joined, as YYYY-MM-DD (e.g. 2026-06-25); 2026/6/25, 2026年6月25日 and Excel dates are accepted too.',
    status: 'active or left (or 在职 / 离职). Empty means active for a new person and unchanged for an existing one.',
    rules:
      'The header is row 1 and the data starts at row 2. All or nothing: if any row has a problem nothing is written, and every problem is listed with its row, column, value and reason. ' +
      'A column left out of the file keeps the current values; an empty cell in a present column clears that value (except the name). Accepts .xlsx and .csv (UTF-8 or GBK) up to 20 MB.',
  },
};
