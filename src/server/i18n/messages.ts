import type { ErrorCode } from '../errors.ts';
import { appraisalMessages } from './appraisal-messages.ts';
import { datasetMessages } from './dataset-messages.ts';
import { fileMessages } from './file-messages.ts';
import { goalMessages } from './goal-messages.ts';
import { indicatorMessages } from './indicator-messages.ts';
import { orgMessages } from './org-messages.ts';
import { requestMessages } from './request-messages.ts';
import { versionMessages } from './version-messages.ts';

export type Locale = 'zh-CN' | 'en';

type Catalog = Record<ErrorCode, string> & Record<string, string>;

/**
 * Server-side messages, keyed. `{name}` placeholders are filled from AppError params.
 * Every message says what is wrong and how to fix it.
 */
export const messages: Record<Locale, Catalog> = {
  'zh-CN': {
    ...orgMessages['zh-CN'],
    ...indicatorMessages['zh-CN'],
    ...appraisalMessages['zh-CN'],
    ...datasetMessages['zh-CN'],
    ...goalMessages['zh-CN'],
    ...requestMessages['zh-CN'],
    ...fileMessages['zh-CN'],
    ...versionMessages['zh-CN'],
    validation_failed: '提交的数据有 {count} 处问题，请按提示修改后重试。',
    bad_request: '请求无法处理：{reason}',
    unauthenticated: '请先登录。',
    invalid_credentials: '邮箱或密码不正确。',
    forbidden: '你没有执行此操作的权限。如需权限，请联系工作区管理员。',
    csrf_failed: '请求缺少有效的安全令牌（CSRF），请刷新页面后重试。',
    not_found: '找不到该{entity}，它可能已被删除，或你无权查看。',
    conflict: '操作与当前数据冲突：{reason}',
    already_set_up: '系统已完成初始化设置，请直接登录。',
    email_taken: '邮箱 {email} 已被使用，请换一个邮箱。',
    name_taken: '名称“{name}”已存在，请换一个名称。',
    has_dependents: '无法删除：{reason}',
    cycle_locked: '考核周期“{cycle}”已关闭，结果已锁定，不能再修改。如需更正，请由管理员填写原因后重新打开该周期。',
    invalid_state: '考核周期“{cycle}”当前为“{state}”状态，不能{action}：{reason}',
    invalid_move: '无法移动：{reason}',
    import_failed: '文件未导入：发现 {count} 处错误{?more}，未写入任何数据。请修改文件后重新导入。',
    payload_too_large: '请求的内容过大（上限 {limit}）。',
    unsupported_media_type: '不支持的内容类型：{type}。{reason}',
    rate_limited: '尝试次数过多，请在 {seconds} 秒后重试。',
    demo_disabled: '此服务器未启用演示工作区。',
    demo_restricted: '演示账户是公共的，不能创建账户、工作区或 API 令牌。请用初始化设置（或让管理员邀请你）创建你自己的账户。',
    internal: '服务器内部错误，已记录日志（编号 {id}）。请稍后重试。',
    unavailable: '数据库暂时无法访问，请稍后重试。',
    // field-level messages
    'field.required': '必填项',
    'field.invalid': '格式不正确',
    'field.too_short': '至少需要 {min} 个字符',
    'field.too_long': '最多 {max} 个字符',
    'field.invalid_email': '不是有效的邮箱地址',
    'field.invalid_enum': '必须是以下之一：{options}',
    'field.invalid_type': '类型错误：应为 {expected}',
    'field.unknown_key': '不认识的字段',
    'field.too_small': '不能小于 {min}',
    'field.too_big': '不能大于 {max}',
    'field.invalid_date': '不是有效的日期：请用 YYYY-MM-DD 格式，并确认这一天存在（例如没有 2 月 30 日、13 月）',
    'field.date_out_of_range': '日期须在 {first} 年到 {last} 年之间，请检查年份是否输错',
    'field.nul_byte': '含有不可见的空字符（NUL，\\u0000，第 {position} 个字符处），请删除后重试',
    'field.number_too_large': '数值过大，无法计分：绝对值不能超过 {max}（1,000,000,000,000,000），请检查是否多输了几个零或单位不对。',
    'entity.person': '人员',
    'entity.unit': '部门',
    'entity.position': '岗位',
    'entity.workspace': '工作区',
    'entity.token': 'API 令牌',
    'entity.user': '用户',
    'entity.member': '成员',
    'entity.route': '接口',
    // people import
    'import.file_missing': '请选择要导入的文件：以 multipart/form-data 上传，表单字段名为 file，格式为 .xlsx 或 .csv。',
    'import.file_empty': '文件是空的：请在第 1 行填写表头（至少包含“姓名”列），从第 2 行起每行一个人。',
    'import.header_missing': '第 1 行是空的，找不到表头：请把表头放在第 1 行（数据从第 {row} 行开始），删除表头上方的空行。',
    'import.header_not_first_row': '表头必须在第 1 行，但它在第 {headerRow} 行：请删除表头上方的标题行或空行后重新导入。',
    'import.csv_malformed': 'CSV 文件第 {row} 行格式错误（引号未闭合或分隔符混用）：请用 Excel 打开后另存为 .xlsx 或 CSV UTF-8 再导入。',
    'import.unknown_column': '不认识的列“{value}”：请改为以下列名之一，或删除该列：姓名、邮箱、工号、部门、岗位、上级邮箱、入职日期、状态。',
    'import.duplicate_column': '列“{value}”出现了不止一次：请只保留一列。',
    'import.name_column_missing': '缺少必填列“姓名”（或 Name）：请在第 1 行加上这一列。',
    'import.name_required': '姓名不能为空：请填写此人的姓名，或删除这一行。',
    'import.too_long': '内容太长（最多 {max} 个字符）：请缩短后重试。',
    'import.email_invalid': '“{value}”不是有效的邮箱地址：请填写类似 zhangsan@example.com 的地址，或留空。',
    'import.email_duplicate': '邮箱“{value}”在文件中重复出现（第 {firstRow} 行已使用）：每个邮箱只能对应一个人，请删除或修改其中一行。',
    'import.status_invalid': '状态“{value}”无效：请填写“在职”或“离职”（也可写 active / left），留空表示在职。',
    'import.unit_path_invalid': '部门“{value}”格式不正确：请从最上级部门写起，用 / 分隔，例如 销售部/华东区，中间不能有空的部门名。',
    'import.unit_inactive': '部门“{value}”（或其上级部门）已停用，不能放入在职人员或新建下级部门：请先在组织架构中启用它，或换一个部门。',
    'import.manager_self': '上级邮箱“{value}”是此人自己的邮箱：一个人不能是自己的上级，请填写其上级的邮箱或留空。',
    'import.manager_not_found': '找不到上级“{value}”：上级必须是工作区中已有的人员，或本文件中另一行的邮箱。请检查拼写，或先添加此人。',
    'import.manager_cycle': '上级关系形成了循环（A 的上级是 B，B 的上级又是 A）：请修改其中一人的上级邮箱“{value}”。',
    'import.date_invalid': '日期“{value}”无效：请使用 YYYY-MM-DD 格式，例如 2026-06-25（也接受 2026/6/25 或 2026年6月25日）。',
    'import.concurrent_change': '导入期间人员数据被其他操作修改，未写入任何数据，请重新导入。',
    'import.too_many_rows': '文件行数太多（每次最多导入 {max} 行）：请把文件拆分成几个后分别导入。',
  },
  en: {
    ...orgMessages.en,
    ...indicatorMessages.en,
    ...appraisalMessages.en,
    ...datasetMessages.en,
    ...goalMessages.en,
    ...requestMessages.en,
    ...fileMessages.en,
    ...versionMessages.en,
    validation_failed: 'The request has {count} problem(s); correct them as described and try again.',
    bad_request: 'The request cannot be processed: {reason}',
    unauthenticated: 'Please sign in first.',
    invalid_credentials: 'The email or password is not correct.',
    forbidden: 'You are not allowed to do this. Ask an administrator of the workspace for access.',
    csrf_failed: 'The request lacks a valid security token (CSRF). Reload the page and try again.',
    not_found: 'This {entity} was not found; it may have been removed, or you may not see it.',
    conflict: 'This conflicts with the current data: {reason}',
    already_set_up: 'Kedu is already set up. Sign in instead.',
    email_taken: 'The email {email} is already in use; choose another one.',
    name_taken: 'The name "{name}" already exists; choose another one.',
    has_dependents: 'Cannot remove it: {reason}',
    cycle_locked: 'The appraisal cycle "{cycle}" is closed and its results are locked. To correct something, an admin reopens the cycle with a reason.',
    invalid_state: 'The appraisal cycle "{cycle}" is {state}, so you cannot {action}: {reason}',
    invalid_move: 'Cannot move it: {reason}',
    import_failed: 'The file was not imported: {count} error(s) found{?more} and nothing was written. Correct the file and import it again.',
    payload_too_large: 'The request is too large (limit {limit}).',
    unsupported_media_type: 'Unsupported content type: {type}. {reason}',
    rate_limited: 'Too many attempts; try again in {seconds} seconds.',
    demo_disabled: 'The demo workspace is not enabled on this server.',
    demo_restricted: 'Demo accounts are shared: they cannot create accounts, workspaces or API tokens. Set up your own account (or ask an administrator to invite you).',
    internal: 'Internal server error; it has been logged (id {id}). Please try again later.',
    unavailable: 'The database cannot be reached right now; try again later.',
    'field.required': 'Required',
    'field.invalid': 'Invalid value',
    'field.too_short': 'At least {min} characters',
    'field.too_long': 'At most {max} characters',
    'field.invalid_email': 'Not a valid email address',
    'field.invalid_enum': 'Must be one of: {options}',
    'field.invalid_type': 'Wrong type: expected {expected}',
    'field.unknown_key': 'Unknown field',
    'field.too_small': 'Must not be less than {min}',
    'field.too_big': 'Must not be more than {max}',
    'field.invalid_date': 'Not a valid date: use YYYY-MM-DD and a day that exists (no 30 February, no month 13)',
    'field.date_out_of_range': 'The date must be between the years {first} and {last}; check the year for a typo',
    'field.nul_byte': 'Contains an invisible NUL character (\\u0000) at character {position}; remove it and try again',
    'field.number_too_large': 'Too large to score: numbers go up to ±{max} (1,000,000,000,000,000); check for extra zeros or a wrong unit.',
    'entity.person': 'person',
    'entity.unit': 'department',
    'entity.position': 'position',
    'entity.workspace': 'workspace',
    'entity.token': 'API token',
    'entity.user': 'user',
    'entity.member': 'member',
    'entity.route': 'route',
    // people import
    'import.file_missing': 'Choose a file to import: upload it as multipart/form-data in the field "file", as .xlsx or .csv.',
    'import.file_empty': 'The file is empty: put the column headers in row 1 (at least "Name") and one person per row from row 2.',
    'import.header_missing': 'Row 1 is empty, so there is no header: put the column headers in row 1 (the data starts at row {row}) and delete the empty rows above them.',
    'import.header_not_first_row': 'The header must be in row 1, but it is in row {headerRow}: delete the title or empty rows above it and import again.',
    'import.csv_malformed': 'Row {row} of the CSV file is malformed (an unclosed quote or mixed delimiters): open it in Excel, save it as .xlsx or CSV UTF-8, and import again.',
    'import.unknown_column': 'Unknown column "{value}": rename it to one of Name, Email, Employee no., Department, Position, Manager email, Joined on, Status — or delete the column.',
    'import.duplicate_column': 'The column "{value}" appears more than once: keep only one of them.',
    'import.name_column_missing': 'The required column "Name" (or 姓名) is missing: add it to row 1.',
    'import.name_required': 'The name is empty: enter the person\'s name, or delete the row.',
    'import.too_long': 'Too long (at most {max} characters): shorten it and try again.',
    'import.email_invalid': '"{value}" is not a valid email address: use an address like jane@example.com, or leave it empty.',
    'import.email_duplicate': 'The email "{value}" appears more than once in the file (first in row {firstRow}): each email belongs to one person; remove or correct one of the rows.',
    'import.status_invalid': 'Invalid status "{value}": use "active" or "left" (or 在职 / 离职); empty means active.',
    'import.unit_path_invalid': 'Invalid department "{value}": write the path from the top unit separated by /, e.g. Sales/East, with no empty unit names.',
    'import.unit_inactive': 'The department "{value}" (or a unit above it) is deactivated, so it cannot take active people or new sub-units: reactivate it in the organisation first, or choose another department.',
    'import.manager_self': 'The manager email "{value}" is this person\'s own email: nobody can be their own manager; enter their manager\'s email or leave it empty.',
    'import.manager_not_found': 'No manager "{value}" was found: the manager must be a person already in the workspace or the email of another row of this file. Check the spelling, or add that person first.',
    'import.manager_cycle': 'The managers form a loop (A reports to B and B reports to A): change the manager email "{value}" of one of these people.',
    'import.date_invalid': 'Invalid date "{value}": use YYYY-MM-DD, e.g. 2026-06-25 (2026/6/25 and 2026年6月25日 are also accepted).',
    'import.concurrent_change': 'The people were changed by someone else during the import; nothing was written. Import the file again.',
    'import.too_many_rows': 'The file has too many rows (at most {max} per import): split it into several files and import them one by one.',
  },
};

