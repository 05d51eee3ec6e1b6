/** The cycles module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { planCycleValues, refreshActualsFromData } from './actuals/actuals-from-data.ts';
export { assertCycleAllows } from './lifecycle/cycle-guard.ts';
export { participantScorer, scoreParticipant } from './results/participant-score.ts';
export { loadInputs, recomputeParticipants } from './lifecycle/recompute.ts';
export { enteredTerms, isRatedIndicator } from './results/results-common.ts';
