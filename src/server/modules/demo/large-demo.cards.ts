/**
 * The large demo's three monthly scorecard templates and which positions hold them, with how a
 * month's term values are drawn for a person of a given form. Pure.
 */
import type { Scorecard } from '../../../core/scoring/types.ts';
import type { Random } from './large-demo.random.ts';

const GRADES = [
  { min: 95, grade: 'S' },
  { min: 85, grade: 'A' },
  { min: 70, grade: 'B' },
  { min: 60, grade: 'C' },
  { min: 0, grade: 'D' },
];
const TASKS_FORMULA = '按期完成的重点工作项数/计划完成的重点工作项数';

export type CardTemplate = {
  name: string;
  description: string;
  positions: readonly string[];
  card: Scorecard;
  /** A month's term values and the manager's ratings for someone performing at `form` (1 = as planned). */
  actuals: (random: Random, form: number) => { terms: Record<string, number>; ratings: Record<string, number> };
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const rating = (random: Random, form: number) => clamp(Math.round(3 * form + random.between(-0.6, 0.9)), 1, 5);
function tasks(random: Random, form: number) {
  const planned = random.int(4, 10);
  return { 计划完成的重点工作项数: planned, 按期完成的重点工作项数: clamp(Math.round(planned * clamp(0.9 * form, 0.3, 1)), 0, planned) };
}

export const CARD_TEMPLATES: readonly CardTemplate[] = [
  {
    name: '销售月度考核表',
    description: '销售代表与销售主管的月度考核：销售额（否决）、新大客户、回款与销售能力。',
    positions: ['销售代表', '销售主管'],
    card: {
      indicators: [
        { key: '销售额', name: '销售额', unit: '元', direction: 'higher', weight: 35, target: 300_000, rule: { type: 'proportional' }, cap: 1.2, veto: { below: 0.6, effect: { multiply: 0.5 } } },
        { key: '新大客户开发数量', name: '新大客户开发数量', unit: '个', direction: 'higher', weight: 20, target: 2, rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }], below: 'proportional' } },
        { key: '应收账款回收率', name: '应收账款回收率', unit: '%', direction: 'higher', formula: '当期回款金额/(期初应收账款余额+当期新增应收账款)', weight: 20, target: 0.9, rule: { type: 'linear', points: [[0.7, 0], [0.9, 1], [1, 1.1]] } },
        { key: '平均回款天数', name: '平均回款天数', unit: '天', direction: 'lower', achievement: 'mirror', weight: 10, target: 45, rule: { type: 'proportional' }, cap: 1.2 },
        { key: '完成销售的能力', name: '完成销售的能力', direction: 'higher', weight: 15, rule: { type: 'manual', scale: [1, 5] } },
      ],
      grades: GRADES,
      maxTotal: 120,
    },
    actuals(random, form) {
      const sales = Math.round((300_000 * form * random.between(0.85, 1.15)) / 100) * 100;
      const opening = Math.round(random.between(80_000, 200_000) / 100) * 100;
      const added = Math.round((sales * 0.8) / 100) * 100;
      const collected = Math.round(((opening + added) * clamp(0.72 + 0.18 * form + random.between(-0.05, 0.05), 0.5, 1)) / 100) * 100;
      return {
        terms: { 销售额: sales, 新大客户开发数量: Math.max(0, Math.round(2 * form * random.between(0.4, 1.6))), 当期回款金额: collected, 期初应收账款余额: opening, 当期新增应收账款: added, 平均回款天数: Math.round((45 / form) * random.between(0.9, 1.1)) },
        ratings: { 完成销售的能力: rating(random, form) },
      };
    },
  },
  {
    name: '内容与新媒体月度考核表',
    description: '内容运营、新媒体运营与运营主管的月度考核：发布、涨粉、互动、重点工作与内容创意。',
    positions: ['内容运营', '新媒体运营', '运营主管'],
    card: {
      indicators: [
        { key: '内容发布数量', name: '内容发布数量', unit: '篇', direction: 'higher', weight: 30, target: 20, rule: { type: 'proportional' }, cap: 1.3 },
        { key: '净增粉丝数', name: '净增粉丝数', unit: '人', direction: 'higher', weight: 25, target: 1500, rule: { type: 'proportional' }, cap: 1.5 },
        { key: '互动率', name: '互动率', unit: '%', direction: 'higher', formula: '互动次数/曝光量', weight: 15, target: 0.05, rule: { type: 'proportional' }, cap: 1.3 },
        { key: '重点工作完成率', name: '重点工作完成率', unit: '%', direction: 'higher', formula: TASKS_FORMULA, weight: 15, target: 0.9, rule: { type: 'linear', points: [[0.6, 0], [0.9, 1], [1, 1.1]] } },
        { key: '内容创意', name: '内容创意', direction: 'higher', weight: 15, rule: { type: 'manual', scale: [1, 5] } },
      ],
      grades: GRADES,
      maxTotal: 120,
    },
    actuals(random, form) {
      const impressions = Math.round(random.between(50_000, 200_000));
      return {
        terms: { 内容发布数量: Math.round(20 * form * random.between(0.8, 1.2)), 净增粉丝数: Math.round(1500 * form * random.between(0.5, 1.5)), 曝光量: impressions, 互动次数: Math.round(impressions * 0.05 * form * random.between(0.7, 1.3)), ...tasks(random, form) },
        ratings: { 内容创意: rating(random, form) },
      };
    },
  },
  {
    name: '管理与职能月度考核表',
    description: '管理者、客服与职能岗位的月度考核：重点工作、客户满意度与团队协作。',
    positions: ['总经理', '总经理助理', '销售总监', '区域销售经理', '市场总监', '市场经理', '客服总监', '客服经理', '客服主管', '客服专员', '人力资源总监', 'HR 经理', 'HR 主管', 'HR 专员'],
    card: {
      indicators: [
        { key: '重点工作完成率', name: '重点工作完成率', unit: '%', direction: 'higher', formula: TASKS_FORMULA, weight: 40, target: 0.9, rule: { type: 'linear', points: [[0.6, 0], [0.9, 1], [1, 1.1]] } },
        { key: '客户满意度', name: '客户满意度', unit: '%', direction: 'higher', formula: '满意的有效问卷数/有效问卷数', weight: 30, target: 0.9, rule: { type: 'proportional' }, cap: 1.1 },
        { key: '团队协作', name: '团队协作', direction: 'higher', weight: 30, rule: { type: 'manual', scale: [1, 5] } },
      ],
      grades: GRADES,
      maxTotal: 120,
    },
    actuals(random, form) {
      const surveys = random.int(50, 300);
      return {
        terms: { ...tasks(random, form), 有效问卷数: surveys, 满意的有效问卷数: Math.round(surveys * clamp(0.88 * form + random.between(-0.04, 0.04), 0.4, 1)) },
        ratings: { 团队协作: rating(random, form) },
      };
    },
  },
];
