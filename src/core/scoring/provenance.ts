/**
 * Where a scorecard indicator comes from (出处) and who supplies its actual (数据提供人).
 * The seed: "any indicator must have a source" and every number needs a post responsible for
 * collecting it (报表体系). The source kinds are the goals' own (GOAL_SOURCES), so a goal and
 * the indicator that measures it speak of their origin in the same words.
 */
import { GOAL_SOURCES } from '../goals/types.ts';
import type { DataOwner, Indicator, IndicatorSource, LocalizedText } from './types.ts';

/** The source kinds of an indicator: the goal source kinds. */
export const INDICATOR_SOURCE_KINDS = GOAL_SOURCES;
export type IndicatorSourceKind = IndicatorSource['kind'];

export const DATA_OWNER_KINDS = ['position', 'person'] as const satisfies readonly DataOwner['kind'][];

/** The longest reference and data owner name a card keeps. */
export const SOURCE_REFERENCE_MAX = 500;
export const DATA_OWNER_NAME_MAX = 200;

/** The source kinds in both languages, as the web app's goal labels say them (goals.source.*). */
export const SOURCE_KIND_LABELS: Record<IndicatorSourceKind, LocalizedText> = {
  parent: { 'zh-CN': '上级目标', en: 'Parent goal' },
  strategy: { 'zh-CN': '公司战略', en: 'Strategy' },
  annual_plan: { 'zh-CN': '年度经营计划', en: 'Annual business plan' },
  budget: { 'zh-CN': '年度预算', en: 'Annual budget' },
  job_duties: { 'zh-CN': '岗位职责', en: 'Job duties' },
  business_process: { 'zh-CN': '业务流程', en: 'Business process' },
};

export const DATA_OWNER_KIND_LABELS: Record<DataOwner['kind'], LocalizedText> = {
  position: { 'zh-CN': '岗位', en: 'position' },
  person: { 'zh-CN': '人员', en: 'person' },
};

/**
 * Whether an indicator names its source.
 * @example hasSource({ key: 'a', weight: 100, source: { kind: 'budget' } }) // true
 */
export const hasSource = (indicator: Indicator): boolean => indicator.source !== undefined && (INDICATOR_SOURCE_KINDS as readonly string[]).includes(indicator.source.kind);

/**
 * Whether an indicator names who supplies its actual (a blank name is none).
 * @example hasDataOwner({ key: 'a', weight: 100, dataOwner: { kind: 'position', name: ' ' } }) // false
 */
export const hasDataOwner = (indicator: Indicator): boolean => (indicator.dataOwner?.name ?? '').trim() !== '';

/**
 * An indicator's source in words: the kind, then the reference.
 * @example describeSource({ kind: 'budget', reference: '2027 年度预算' }, 'zh-CN') // '年度预算：2027 年度预算'
 */
export function describeSource(source: IndicatorSource | undefined, lang: keyof LocalizedText): string | null {
  if (!source || !hasSource({ key: '', weight: 0, source })) return null;
  const kind = SOURCE_KIND_LABELS[source.kind][lang];
  const reference = source.reference?.trim();
  if (!reference) return kind;
  return lang === 'zh-CN' ? `${kind}：${reference}` : `${kind}: ${reference}`;
}

/**
 * An indicator's data owner in words: the name and whether it is a position or a person.
 * @example describeDataOwner({ kind: 'position', name: '财务专员' }, 'en') // '财务专员 (position)'
 */
export function describeDataOwner(owner: DataOwner | undefined, lang: keyof LocalizedText): string | null {
  const name = owner?.name.trim();
  if (!owner || !name) return null;
  const kind = DATA_OWNER_KIND_LABELS[owner.kind]?.[lang];
  if (!kind) return name;
  return lang === 'zh-CN' ? `${name}（${kind}）` : `${name} (${kind})`;
}