/**
 * Renders a message key with `{param}` placeholders in the given locale. `{?name}` is a clause
 * said only when the param `name` is given: the message `<key>.<name>`, with the same params
 * (import_failed's "the first 100 are listed, and N more").
 */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[locale][key] ?? messages.en[key] ?? key;
  return template.replace(/\{(\??)(\w+)\}/g, (_, optional: string, name: string) => {
    const value = params[name];
    if (optional) return value === undefined ? '' : translate(locale, `${key}.${name}`, params);
    if (value === undefined) return `{${name}}`;
    // entity names and reasons are themselves keys, so "person" renders as 人员 in Chinese
    if (name === 'entity') return messages[locale][`entity.${value}`] ?? String(value);
    // what a file that is no spreadsheet is (a SpreadsheetError's kind: zip_not_workbook …)
    if (name === 'kind') return messages[locale][`file_kind.${value}`] ?? String(value);
    // a cycle's state and the refused action too (cycle_state.open → 进行中)
    if (name === 'state' || name === 'action') return messages[locale][`cycle_${name}.${value}`] ?? String(value);
    // only a reason is a key by design; any other value (a cell's content, say) stays as it is
    if (name === 'reason' && typeof value === 'string' && value in messages[locale] && value !== key) return translate(locale, value, params);
    return String(value);
  });
}

/** Picks zh-CN or en from an explicit choice or an Accept-Language header; zh-CN first. */
export function pickLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  const candidates = [explicit, ...(acceptLanguage ?? '').split(',').map((p) => p.split(';')[0]?.trim())];
  for (const c of candidates) {
    if (!c) continue;
    const lower = c.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
