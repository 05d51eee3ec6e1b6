/**
 * The scoring engine (domain.md §3; user's guide: docs/scoring.md): pure functions from a
 * scorecard and a period's actuals to an explainable result.
 */
export { type ResolveOptions, type TermValues, resolveActual, resolveActuals, scoreWithTerms } from './actuals.ts';
export { exactSum, formatNumber, formatPercent, THRESHOLD_TOLERANCE, TOTAL_TOLERANCE } from './arith.ts';
export { describeEffect, describeLimit, describeMatch, describeStatus } from './describe.ts';
export { checkScorecardDesign, type DesignIssue, type DesignSeverity, DOMINANT_SHARE, MAX_INDICATORS } from './design.ts';
export { checkForcedDistribution, type DistributionLimit, type DistributionViolation, type GradedMember, gradeFor } from './grades.ts';
export { type MessageCode, messageCodes, reason, renderMessage } from './messages.ts';
export { DATA_OWNER_KINDS, describeDataOwner, describeSource, hasDataOwner, hasSource, INDICATOR_SOURCE_KINDS, type IndicatorSourceKind, SOURCE_KIND_LABELS } from './provenance.ts';
export { applyLimits, computeAchievement, DEFAULT_MAP_TO, DEFAULT_SCALE, evaluateLinear, evaluateRule, evaluateTiers, mapRating } from './rules.ts';
export { withTargets } from './targets.ts';
export { effectiveWeights, scoreIndicator, scoreScorecard } from './score.ts';
export type * from './types.ts';
export { formatIssuePath, type IssuePath, type ValidateOptions, type ValidationIssue, validateScorecard } from './validate.ts';
export { applyVetoes, isVetoTriggered, type TriggeredVeto } from './veto.ts';
export { type IndicatorDiff, type WhatIfChange, type WhatIfResult, whatIf } from './what-if.ts';
