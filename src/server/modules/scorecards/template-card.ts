import type { DesignIssueOut, TemplateCard } from '../../../contracts/scorecards.ts';
import { checkScorecardDesign } from '../../../core/scoring/design.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';

/** A card as stored: indicators, and grades / maxTotal only when present. */
export function storedCard(card: TemplateCard | Scorecard): Scorecard {
  return {
    indicators: card.indicators,
    ...(card.grades !== undefined ? { grades: card.grades } : {}),
    ...(card.maxTotal !== undefined ? { maxTotal: card.maxTotal } : {}),
  };
}

/** checkScorecardDesign in both languages: definition errors, design warnings and hints. */
export function designOf(card: Scorecard): DesignIssueOut[] {
  return checkScorecardDesign(card).map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    path: issue.path ?? [],
    indicatorKey: issue.indicatorKey ?? null,
    message: issue.message,
  }));
}

/** POST /scorecard-templates/check: every problem and design warning of a card; writes nothing. */
export function checkCard(card: TemplateCard): { ok: boolean; issues: DesignIssueOut[] } {
  const issues = designOf(storedCard(card));
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}

export const weightSum = (card: Scorecard) => card.indicators.reduce((sum, i) => sum + i.weight, 0);

/** Keys of a card that take targets (every indicator but the manually rated ones). */
export const targetKeys = (card: Scorecard) => new Set(card.indicators.filter((i) => i.rule?.type !== 'manual').map((i) => i.key));
