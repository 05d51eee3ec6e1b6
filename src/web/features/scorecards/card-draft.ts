/**
 * The editor's model of a template card: every field as the person types it (numbers may be
 * empty, ratios in %), keeping the values of the rule kinds not chosen so that switching back
 * and forth loses nothing. `toCard` turns it into the card the API checks and saves; `fromCard`
 * reads a saved one. Pure.
 */
import type { Indicator, TemplateCard } from '../../api.ts';
import { suggestedSourceOf } from '../../../core/indicators/builtin-sources.ts';
import type { IndicatorSourceKind } from '../../../core/scoring/provenance.ts';

export type Num = number | null;
export type RuleType = 'proportional' | 'tiers' | 'linear' | 'manual';
export const RULE_TYPES: readonly RuleType[] = ['proportional', 'tiers', 'linear', 'manual'];
export type TierDraft = { uid: string; bound: 'atLeast' | 'above'; threshold: Num; multiplier: Num };
export type PointDraft = { uid: string; r: Num; m: Num };
export type VetoEffectKind = 'zero' | 'multiply' | 'capTotal';

export type IndicatorDraft = {
  uid: string;
  key: string;
  name: string;
  purpose: string;
  unit: string;
  direction: 'higher' | 'lower';
  achievement: 'mirror' | 'inverse';
  formula: string;
  weight: Num;
  target: Num;
  ruleType: RuleType;
  /** Thresholds in % of the target (80 = r ≥ 0.8). */
  tiers: TierDraft[];
  below: 'proportional' | 'zero';
  /** r in %, m as a multiplier. */
  points: PointDraft[];
  scale: [Num, Num];
  mapTo: [Num, Num];
  cap: Num;
  floor: Num;
  vetoOn: boolean;
  /** In % of the target. */
  vetoBelow: Num;
  vetoEffect: VetoEffectKind;
  vetoK: Num;
  vetoCap: Num;
  /** Where it comes from (出处): a goal source kind, and which one in words. */
  sourceKind: IndicatorSourceKind | null;
  /** The kind is the built-in library's suggestion, not yet confirmed (not part of the card). */
  sourceSuggested: boolean;
  sourceReference: string;
  /** Who supplies the actual: a position or a person, by name. */
  ownerKind: 'position' | 'person';
  ownerName: string;
};

export type GradeDraft = { uid: string; min: Num; grade: string };
export type CardDraft = { indicators: IndicatorDraft[]; grades: GradeDraft[]; maxTotal: Num };

let counter = 0;
/** An InputNumber's value as a draft number: anything not a finite number is "empty". */
export const toNum = (v: number | string | null): Num => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const newUid = () => `u${++counter}`;

/** x / 100 and x × 100 without binary noise (80 → 0.8, not 0.8000000000000002). */
export const fromPct = (v: number) => Number((v / 100).toPrecision(12));
export const toPct = (v: number) => Number((v * 100).toPrecision(12));

export function emptyIndicator(overrides: Partial<IndicatorDraft> = {}): IndicatorDraft {
  return {
    uid: newUid(),
    key: '',
    name: '',
    purpose: '',
    unit: '',
    direction: 'higher',
    achievement: 'mirror',
    formula: '',
    weight: null,
    target: null,
    ruleType: 'proportional',
    tiers: [
      { uid: newUid(), bound: 'atLeast', threshold: 80, multiplier: 1 },
      { uid: newUid(), bound: 'atLeast', threshold: 100, multiplier: 1.2 },
    ],
    below: 'proportional',
    points: [
      { uid: newUid(), r: 60, m: 0 },
      { uid: newUid(), r: 100, m: 1 },
      { uid: newUid(), r: 120, m: 1.2 },
    ],
    scale: [1, 5],
    mapTo: [0.2, 1],
    cap: null,
    floor: null,
    vetoOn: false,
    vetoBelow: 60,
    vetoEffect: 'zero',
    vetoK: 0.5,
    vetoCap: 60,
    sourceKind: null,
    sourceSuggested: false,
    sourceReference: '',
    ownerKind: 'position',
    ownerName: '',
    ...overrides,
  };
}

export const emptyDraft = (): CardDraft => ({ indicators: [], grades: defaultGrades(), maxTotal: null });

export function defaultGrades(): GradeDraft[] {
  return [
    { min: 90, grade: 'S' },
    { min: 80, grade: 'A' },
    { min: 70, grade: 'B' },
    { min: 60, grade: 'C' },
    { min: 0, grade: 'D' },
  ].map((g) => ({ ...g, uid: newUid() }));
}

type CardIndicator = TemplateCard['indicators'][number];

export function fromCard(card: TemplateCard): CardDraft {
  return {
    indicators: card.indicators.map(fromCardIndicator),
    grades: (card.grades ?? []).map((g) => ({ uid: newUid(), min: g.min, grade: g.grade })),
    maxTotal: card.maxTotal ?? null,
  };
}

