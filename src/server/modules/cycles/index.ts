/** The cycles module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { planCycleValues, refreshActualsFromData } from './actuals-from-data.ts';
export { assertCycleAllows } from './cycle-guard.ts';
export { participantScorer, scoreParticipant } from './participant-score.ts';
export { loadInputs, recomputeParticipants } from './recompute.ts';
export { enteredTerms, isRatedIndicator } from './results-common.ts';
