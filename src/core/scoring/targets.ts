import type { Scorecard } from './types.ts';

/**
 * A scorecard with some targets replaced (a period's targets, a person's override). Manual
 * indicators have no target and keep none; keys not on the card are ignored.
 * @example withTargets({ indicators: [{ key: 'a', weight: 100, target: 10 }] }, { a: 12 }).indicators[0].target // 12
 */
export function withTargets(card: Scorecard, targets: Readonly<Record<string, number | undefined>>): Scorecard {
  let changed = false;
  const indicators = card.indicators.map((indicator) => {
    const target = Object.hasOwn(targets, indicator.key) ? targets[indicator.key] : undefined;
    if (target === undefined || indicator.rule?.type === 'manual' || target === indicator.target) return indicator;
    changed = true;
    return { ...indicator, target };
  });
  return changed ? { ...card, indicators } : card;
}
