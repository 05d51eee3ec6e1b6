/** Scoring the people read from a table of actuals (src/core/scoring/actuals-table.ts). */
import type { PersonActuals } from './actuals-table.ts';
import { scoreWithTerms, scoreWithTermsPrepared } from './actuals.ts';
import { prepareScorecard } from './score.ts';
import type { ScoreResult, Scorecard } from './types.ts';

/**
 * `scorePerson` for every person of a table: the scorecard is checked once, not once per
 * person (a row with target overrides is scored as `scorePerson` does). The same results.
 * @example people.map(personScorer(card)) // people.map((p) => scorePerson(card, p))
 */
export function personScorer(card: Scorecard): (person: PersonActuals) => ScoreResult {
  const prepared = prepareScorecard(card);
  return (person) => {
    if (Object.keys(person.targets).length > 0) return scorePerson(card, person);
    return scoreWithTermsPrepared(prepared, person.terms, person.notApplicable.length > 0 ? { notApplicable: person.notApplicable } : {});
  };
}

/**
 * Scores one person: the scorecard with the row's target overrides, the row's terms and its
 * not-applicable indicators.
 * @example scorePerson(card, { person: '张三', row: 2, terms: { 销售额: 120 }, notApplicable: [], targets: { 销售额: 100 } }).total
 */
export function scorePerson(card: Scorecard, person: PersonActuals): ScoreResult {
  const overridden = Object.keys(person.targets).length === 0 ? card : { ...card, indicators: card.indicators.map((i) => (Object.hasOwn(person.targets, i.key) ? { ...i, target: person.targets[i.key] } : i)) };
  return scoreWithTerms(overridden, person.terms, person.notApplicable.length > 0 ? { notApplicable: person.notApplicable } : {});
}
