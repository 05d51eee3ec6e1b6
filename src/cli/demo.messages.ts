/**
 * What `kedu demo` prints, in zh-CN and en (the language follows LANG, as the other commands'
 * messages in cli-messages.ts do). Kept apart from that catalogue: only this command uses them.
 */
import { type CliLang, cliLang } from './cli-messages.ts';

type P = Record<string, string | number>;
const n = (x: string | number, lang: CliLang) => (typeof x === 'number' ? x.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN') : x);

const catalogue = {
  bad_size: { 'zh-CN': (p: P) => `--size 只能是 small 或 large（现在是 “${p.size}”）`, en: (p: P) => `--size must be small or large (got "${p.size}")` },
  bad_seed: { 'zh-CN': (p: P) => `--seed 必须是整数（现在是 “${p.seed}”）`, en: (p: P) => `--seed must be a whole number (got "${p.seed}")` },
  bad_scale: { 'zh-CN': (p: P) => `--scale 有误：${p.detail}`, en: (p: P) => `bad --scale: ${p.detail}` },
  bad_slug: { 'zh-CN': (p: P) => `--workspace 必须由小写字母、数字和短横线组成（现在是 “${p.slug}”）`, en: (p: P) => `--workspace must be lowercase letters, digits and dashes (got "${p.slug}")` },
  small_only_defaults: {
    'zh-CN': () => '--workspace、--seed、--replace 只用于 --size large；小型演示工作区的标识固定为 demo',
    en: () => '--workspace, --seed and --replace apply to --size large only; the small demo workspace is always "demo"',
  },
  exists: {
    'zh-CN': (p: P) => `已有标识为 “${p.slug}” 的工作区：换一个 --workspace，或加上 --replace 删除后重新生成`,
    en: (p: P) => `a workspace with the slug "${p.slug}" already exists: choose another --workspace, or pass --replace to delete it and generate it again`,
  },
  not_replaceable: {
    'zh-CN': (p: P) => `工作区 “${p.slug}” 不是 kedu demo 生成的，--replace 不会删除它：请换一个 --workspace`,
    en: (p: P) => `the workspace "${p.slug}" was not made by kedu demo, so --replace will not delete it: choose another --workspace`,
  },
  solo_done: {
    'zh-CN': (p: P) => `另有个人（微商）演示工作区 “${p.name}”（${p.slug}）：卖家 ${p.seller} <${p.email}>，以上管理员也可进入。`,
    en: (p: P) => `and the solo (微商) demo workspace "${p.name}" (${p.slug}): the seller ${p.seller} <${p.email}>; the administrators above can open it too.`,
  },
  small_done: { 'zh-CN': (p: P) => `演示工作区 “${p.name}”（${p.slug}）已就绪。登录账号（密码均为 ${p.password}）：`, en: (p: P) => `the demo workspace "${p.name}" (${p.slug}) is ready. Accounts (password for all: ${p.password}):` },
  large_done: {
    'zh-CN': (p: P) =>
      `已创建工作区 “${p.name}”（${p.slug}）：${p.people} 人、${p.units} 个部门，${p.cycles} 个已关闭的月度考核周期（${p.participants} 份结果），${p.plans} 个计划、${p.goals} 个目标、${p.checkIns} 次进展更新，用时 ${p.seconds} 秒。`,
    en: (p: P) =>
      `created the workspace "${p.name}" (${p.slug}): ${p.people} people in ${p.units} units, ${p.cycles} closed monthly cycles (${p.participants} results), ${p.plans} plan(s), ${p.goals} goals and ${p.checkIns} check-ins in ${p.seconds} s.`,
  },
  accounts: { 'zh-CN': (p: P) => `登录账号（密码均为 ${p.password}，只显示这一次）：`, en: (p: P) => `Accounts (password for all: ${p.password}; shown only now):` },
  'role.admin': { 'zh-CN': () => '管理员', en: () => 'admin' },
  'role.manager': { 'zh-CN': () => '经理', en: () => 'manager' },
  'role.member': { 'zh-CN': () => '成员', en: () => 'member' },
  'step.replace': { 'zh-CN': () => '已删除之前生成的工作区', en: () => 'deleted the workspace made before' },
  'step.organisation': { 'zh-CN': (p: P) => `组织与人员：${p.count} 人`, en: (p: P) => `organisation: ${p.count} people` },
  'step.indicators': { 'zh-CN': (p: P) => `指标库：${p.count} 个指标`, en: (p: P) => `indicator library: ${p.count} indicators` },
  'step.cycles': { 'zh-CN': (p: P) => `考核周期：${p.count}/${p.total}`, en: (p: P) => `appraisal cycles: ${p.count}/${p.total}` },
  'step.goals': { 'zh-CN': (p: P) => `计划与目标：${p.count} 个目标`, en: (p: P) => `plans and goals: ${p.count} goals` },
  'step.check-ins': { 'zh-CN': (p: P) => `进展更新：${p.count} 次`, en: (p: P) => `check-ins: ${p.count}` },
  'step.statistics': { 'zh-CN': () => '已更新查询统计信息', en: () => 'table statistics updated' },
} satisfies Record<string, Record<CliLang, (p: P) => string>>;

export type DemoMessage = keyof typeof catalogue;

/**
 * A `kedu demo` message in the terminal's language; numbers are grouped as the language writes them.
 * @example sayDemo('bad_size', { size: 'huge' }, 'en') // '--size must be small or large (got "huge")'
 */
export function sayDemo(key: DemoMessage, params: P = {}, lang: CliLang = cliLang()): string {
  const formatted = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, n(v, lang)]));
  return catalogue[key][lang](formatted);
}
