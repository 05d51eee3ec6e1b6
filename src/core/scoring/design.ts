/**
 * Design warnings for a scorecard being drafted (domain.md §3 and the seed): the definition
 * errors of validate.ts, plus what makes a scorecard work badly even when it can be scored —
 * one dominant indicator, too many indicators, no purpose or target, no source or data owner,
 * uncapped scoring, a veto that earns no points.
 */
import { exactSum } from './arith.ts';
import { type MessageCode, renderMessage } from './messages.ts';
import { hasDataOwner, hasSource } from './provenance.ts';
import { tierRank } from './rules.ts';
import type { Indicator, LocalizedText, MessageParams, Scorecard } from './types.ts';
import { indicatorLabel, validateScorecard } from './validate.ts';

export type DesignSeverity = 'error' | 'warning' | 'info';
export type DesignIssue = {
  severity: DesignSeverity;
  code: string;
  indicatorKey?: string;
  message: LocalizedText;
  params: MessageParams;
  /** Where in the definition, for an editor to point at. */
  path?: (string | number)[];
};

/** Share of the total weight from which one indicator dominates. */
export const DOMINANT_SHARE = 0.5;
/** More indicators than this are too many to manage (seed: 7–8 per department drew complaints). */
export const MAX_INDICATORS = 7;

function issue(severity: DesignSeverity, code: MessageCode, indicator: Indicator | null, params: MessageParams, path?: (string | number)[]): DesignIssue {
  const all = indicator ? { indicator: indicatorLabel(indicator), ...params } : params;
  return {
    severity,
    code,
    ...(indicator ? { indicatorKey: indicator.key } : {}),
    message: renderMessage(code, all),
    params: all,
    ...(path ? { path } : {}),
  };
}

/** The highest multiplier a tiers rule can give when uncapped (r just below the first tier when proportional). */
function tiersMaximum(rule: Extract<NonNullable<Indicator['rule']>, { type: 'tiers' }>): number {
  const multipliers = rule.tiers.map((t) => t.multiplier);
  const first = Math.min(...rule.tiers.map((t) => tierRank(t)[0]));
  return Math.max(...multipliers, (rule.below ?? 'proportional') === 'proportional' ? first : 0);
}

/**
 * Checks a scorecard design: errors (it cannot be scored), warnings (it will work badly) and
 * info (worth a look). A missing target is a warning here — a draft may wait for a trial cycle
 * — while scoring refuses it.
 * @example
 * const from = { source: { kind: 'budget' }, dataOwner: { kind: 'position', name: '财务专员' } } as const;
 * checkScorecardDesign({ indicators: [
 *   { key: '销售额', weight: 80, target: 1e6, purpose: '…', ...from },
 *   { key: '应收账款回收率', weight: 20, target: 0.95, purpose: '…', ...from },
 * ] }).map((i) => i.code) // ['design.dominant', 'design.uncapped', 'design.uncapped']
 * checkScorecardDesign({ indicators: [{ key: 'a', weight: 100, target: 1, purpose: '…', cap: 1.2 }] }).map((i) => i.code)
 * // ['design.no_source', 'design.no_data_owner']
 */
export function checkScorecardDesign(card: Scorecard): DesignIssue[] {
  const issues: DesignIssue[] = validateScorecard(card, { requireTargets: false }).map(({ code, params, message, path, indicatorKey }) => ({
    severity: 'error',
    code,
    ...(indicatorKey !== undefined ? { indicatorKey } : {}),
    message,
    params,
    path,
  }));

  const totalWeight = exactSum(card.indicators.map((i) => (Number.isFinite(i.weight) && i.weight > 0 ? i.weight : 0)));
  if (card.indicators.length > MAX_INDICATORS) {
    issues.push(issue('warning', 'design.too_many', null, { count: card.indicators.length }, ['indicators']));
  }
  card.indicators.forEach((indicator, i) => {
    const share = totalWeight > 0 ? indicator.weight / totalWeight : 0;
    if (share >= DOMINANT_SHARE) issues.push(issue('warning', 'design.dominant', indicator, { share, weight: indicator.weight }, ['indicators', i, 'weight']));
  });
  card.indicators.forEach((indicator, i) => {
    const at = ['indicators', i];
    const rule = indicator.rule ?? { type: 'proportional' };
    if (!indicator.purpose?.trim()) issues.push(issue('warning', 'design.no_purpose', indicator, {}, [...at, 'purpose']));
    if (rule.type !== 'manual' && indicator.target === undefined) issues.push(issue('warning', 'design.no_target', indicator, {}, [...at, 'target']));
    if (!hasSource(indicator)) issues.push(issue('warning', 'design.no_source', indicator, {}, [...at, 'source']));
    // a manual rating's actual is the manager's rating: the rater is its data owner
    if (rule.type !== 'manual' && !hasDataOwner(indicator)) issues.push(issue('warning', 'design.no_data_owner', indicator, {}, [...at, 'dataOwner']));
    if (indicator.veto && indicator.weight === 0) issues.push(issue('warning', 'design.veto_zero_weight', indicator, {}, [...at, 'veto']));
    if (indicator.cap === undefined && rule.type === 'proportional') issues.push(issue('info', 'design.uncapped', indicator, {}, [...at, 'cap']));
    if (indicator.cap === undefined && rule.type === 'tiers' && rule.tiers.length > 0) {
      const top = rule.tiers.reduce((a, b) => (higher(tierRank(b), tierRank(a)) ? b : a));
      const max = tiersMaximum(rule);
      if (max > top.multiplier) issues.push(issue('info', 'design.tiers_top_not_cap', indicator, { top: top.multiplier, max }, [...at, 'rule', 'tiers']));
    }
  });
  return issues;
}

function higher(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}
