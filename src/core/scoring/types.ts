/**
 * The scoring model (domain.md §3): a scorecard of indicator assignments, the inputs of one
 * period, and the explainable result. Plain data, no behaviour; the interchange format
 * `kedu.scorecard/v1` (src/contracts/scorecard.ts) parses into these types.
 */

import type { GoalSource } from '../goals/types.ts';

/** A text in both languages of the product. */
export type LocalizedText = { 'zh-CN': string; en: string };

/** A message parameter: numbers are formatted by the message table, texts chosen by language. */
export type MessageParam = string | number | LocalizedText;
export type MessageParams = Record<string, MessageParam>;

/** A coded, rendered message: `code` + `params` for machines, `message` for people. */
export type Reason = { code: string; params: MessageParams; message: LocalizedText };

export type Direction = 'higher' | 'lower';
export type AchievementMode = 'mirror' | 'inverse';

/** One threshold of a tiers rule: exactly one of `atLeast` (r ≥ x) or `above` (r > x). */
export type Tier = { atLeast?: number; above?: number; multiplier: number };

export type Rule =
  | { type: 'proportional' }
  | { type: 'tiers'; tiers: Tier[]; below?: 'proportional' | 'zero' }
  | { type: 'linear'; points: [number, number][] }
  | { type: 'manual'; scale?: [number, number]; mapTo?: [number, number] };

export type VetoEffect = 'zero' | { multiply: number } | { capTotal: number };
/** Veto (否决指标): when the indicator's achievement r < `below`, `effect` applies to the total. */
export type Veto = { below: number; effect: VetoEffect };

/**
 * Where an indicator comes from (出处): one of the goal source kinds (parent goal, strategy,
 * annual plan, budget, job duties, business process) and, in words, which one exactly.
 */
export type IndicatorSource = { kind: GoalSource; reference?: string };

/** Who supplies the actual (数据提供人): a position or a person, by name (a card travels between workspaces). */
export type DataOwner = { kind: 'position' | 'person'; name: string };

/** An indicator assignment on a scorecard. */
export type Indicator = {
  key: string;
  name?: string;
  purpose?: string;
  unit?: string;
  /** Default `higher`. */
  direction?: Direction;
  /** Lower-is-better only; default `mirror` (2 − actual/target). */
  achievement?: AchievementMode;
  /** Over named terms; default: the term named by `key` (see actuals.ts). */
  formula?: string;
  weight: number;
  /** Required (non-zero, positive) except for `manual` rules, which have none. */
  target?: number;
  /** Default `proportional`. */
  rule?: Rule;
  cap?: number;
  /** Default 0. */
  floor?: number;
  veto?: Veto;
  /** Where it comes from; missing draws the design warning `design.no_source`. */
  source?: IndicatorSource;
  /** Who supplies the actual; missing draws `design.no_data_owner` (not for manual ratings). */
  dataOwner?: DataOwner;
};

/** Grade band: the highest band whose `min` ≤ total applies. */
export type GradeBand = { min: number; grade: string };

export type Scorecard = {
  name?: string;
  period?: string;
  indicators: Indicator[];
  grades?: GradeBand[];
  maxTotal?: number;
};

/** An indicator's actual after its formula was evaluated (see actuals.ts). */
export type ResolvedActual =
  | { status: 'ok'; value: number; formula?: string; terms?: Record<string, number> }
  | { status: 'missing'; reason: Reason; formula?: string; missingTerms?: string[] }
  | { status: 'not_computable'; reason: Reason; formula?: string; terms?: Record<string, number> }
  | { status: 'error'; reason: Reason; formula?: string };

/** An actual as given to the scorer: a number (for `manual` rules: the rating), nothing yet, or resolved. */
export type ActualInput = number | null | undefined | ResolvedActual;

export type ScoreInputs = {
  /** By indicator key. */
  actuals: Record<string, ActualInput>;
  /** Keys of the assignments that are not applicable (不适用) this period. */
  notApplicable?: readonly string[];
};

/** Which part of the rule produced the multiplier. */
export type RuleMatch =
  | { kind: 'proportional' }
  | { kind: 'tier'; index: number; bound: 'atLeast' | 'above'; threshold: number; multiplier: number }
  | { kind: 'below_tiers'; below: 'proportional' | 'zero'; firstThreshold: number }
  | { kind: 'segment'; index: number; from: [number, number]; to: [number, number] }
  | { kind: 'point'; index: number; point: [number, number] }
  | { kind: 'before_first'; point: [number, number] }
  | { kind: 'after_last'; point: [number, number] }
  | { kind: 'manual'; rating: number; scale: [number, number]; mapTo: [number, number] };

export type IndicatorStatus = 'scored' | 'not_applicable' | 'incomplete' | 'error';

export type IndicatorResult = {
  key: string;
  name: string;
  status: IndicatorStatus;
  notApplicable: boolean;
  direction: Direction;
  achievementMode: AchievementMode | null;
  actual: number | null;
  /** Formula and term values the actual came from, when it was computed. */
  formula: string | null;
  terms: Record<string, number> | null;
  target: number | null;
  /** r; for `manual` rules the rating mapped onto [mMin, mMax]. */
  achievement: number | null;
  rule: Rule['type'];
  match: RuleMatch | null;
  /** m before cap and floor. */
  multiplierRaw: number | null;
  /** m after cap and floor. */
  multiplier: number | null;
  /** Which limit changed m, if any. */
  limit: 'cap' | 'floor' | null;
  weight: number;
  /** Weight after not-applicable scaling (0 when not applicable). */
  effectiveWeight: number;
  points: number | null;
  vetoTriggered: boolean;
  /** Why the indicator is incomplete or in error. */
  reason: Reason | null;
};

export type VetoOutcome = {
  key: string;
  threshold: number;
  achievement: number;
  effect: VetoEffect;
  /** False for a `capTotal` above the total it would cap, or a cap lower than another cap. */
  bit: boolean;
};

export type ScoreStatus = 'complete' | 'incomplete' | 'invalid';

export type ScoreResult = {
  status: ScoreStatus;
  indicators: IndicatorResult[];
  /** S = Σ points; null unless complete. */
  subtotal: number | null;
  /** Vetoes triggered, in scorecard order. */
  vetoes: VetoOutcome[];
  /** Total after vetoes, before maxTotal. */
  totalAfterVetoes: number | null;
  maxTotal: { value: number; bit: boolean } | null;
  /** Full precision; present with 2 decimals. */
  total: number | null;
  grade: string | null;
  /** Why the scorecard is invalid or incomplete (one reason per indicator or rule broken). */
  issues: Reason[];
};
