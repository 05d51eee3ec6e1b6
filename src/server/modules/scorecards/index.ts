/** The scorecards module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { type PersonScorecard, resolveScorecardsForPeriod } from './resolve.ts';
