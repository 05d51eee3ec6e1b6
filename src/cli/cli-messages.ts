/**
 * What the `kedu` commands print themselves, in zh-CN and en. The language follows LANG
 * (English when it starts with "en", Chinese otherwise), as `kedu score` and `kedu formula`
 * do; errors raised by the server layer come translated from its own catalogue.
 */
export type CliLang = 'zh-CN' | 'en';

/** The language of the terminal: English when LANG starts with "en", else Chinese (the product's first language). */
export function cliLang(env: NodeJS.ProcessEnv = process.env): CliLang {
  return env.LANG?.startsWith('en') ? 'en' : 'zh-CN';
}

type P = Record<string, string | number>;
const catalogue = {
  'admin.invalid_options': { 'zh-CN': (p: P) => `选项有误：\n${p.lines}`, en: (p: P) => `invalid options:\n${p.lines}` },
  'admin.no_workspace': {
    'zh-CN': (p: P) => `没有标识为 “${p.slug}” 的工作区：请用 --workspace 填写一个已有工作区的标识。`,
    en: (p: P) => `no workspace with the slug "${p.slug}": give the slug of an existing workspace with --workspace`,
  },
  'admin.added': { 'zh-CN': (p: P) => `${p.email} 已成为 ${p.workspace}（${p.slug}）的管理员`, en: (p: P) => `${p.email} is now an administrator of ${p.workspace} (${p.slug})` },
  'admin.promoted': {
    'zh-CN': (p: P) => `${p.email} 原已是 ${p.workspace}（${p.slug}）的成员，现已升为管理员（密码未改）`,
    en: (p: P) => `${p.email} was already a member of ${p.workspace} (${p.slug}) and is now an administrator (password unchanged)`,
  },
  'admin.unchanged': {
    'zh-CN': (p: P) => `${p.email} 已经是 ${p.workspace}（${p.slug}）的管理员，未做更改`,
    en: (p: P) => `${p.email} is already an administrator of ${p.workspace} (${p.slug}); nothing changed`,
  },
  'admin.already_set_up': {
    'zh-CN': () => 'Kedu 已完成初始化：如需在某个工作区添加管理员，请加上 --workspace <标识>',
    en: () => 'Kedu is already set up: pass --workspace <slug> to add an administrator to a workspace',
  },
  'admin.created': { 'zh-CN': (p: P) => `已创建 ${p.email} 和工作区 “${p.workspace}”`, en: (p: P) => `created ${p.email} and the workspace "${p.workspace}"` },
  'api.no_token': {
    'zh-CN': () => '缺少 API 令牌：请用 --token 传入，或设置 KEDU_TOKEN（在网页端 账户 → API 令牌 中创建）',
    en: () => 'no API token: pass --token or set KEDU_TOKEN (create one in the web app under Account → API tokens)',
  },
  'api.bad_url': { 'zh-CN': (p: P) => `--url 必须以 http:// 或 https:// 开头（现在是 “${p.url}”）`, en: (p: P) => `--url must start with http:// or https:// (got "${p.url}")` },
  'api.unreachable': { 'zh-CN': (p: P) => `无法连接 ${p.url}：${p.detail}`, en: (p: P) => `cannot reach ${p.url}: ${p.detail}` },
  'api.bad_method': {
    'zh-CN': (p: P) => `不认识的请求方法 “${p.method}”：请用 GET、POST、PATCH、PUT 或 DELETE`,
    en: (p: P) => `unknown method "${p.method}": use GET, POST, PATCH, PUT or DELETE`,
  },
  'api.bad_path': { 'zh-CN': (p: P) => `路径必须以 /api/ 开头（现在是 “${p.path}”）`, en: (p: P) => `the path must start with /api/ (got "${p.path}")` },
  'api.bad_json': { 'zh-CN': (p: P) => `--data 不是有效的 JSON：${p.detail}`, en: (p: P) => `--data is not valid JSON: ${p.detail}` },
  'file.unreadable': { 'zh-CN': (p: P) => `无法读取文件 ${p.file}：请检查路径和权限`, en: (p: P) => `cannot read ${p.file}: check the path and its permissions` },
  'backup.written': { 'zh-CN': (p: P) => `备份已写入 ${p.file}：${p.tables}`, en: (p: P) => `backup written to ${p.file}: ${p.tables}` },
  'backup.restored': {
    'zh-CN': (p: P) => `已从 ${p.file} 恢复（由 Kedu ${p.version} 于 ${p.createdAt} 备份）：${p.tables}`,
    en: (p: P) => `restored ${p.file} (made ${p.createdAt} by Kedu ${p.version}): ${p.tables}`,
  },
  'backup.no_rows': { 'zh-CN': () => '没有数据行', en: () => 'no rows' },
  'backup.refused': { 'zh-CN': (p: P) => `${p.detail}；没有做任何修改`, en: (p: P) => `${p.detail}; nothing was changed` },
  'restore.warning': {
    'zh-CN': (p: P) => `此操作会用 ${p.file} 替换${p.kind === 'postgres' ? ' PostgreSQL ' : '内置'}数据库中的全部数据。`,
    en: (p: P) => `This replaces ALL data in the ${p.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database with ${p.file}.`,
  },
  'restore.pass_yes': { 'zh-CN': (p: P) => `${p.warning}请加上 --yes 确认。`, en: (p: P) => `${p.warning} Pass --yes to confirm.` },
  'restore.ask': { 'zh-CN': (p: P) => `${p.warning}输入 “yes” 继续：`, en: (p: P) => `${p.warning} Type "yes" to continue: ` },
  'restore.cancelled': { 'zh-CN': () => '已取消恢复；没有做任何修改', en: () => 'restore cancelled; nothing was changed' },
  'serve.port_in_use': { 'zh-CN': (p: P) => `端口已被占用：${p.detail}。请把 PORT 设为一个空闲端口。`, en: (p: P) => `the port is already in use: ${p.detail}. Set PORT to a free port.` },
  'serve.db_unreachable': {
    'zh-CN': (p: P) => `无法连接 DATABASE_URL 指定的数据库：${p.detail}`,
    en: (p: P) => `cannot connect to the database at DATABASE_URL: ${p.detail}`,
  },
  'serve.migrated': { 'zh-CN': () => '数据库迁移已完成', en: () => 'migrations applied' },
  'import.pick_workspace': {
    'zh-CN': (p: P) => `有多个工作区，请用 --workspace 指定一个：${p.slugs}`,
    en: (p: P) => `there are several workspaces; choose one with --workspace: ${p.slugs}`,
  },
  'import.no_workspaces': { 'zh-CN': () => '还没有工作区：请先运行 kedu create-admin 完成初始化。', en: () => 'there is no workspace yet: run kedu create-admin first' },
  'import.unknown_template': {
    'zh-CN': (p: P) => `没有名为 “${p.template}” 的导入模板，可选：${p.templates}`,
    en: (p: P) => `no import template "${p.template}"; the templates are: ${p.templates}`,
  },
  'import.not_recognised': {
    'zh-CN': (p: P) => `没有模板能识别这个文件（表头：${p.headers}）。请用 --template 指定模板，或先在网页端“数据集”中建立映射并保存为模板。`,
    en: (p: P) => `no template recognises this file (headers: ${p.headers}). Pass --template, or map it once in the web app (Datasets) and save the mapping as a template.`,
  },
  'import.template_columns_missing': {
    'zh-CN': (p: P) => `文件缺少模板 “${p.template}” 需要的列：${p.columns}`,
    en: (p: P) => `the file lacks columns the template "${p.template}" needs: ${p.columns}`,
  },
  'import.creating': { 'zh-CN': (p: P) => `新建数据集 “${p.dataset}”（模板：${p.template}）`, en: (p: P) => `creating the dataset "${p.dataset}" (template: ${p.template})` },
  'import.done': {
    'zh-CN': (p: P) => `已导入 ${p.rows} 行到 “${p.dataset}”（批次 ${p.batch}，用时 ${p.seconds} 秒，${p.rate} 行/秒）${p.replaced}`,
    en: (p: P) => `imported ${p.rows} rows into "${p.dataset}" (batch ${p.batch}, ${p.seconds} s, ${p.rate} rows/s)${p.replaced}`,
  },
  'import.replaced': { 'zh-CN': (p: P) => `，替换了之前导入的 ${p.count} 行`, en: (p: P) => `; ${p.count} earlier rows replaced` },
  'import.refreshed': { 'zh-CN': (p: P) => `${p.count} 个进行中的考核周期已按新数据更新实际值`, en: (p: P) => `${p.count} open cycle(s) took their actuals from the new data` },
  'import.refresh_failed': {
    'zh-CN': (p: P) => `数据已导入，但进行中的考核周期未能按新数据更新实际值：${p.reason}。可在考核周期页点“从数据重新取数”`,
    en: (p: P) => `the data is imported, but open cycles could not take their actuals from it: ${p.reason}. Use "Take actuals from data again" on the cycle's page`,
  },
  'import.failed': { 'zh-CN': (p: P) => `${p.message}\n${p.lines}${p.more}`, en: (p: P) => `${p.message}\n${p.lines}${p.more}` },
  'import.more': { 'zh-CN': (p: P) => `\n  ……另有 ${p.count} 处错误未列出`, en: (p: P) => `\n  … and ${p.count} more` },
  'import.queued': {
    'zh-CN': (p: P) => `文件较大，服务器在后台导入（任务 ${p.job}）；进度为服务器已读取的行数`,
    en: (p: P) => `a large file: the server imports it in the background (job ${p.job}); progress is the rows the server has read`,
  },
  'import.remote_template': {
    'zh-CN': (p: P) => `服务器把这个文件识别为模板“${p.recognised}”，与 --template ${p.template} 不符；连接服务器导入时，新数据集按识别出的模板建立。请去掉 --template，或在网页端导入并选择列`,
    en: (p: P) => `the server recognises this file as the template "${p.recognised}", not --template ${p.template}; imports through a server create new datasets from the recognised template. Leave out --template, or import in the web app and choose the columns`,
  },
  'import.file_missing': { 'zh-CN': (p: P) => `找不到文件 ${p.file}`, en: (p: P) => `no such file: ${p.file}` },
} satisfies Record<string, Record<CliLang, (p: P) => string>>;

export type CliMessage = keyof typeof catalogue;

/**
 * A CLI message in the terminal's language.
 * @example say('api.bad_path', { path: 'x' }, 'en') // 'the path must start with /api/ (got "x")'
 */
export function say(key: CliMessage, params: P = {}, lang: CliLang = cliLang()): string {
  return catalogue[key][lang](params);
}
