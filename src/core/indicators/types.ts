/**
 * The vocabulary of an indicator definition (domain.md §2), shared by the built-in library,
 * the API contracts and the database. Pure types and constant lists, no I/O.
 */

/** A text in every language of the product. */
export type LocalizedText = { 'zh-CN': string; en: string };

/** Balanced-scorecard perspective: 财务 / 客户 / 内部运营 / 学习与成长. */
export const PERSPECTIVES = ['finance', 'customer', 'internal', 'learning'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** 结果指标 (result) or 过程指标 (process). */
export const KINDS = ['result', 'process'] as const;
export type IndicatorKind = (typeof KINDS)[number];

/** 财务类 (financial) or 管理类 (management). */
export const NATURES = ['financial', 'management'] as const;
export type IndicatorNature = (typeof NATURES)[number];

/** 正向 (higher-is-better) or 反向 (lower-is-better). */
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * How an indicator's value over a longer period follows from its values over shorter ones:
 * - `sum` / `average` / `last` — of the indicator's own period values (counts, stocks);
 * - `recompute` — roll each term up by its own `rollUp`, then evaluate the formula again.
 *   Ratios use it: a quarter's 转化率 is Σ下单用户数 / Σ访问用户数, never the average of
 *   three monthly rates (which would weigh a quiet month like a busy one).
 */
export const ROLL_UPS = ['sum', 'average', 'last', 'recompute'] as const;
export type RollUp = (typeof ROLL_UPS)[number];

/**
 * How one term rolls up when the indicator is recomputed: flows are summed, opening
 * balances take the first period's value, closing balances (stocks) the last one.
 */
export const TERM_ROLL_UPS = ['sum', 'average', 'first', 'last'] as const;
export type TermRollUp = (typeof TERM_ROLL_UPS)[number];

export const INDICATOR_STATUSES = ['active', 'archived'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
