/**
 * What-if (假设分析): score a scorecard again with one actual or one target changed, and say
 * what changed and why — which tier or segment, cap or floor, veto or maximum total caused
 * it. Pure, so the web app and the API can call it without saving anything.
 */
import { describeEffect, describeLimit, describeMatch, describeStatus } from './describe.ts';
import { bilingual, type MessageCode, reason } from './messages.ts';
import { scoreScorecard } from './score.ts';
import type { IndicatorResult, MessageParam, MessageParams, Reason, RuleMatch, ScoreInputs, ScoreResult, Scorecard } from './types.ts';

export type WhatIfChange = { key: string; actual: number | null } | { key: string; target: number };

export type IndicatorDiff = {
  key: string;
  name: string;
  before: IndicatorResult;
  after: IndicatorResult;
  /** after.points − before.points, when both are known. */
  pointsDelta: number | null;
};

export type WhatIfResult = {
  change: WhatIfChange;
  before: ScoreResult;
  after: ScoreResult;
  /** The indicators whose result changed, in scorecard order. */
  indicators: IndicatorDiff[];
  totalDelta: number | null;
  /** What changed and why, in reading order: the input, each indicator's chain, then the scorecard. */
  causes: Reason[];
};

const none = bilingual('—', '—');
const value = (x: number | null): MessageParam => (x === null ? '—' : x);

function matchKey(match: RuleMatch | null): string {
  if (!match) return '';
  return match.kind === 'manual' ? 'manual' : JSON.stringify(match);
}

function indicatorCauses(b: IndicatorResult, a: IndicatorResult): Reason[] {
  const causes: Reason[] = [];
  const add = (code: MessageCode, params: MessageParams) => causes.push(reason(code, { indicator: a.name, ...params }));
  if (b.status !== a.status) add('whatif.status', { from: describeStatus(b.status), to: describeStatus(a.status) });
  if (b.achievement !== a.achievement && a.rule !== 'manual') add('whatif.achievement', { from: value(b.achievement), to: value(a.achievement) });
  if (matchKey(b.match) !== matchKey(a.match) && a.match && b.match) add('whatif.match', { from: describeMatch(b.match), to: describeMatch(a.match) });
  if (b.limit !== a.limit) {
    const limitValue = (r: IndicatorResult) => (r.limit ? r.multiplier : null);
    add('whatif.limit', { from: describeLimit(b.limit, limitValue(b)), to: describeLimit(a.limit, limitValue(a)) });
  }
  if (b.points !== a.points) add('whatif.points', { from: value(b.points), to: value(a.points) });
  return causes;
}

function vetoCauses(card: Scorecard, before: ScoreResult, after: ScoreResult): Reason[] {
  const causes: Reason[] = [];
  for (const indicator of card.indicators) {
    if (!indicator.veto) continue;
    const b = before.vetoes.find((v) => v.key === indicator.key);
    const a = after.vetoes.find((v) => v.key === indicator.key);
    const params = { indicator: indicator.name || indicator.key, effect: describeEffect(indicator.veto.effect) };
    if (!b && a) causes.push(reason('whatif.veto_on', params));
    else if (b && !a) causes.push(reason('whatif.veto_off', params));
    else if (a && b && a.bit !== b.bit) {
      const bite = a.bit ? bilingual('现在影响总分', 'now changes the total') : bilingual('不再影响总分', 'no longer changes the total');
      causes.push(reason('whatif.veto_bite', { ...params, bite }));
    }
  }
  return causes;
}

/**
 * Scores `card` with `inputs`, then again with one change, and explains the difference.
 * @example
 * const card = { indicators: [{ key: '销售额', weight: 100, target: 100, veto: { below: 0.8, effect: { multiply: 0.5 } } }] };
 * const r = whatIf(card, { actuals: { 销售额: 70 } }, { key: '销售额', actual: 85 });
 * r.ok && r.after.total // 85 (before: 70 × 0.5 = 35); r.causes includes 'whatif.veto_off'
 */
export function whatIf(card: Scorecard, inputs: ScoreInputs, change: WhatIfChange): ({ ok: true } & WhatIfResult) | { ok: false; reason: Reason } {
  const index = card.indicators.findIndex((i) => i.key === change.key);
  if (index < 0) return { ok: false, reason: reason('whatif.unknown_indicator', { key: change.key }) };
  const indicator = card.indicators[index];
  const label = indicator.name || indicator.key;
  const causes: Reason[] = [];

  let changedCard = card;
  let changedInputs = inputs;
  if ('target' in change) {
    const indicators = card.indicators.map((ind, i) => (i === index ? { ...ind, target: change.target } : ind));
    changedCard = { ...card, indicators };
    causes.push(reason('whatif.target', { indicator: label, from: value(indicator.target ?? null), to: change.target }));
  } else {
    changedInputs = { ...inputs, actuals: { ...inputs.actuals, [change.key]: change.actual } };
    causes.push(reason('whatif.actual', { indicator: label, from: value(actualOf(inputs, change.key)), to: value(change.actual) }));
  }

  const before = scoreScorecard(card, inputs);
  const after = scoreScorecard(changedCard, changedInputs);
  const indicators: IndicatorDiff[] = [];
  before.indicators.forEach((b, i) => {
    const a = after.indicators[i];
    const chain = indicatorCauses(b, a);
    if (chain.length === 0) return;
    causes.push(...chain);
    const pointsDelta = a.points !== null && b.points !== null ? a.points - b.points : null;
    indicators.push({ key: a.key, name: a.name, before: b, after: a, pointsDelta });
  });
  causes.push(...vetoCauses(card, before, after));
  if (before.maxTotal && after.maxTotal && before.maxTotal.bit !== after.maxTotal.bit) {
    const bite = after.maxTotal.bit ? bilingual('现在封顶总分', 'now caps the total') : bilingual('不再封顶总分', 'no longer caps the total');
    causes.push(reason('whatif.max_total', { maxTotal: after.maxTotal.value, bite }));
  }
  if (before.status !== after.status) causes.push(reason('whatif.scorecard_status', { from: describeStatus(before.status), to: describeStatus(after.status) }));
  if (before.subtotal !== after.subtotal) causes.push(reason('whatif.subtotal', { from: value(before.subtotal), to: value(after.subtotal) }));
  if (before.total !== after.total) causes.push(reason('whatif.total', { from: value(before.total), to: value(after.total) }));
  if (before.grade !== after.grade) causes.push(reason('whatif.grade', { from: before.grade ?? none, to: after.grade ?? none }));
  const scoresChanged =
    before.status !== after.status || before.total !== after.total || indicators.some((d) => d.before.points !== d.after.points || d.before.status !== d.after.status);
  if (!scoresChanged) causes.push(reason('whatif.no_change'));

  const totalDelta = after.total !== null && before.total !== null ? after.total - before.total : null;
  return { ok: true, change, before, after, indicators, totalDelta, causes };
}

function actualOf(inputs: ScoreInputs, key: string): number | null {
  const input = inputs.actuals[key];
  if (typeof input === 'number') return input;
  if (input && input.status === 'ok') return input.value;
  return null;
}
