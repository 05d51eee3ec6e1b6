/** Names of the large demo's departments, regions and positions. Pure data. */
import type { Random } from './large-demo.random.ts';

/** What a unit does; it decides its people's positions, goals and scorecards. */
export type UnitKind = 'gm' | 'sales' | 'marketing' | 'service' | 'hr';

// in the order they are used: a small organisation is the office and one sales department
const DEPARTMENTS: readonly { name: string; kind: UnitKind }[] = [
  { name: '总经办', kind: 'gm' },
  { name: '销售一部', kind: 'sales' },
  { name: '市场部', kind: 'marketing' },
  { name: '销售二部', kind: 'sales' },
  { name: '客户服务部', kind: 'service' },
  { name: '人力资源部', kind: 'hr' },
  { name: '电商运营部', kind: 'marketing' },
  { name: '销售三部', kind: 'sales' },
];

/** About one department per 8 units: 6 for 50 units. */
export function departmentsFor(units: number): { name: string; kind: UnitKind }[] {
  const n = Math.min(DEPARTMENTS.length, units, Math.max(2, Math.round(units / 8)));
  return DEPARTMENTS.slice(0, n).map((d) => ({ ...d }));
}

const LEVEL2: Record<UnitKind, readonly string[]> = {
  gm: ['战略发展中心'],
  sales: ['华东区', '华南区', '华北区', '华中区', '西南区', '西北区', '东北区'],
  marketing: ['内容中心', '新媒体中心', '品牌中心', '直播中心', '私域运营中心'],
  service: ['售后服务中心', '客户成功中心', '呼叫中心'],
  hr: ['招聘中心', '培训中心', '绩效中心'],
};

/** The n-th region or centre of a kind, over all its departments (so 销售二部 gets 华北区, not a second 华东区). */
export function level2Name(kind: UnitKind, n: number): string {
  const names = LEVEL2[kind];
  return n < names.length ? names[n] : `${names[n % names.length]}${Math.floor(n / names.length) + 1}`;
}

const LEADS: Record<UnitKind, readonly [string, string, string]> = {
  gm: ['总经理', '总经理', '总经理'],
  sales: ['销售总监', '区域销售经理', '销售主管'],
  marketing: ['市场总监', '市场经理', '运营主管'],
  service: ['客服总监', '客服经理', '客服主管'],
  hr: ['人力资源总监', 'HR 经理', 'HR 主管'],
};

export const leadPosition = (kind: UnitKind, level: 1 | 2 | 3) => LEADS[kind][level - 1];

export function memberPosition(kind: UnitKind, random: Random): string {
  if (kind === 'marketing') return random.chance(0.5) ? '内容运营' : '新媒体运营';
  return { gm: '总经理助理', sales: '销售代表', service: '客服专员', hr: 'HR 专员' }[kind];
}

/** Every position, with a description, in the order they are listed. */
export const POSITIONS: readonly { name: string; description: string }[] = [
  { name: '总经理', description: '公司经营与战略' },
  { name: '总经理助理', description: '经营分析与重点工作督办' },
  { name: '销售总监', description: '销售部负责人：目标、团队与大客户' },
  { name: '区域销售经理', description: '一个销售区域的目标与团队' },
  { name: '销售主管', description: '一个销售小组的日常管理与业绩' },
  { name: '销售代表', description: '客户开发、跟进与回款' },
  { name: '市场总监', description: '市场部负责人：品牌、内容与渠道' },
  { name: '市场经理', description: '一个内容或渠道中心的目标与团队' },
  { name: '运营主管', description: '一个运营小组的选题、排期与数据' },
  { name: '内容运营', description: '公众号、视频号与小红书内容的策划与发布' },
  { name: '新媒体运营', description: '抖音、小红书等平台的账号运营与互动' },
  { name: '客服总监', description: '客户服务部负责人：满意度与留存' },
  { name: '客服经理', description: '一个服务中心的质量与效率' },
  { name: '客服主管', description: '一个客服小组的排班与质检' },
  { name: '客服专员', description: '售前咨询、售后处理与回访' },
  { name: '人力资源总监', description: '人力资源部负责人：组织、人才与绩效' },
  { name: 'HR 经理', description: '招聘、培训或绩效中心的负责人' },
  { name: 'HR 主管', description: '一个 HR 小组的日常工作' },
  { name: 'HR 专员', description: '招聘、绩效考核与人事数据' },
];
