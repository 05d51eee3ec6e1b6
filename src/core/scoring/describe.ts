/**
 * Short bilingual descriptions of the parts of a result — which tier or segment matched, what
 * a veto does, which limit bit — used by explanations and what-if diffs.
 */
import { formatNumber, formatPercent } from './arith.ts';
import { bilingual } from './messages.ts';
import type { IndicatorStatus, LocalizedText, RuleMatch, ScoreStatus, VetoEffect } from './types.ts';

const n = (x: number) => formatNumber(x, 4);
const pct = formatPercent;
const pair = ([r, m]: [number, number]) => `(${pct(r)}, ×${n(m)})`;

/**
 * Describes which part of a rule gave the multiplier.
 * @example describeMatch({ kind: 'tier', index: 1, bound: 'above', threshold: 1, multiplier: 1.3 }).en
 * // 'tier "r > 100% → ×1.3"'
 */
export function describeMatch(match: RuleMatch | null): LocalizedText {
  if (!match) return bilingual('—', '—');
  switch (match.kind) {
    case 'proportional':
      return bilingual('按比例（×达成率）', 'proportional (× achievement)');
    case 'tier': {
      const rel = match.bound === 'atLeast' ? '≥' : '>';
      const label = `r ${rel} ${pct(match.threshold)} → ×${n(match.multiplier)}`;
      return bilingual(`分段「${label}」`, `tier "${label}"`);
    }
    case 'below_tiers':
      return match.below === 'zero'
        ? bilingual(`低于最低一段（${pct(match.firstThreshold)}）计零`, `below the lowest tier (${pct(match.firstThreshold)}): zero`)
        : bilingual(
            `低于最低一段（${pct(match.firstThreshold)}）按比例`,
            `below the lowest tier (${pct(match.firstThreshold)}): proportional`,
          );
    case 'segment':
      return bilingual(`线段 ${pair(match.from)}–${pair(match.to)}`, `segment ${pair(match.from)}–${pair(match.to)}`);
    case 'point':
      return bilingual(`折点 ${pair(match.point)}`, `point ${pair(match.point)}`);
    case 'before_first':
      return bilingual(`第一个点 ${pair(match.point)} 之前（持平）`, `before the first point ${pair(match.point)} (flat)`);
    case 'after_last':
      return bilingual(`最后一个点 ${pair(match.point)} 之后（持平）`, `after the last point ${pair(match.point)} (flat)`);
    case 'manual': {
      const [lo, hi] = match.scale;
      const [mLo, mHi] = match.mapTo;
      return bilingual(
        `评分 ${n(match.rating)}（量表 ${n(lo)}–${n(hi)} 对应 ×${n(mLo)}–×${n(mHi)}）`,
        `rating ${n(match.rating)} (scale ${n(lo)}–${n(hi)} maps to ×${n(mLo)}–×${n(mHi)})`,
      );
    }
  }
}

/**
 * Describes a veto's effect on the total.
 * @example describeEffect({ multiply: 0.5 })['zh-CN'] // '总分 ×0.5'
 */
export function describeEffect(effect: VetoEffect): LocalizedText {
  if (effect === 'zero') return bilingual('总分计零', 'total set to 0');
  if ('multiply' in effect) return bilingual(`总分 ×${n(effect.multiply)}`, `total × ${n(effect.multiply)}`);
  return bilingual(`总分最高 ${n(effect.capTotal)}`, `total capped at ${n(effect.capTotal)}`);
}

/**
 * Describes which limit of an indicator changed its multiplier.
 * @example describeLimit('cap', 1.2).en // 'cap ×1.2 applies'
 */
export function describeLimit(limit: 'cap' | 'floor' | null, value: number | null): LocalizedText {
  if (limit === 'cap') return bilingual(`上限 ×${n(value ?? 0)} 生效`, `cap ×${n(value ?? 0)} applies`);
  if (limit === 'floor') return bilingual(`下限 ×${n(value ?? 0)} 生效`, `floor ×${n(value ?? 0)} applies`);
  return bilingual('未触及', 'none applies');
}

const indicatorStatus: Record<IndicatorStatus, LocalizedText> = {
  scored: bilingual('已计分', 'scored'),
  not_applicable: bilingual('不适用', 'not applicable'),
  incomplete: bilingual('数据不全', 'incomplete'),
  error: bilingual('有错误', 'error'),
};
const scoreStatus: Record<ScoreStatus, LocalizedText> = {
  complete: bilingual('已完成', 'complete'),
  incomplete: bilingual('数据不全', 'incomplete'),
  invalid: bilingual('定义有误', 'invalid'),
};

/**
 * Names an indicator's or a scorecard's status.
 * @example describeStatus('not_applicable')['zh-CN'] // '不适用'
 */
export function describeStatus(status: IndicatorStatus | ScoreStatus): LocalizedText {
  return status in indicatorStatus ? indicatorStatus[status as IndicatorStatus] : scoreStatus[status as ScoreStatus];
}
