import type { ErrorCode } from '../errors.ts';
import { orgMessages } from './org-messages.ts';

export type Locale = 'zh-CN' | 'en';

type Catalog = Record<ErrorCode, string> & Record<string, string>;

/**
 * Server-side messages, keyed. `{name}` placeholders are filled from AppError params.
 * Every message says what is wrong and how to fix it.
 */
export const messages: Record<Locale, Catalog> = {
  'zh-CN': {
    ...orgMessages['zh-CN'],
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
    invalid_move: '无法移动：{reason}',
    import_failed: '文件未导入：发现 {count} 处错误，未写入任何数据。请修改文件后重新导入。',
    payload_too_large: '上传的内容过大（上限 {limit}）。',
    unsupported_media_type: '不支持的文件类型：{type}。请上传 .xlsx 或 .csv 文件。',
    rate_limited: '尝试次数过多，请在 {seconds} 秒后重试。',
    demo_disabled: '此服务器未启用演示工作区。',
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
    'entity.person': '人员',
    'entity.unit': '部门',
    'entity.position': '岗位',
    'entity.workspace': '工作区',
    'entity.token': 'API 令牌',
    'entity.user': '用户',
    'entity.member': '成员',
    'entity.route': '接口',
  },
  en: {
    ...orgMessages.en,
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
    invalid_move: 'Cannot move it: {reason}',
    import_failed: 'The file was not imported: {count} error(s) found and nothing was written. Correct the file and import it again.',
    payload_too_large: 'The upload is too large (limit {limit}).',
    unsupported_media_type: 'Unsupported file type: {type}. Upload an .xlsx or .csv file.',
    rate_limited: 'Too many attempts; try again in {seconds} seconds.',
    demo_disabled: 'The demo workspace is not enabled on this server.',
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
    'entity.person': 'person',
    'entity.unit': 'department',
    'entity.position': 'position',
    'entity.workspace': 'workspace',
    'entity.token': 'API token',
    'entity.user': 'user',
    'entity.member': 'member',
    'entity.route': 'route',
  },
};

/** Renders a message key with `{param}` placeholders in the given locale. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[locale][key] ?? messages.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    // entity names and reasons are themselves keys, so "person" renders as 人员 in Chinese
    if (name === 'entity') return messages[locale][`entity.${value}`] ?? String(value);
    if (typeof value === 'string' && value in messages[locale] && value !== key) return translate(locale, value, params);
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