function fromCardIndicator(i: CardIndicator): IndicatorDraft {
  const d = emptyIndicator({
    key: i.key,
    name: i.name,
    purpose: i.purpose ?? '',
    unit: i.unit ?? '',
    direction: i.direction,
    achievement: i.achievement ?? 'mirror',
    formula: i.formula ?? '',
    weight: i.weight,
    target: i.target ?? null,
    ruleType: i.rule.type,
    cap: i.cap ?? null,
    floor: i.floor ?? null,
    sourceKind: i.source?.kind ?? null,
    sourceReference: i.source?.reference ?? '',
    ownerKind: i.dataOwner?.kind ?? 'position',
    ownerName: i.dataOwner?.name ?? '',
  });
  const rule = i.rule;
  if (rule.type === 'tiers') {
    d.tiers = rule.tiers.map((tier) => ({
      uid: newUid(),
      bound: tier.above !== undefined ? 'above' : 'atLeast',
      threshold: toPct(tier.above ?? tier.atLeast ?? 0),
      multiplier: tier.multiplier,
    }));
    d.below = rule.below ?? 'proportional';
  } else if (rule.type === 'linear') {
    d.points = rule.points.map(([r, m]) => ({ uid: newUid(), r: toPct(r), m }));
  } else if (rule.type === 'manual') {
    if (rule.scale) d.scale = [...rule.scale];
    if (rule.mapTo) d.mapTo = [...rule.mapTo];
  }
  if (i.veto) {
    d.vetoOn = true;
    d.vetoBelow = toPct(i.veto.below);
    const effect = i.veto.effect;
    if (effect === 'zero') d.vetoEffect = 'zero';
    else if ('multiply' in effect) {
      d.vetoEffect = 'multiply';
      d.vetoK = effect.multiply;
    } else {
      d.vetoEffect = 'capTotal';
      d.vetoCap = effect.capTotal;
    }
  }
  return d;
}

/** A number, or undefined for an empty field (the API then says which field is required). */
const num = (v: Num) => (v === null ? undefined : v);
const pct = (v: Num) => (v === null ? undefined : fromPct(v));

/** The source as the card writes it; a reference typed without a kind is kept, so the check says the kind is missing. */
function sourceOf(d: IndicatorDraft): Partial<CardIndicator['source']> | undefined {
  const reference = d.sourceReference.trim();
  if (!d.sourceKind && !reference) return undefined;
  return { ...(d.sourceKind ? { kind: d.sourceKind } : {}), ...(reference ? { reference } : {}) };
}

/** The card to check or save. Empty required numbers stay undefined, so the API locates them. */
export function toCard(draft: CardDraft): TemplateCard {
  const indicators = draft.indicators.map((d): CardIndicator => {
    const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
    const rule: CardIndicator['rule'] =
      d.ruleType === 'tiers'
        ? {
            type: 'tiers',
            tiers: d.tiers.map((tier) => ({ [tier.bound]: pct(tier.threshold), multiplier: num(tier.multiplier) }) as { atLeast?: number; above?: number; multiplier: number }),
            below: d.below,
          }
        : d.ruleType === 'linear'
          ? { type: 'linear', points: d.points.map((p) => [pct(p.r), num(p.m)] as [number, number]) }
          : d.ruleType === 'manual'
            ? { type: 'manual', scale: [num(d.scale[0]), num(d.scale[1])] as [number, number], mapTo: [num(d.mapTo[0]), num(d.mapTo[1])] as [number, number] }
            : { type: 'proportional' };
    const veto: CardIndicator['veto'] = d.vetoOn
      ? {
          below: pct(d.vetoBelow) as number,
          effect: d.vetoEffect === 'zero' ? 'zero' : d.vetoEffect === 'multiply' ? { multiply: num(d.vetoK) as number } : { capTotal: num(d.vetoCap) as number },
        }
      : undefined;
    const out: Record<string, unknown> = {
      key: d.key.trim(),
      name: d.name.trim(),
      purpose: text(d.purpose),
      unit: text(d.unit),
      direction: d.direction,
      achievement: d.direction === 'lower' ? d.achievement : undefined,
      formula: text(d.formula),
      weight: num(d.weight),
      target: d.ruleType === 'manual' ? undefined : num(d.target),
      rule,
      cap: num(d.cap),
      floor: num(d.floor),
      veto,
      source: sourceOf(d),
      dataOwner: text(d.ownerName) ? { kind: d.ownerKind, name: d.ownerName.trim() } : undefined,
    };
    for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
    return out as CardIndicator;
  });
  const card: TemplateCard = { indicators };
  if (draft.grades.length > 0) card.grades = draft.grades.map((g) => ({ min: num(g.min) as number, grade: g.grade.trim() }));
  if (draft.maxTotal !== null) card.maxTotal = draft.maxTotal;
  return card;
}

/** Σ weights, exact to 1e-9 for decimal weights (12.5 + 33.3 …). */
export function weightSum(draft: CardDraft): number {
  return Number(draft.indicators.reduce((s, i) => s + (i.weight ?? 0), 0).toFixed(9));
}

/** A key not used on the card yet: `base`, `base 2`, `base 3` … */
export function freeKey(base: string, used: readonly string[]): string {
  const taken = new Set(used);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/**
 * An indicator of the workspace library as a card line: its name as the key (the term itself
 * when it has no formula, since the actual is then read from the term named by the key), and
 * the source the built-in library suggests for it, for the author to confirm and name.
 */
export function fromLibrary(indicator: Indicator, usedKeys: readonly string[]): IndicatorDraft {
  const base = indicator.formula ? indicator.name : (indicator.terms[0]?.name ?? indicator.name);
  const suggested = suggestedSourceOf(indicator.sourceBuiltinKey ?? indicator.key);
  return emptyIndicator({
    key: freeKey(base, usedKeys),
    name: indicator.name,
    purpose: indicator.purpose,
    unit: indicator.unit,
    direction: indicator.direction,
    formula: indicator.formula ?? '',
    sourceKind: suggested,
    sourceSuggested: suggested !== null,
  });
}

/** The card's JSON, to compare a draft with what was saved (unsaved-changes guard). */
export const cardFingerprint = (draft: CardDraft) => JSON.stringify(toCard(draft));
