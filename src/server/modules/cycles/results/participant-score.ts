import { resolveActuals, scoreWithTerms, scoreWithTermsPrepared } from '../../../../core/scoring/actuals.ts';
import { gradeFor } from '../../../../core/scoring/grades.ts';
import { type PreparedScorecard, prepareScorecard } from '../../../../core/scoring/score.ts';
import type { ScoreInputs, Scorecard, ScoreResult } from '../../../../core/scoring/types.ts';

/** What a participant's result is computed from: the entered term values and the manager's ratings. */
export type ParticipantInputs = {
  card: Scorecard;
  notApplicable: readonly string[];
  /** Term values by term name. */
  terms: Readonly<Record<string, number>>;
  /** The manager's rating of each `manual` indicator, by indicator key (the self-rating never counts). */
  managerRatings: Readonly<Record<string, number>>;
};

/**
 * The term values the scorer reads: the entered terms, with each `manual` indicator's key
 * holding the manager's rating (never a typed-in term of that name).
 */
export function termsOf(inputs: ParticipantInputs): Record<string, number> {
  const terms: Record<string, number> = { ...inputs.terms };
  for (const indicator of inputs.card.indicators) {
    if (indicator.rule?.type !== 'manual') continue;
    // a manual indicator reads its rating under its key, never a typed-in term of that name
    if (Object.hasOwn(inputs.managerRatings, indicator.key)) terms[indicator.key] = inputs.managerRatings[indicator.key];
    else delete terms[indicator.key];
  }
  return terms;
}

/**
 * A participant's result, by the one scoring engine: a `manual` indicator's actual is the
 * manager's rating, every other actual comes from the terms through the indicator's formula.
 */
export function scoreParticipant(inputs: ParticipantInputs): ScoreResult {
  return scoreWithTerms(inputs.card, termsOf(inputs), { notApplicable: inputs.notApplicable });
}

/**
 * `scoreParticipant` for many participants: each distinct card (by object) is checked once,
 * not once per person — a cycle's participants mostly share a handful of cards. The same results.
 */
export function participantScorer(): (inputs: ParticipantInputs) => ScoreResult {
  const prepared = new Map<Scorecard, PreparedScorecard>();
  return (inputs) => {
    let card = prepared.get(inputs.card);
    if (!card) {
      card = prepareScorecard(inputs.card);
      prepared.set(inputs.card, card);
    }
    return scoreWithTermsPrepared(card, termsOf(inputs), inputs.notApplicable.length > 0 ? { notApplicable: inputs.notApplicable } : {});
  };
}

/** The resolved inputs of `scoreScorecard` (for what-if): the same actuals `scoreParticipant` scores. */
export function scoreInputsOf(inputs: ParticipantInputs): ScoreInputs {
  return { actuals: resolveActuals(inputs.card, termsOf(inputs)), notApplicable: inputs.notApplicable };
}

/** The grade of the total that counts: the manager's adjusted total when there is one. */
export function finalGradeOf(card: Scorecard, total: number | null, adjustedTotal: number | null): string | null {
  const counted = adjustedTotal ?? total;
  if (counted === null || !card.grades || card.grades.length === 0) return null;
  return gradeFor(counted, card.grades);
}

