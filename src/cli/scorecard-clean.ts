/**
 * The fast path of `kedu score`: a hand-written check of the shape of src/contracts/scorecard.ts,
 * so that a clean scorecard file is read without loading zod (0.08–0.18 s here, a third of the
 * whole run of `kedu score` on 10,000 people). It may only say yes where the schema does, and
 * scorecard-clean.test.ts holds the two in step (every field known, random changes agreed on).
 * Deriving it from docs/kedu.scorecard.v1.schema.json at build time was weighed and not done:
 * it needs a JSON Schema validator (ajv, not a dependency of ours) and one more build step;
 * ajv counts string lengths in code points where zod counts UTF-16 units; and the engine's own
 * rules (validateScorecard) still run after the shape, as the schema's refinement does.
 */
import type { ScorecardFile } from '../contracts/scorecard.ts';
import { DATA_OWNER_KINDS, DATA_OWNER_NAME_MAX, INDICATOR_SOURCE_KINDS, SOURCE_REFERENCE_MAX } from '../core/scoring/provenance.ts';
import type { Scorecard } from '../core/scoring/types.ts';
import { validateScorecard } from '../core/scoring/validate.ts';

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
/** Exactly these keys: the required ones, and perhaps the optional ones. */
const hasKeys = (o: Fields, required: readonly string[], optional: readonly string[] = []): boolean =>
  Object.keys(o).every((k) => required.includes(k) || optional.includes(k)) && required.every((k) => Object.hasOwn(o, k));
/** An optional field: absent, or present and right. */
const optional = (o: Fields, key: string, check: (v: unknown) => boolean): boolean => !Object.hasOwn(o, key) || check(o[key]);
const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isText = (min: number, max: number) => (v: unknown): boolean => typeof v === 'string' && v.length >= min && v.length <= max;
const isOneOf = (...values: string[]) => (v: unknown): boolean => typeof v === 'string' && values.includes(v);
/** An array as JSON makes it (no holes, no other keys), of `min` to `max` items. */
const isList = (v: unknown, min: number, max: number, item: (v: unknown) => boolean): boolean =>
  Array.isArray(v) && v.length >= min && v.length <= max && Object.keys(v).length === v.length && v.every(item);
const isPair = (v: unknown): boolean => isList(v, 2, 2, isNumber);

function isCleanRule(rule: unknown): boolean {
  if (!isFields(rule)) return false;
  switch (rule.type) {
    case 'proportional':
      return hasKeys(rule, ['type']);
    case 'tiers':
      return (
        hasKeys(rule, ['type', 'tiers'], ['below']) &&
        isList(rule.tiers, 1, Infinity, (t) => isFields(t) && hasKeys(t, ['multiplier'], ['atLeast', 'above']) && isNumber(t.multiplier) && optional(t, 'atLeast', isNumber) && optional(t, 'above', isNumber)) &&
        optional(rule, 'below', isOneOf('proportional', 'zero'))
      );
    case 'linear':
      return hasKeys(rule, ['type', 'points']) && isList(rule.points, 2, Infinity, isPair);
    case 'manual':
      return hasKeys(rule, ['type'], ['scale', 'mapTo']) && optional(rule, 'scale', isPair) && optional(rule, 'mapTo', isPair);
    default:
      return false;
  }
}

function isCleanVeto(veto: unknown): boolean {
  if (!isFields(veto) || !hasKeys(veto, ['below', 'effect']) || !isNumber(veto.below)) return false;
  const effect = veto.effect;
  return effect === 'zero' || (isFields(effect) && ((hasKeys(effect, ['multiply']) && isNumber(effect.multiply)) || (hasKeys(effect, ['capTotal']) && isNumber(effect.capTotal))));
}

const isCleanSource = (v: unknown): boolean =>
  isFields(v) && hasKeys(v, ['kind'], ['reference']) && isOneOf(...INDICATOR_SOURCE_KINDS)(v.kind) && optional(v, 'reference', isText(0, SOURCE_REFERENCE_MAX));
const isCleanDataOwner = (v: unknown): boolean => isFields(v) && hasKeys(v, ['kind', 'name']) && isOneOf(...DATA_OWNER_KINDS)(v.kind) && isText(1, DATA_OWNER_NAME_MAX)(v.name);

function isCleanIndicator(i: unknown): boolean {
  return (
    isFields(i) &&
    hasKeys(i, ['key', 'name', 'direction', 'weight', 'rule'], ['purpose', 'unit', 'achievement', 'formula', 'target', 'cap', 'floor', 'veto', 'source', 'dataOwner']) &&
    isText(1, 100)(i.key) &&
    isText(1, 200)(i.name) &&
    optional(i, 'purpose', isText(0, 2000)) &&
    optional(i, 'unit', isText(0, 20)) &&
    isOneOf('higher', 'lower')(i.direction) &&
    optional(i, 'achievement', isOneOf('mirror', 'inverse')) &&
    optional(i, 'formula', isText(1, 2000)) &&
    isNumber(i.weight) &&
    optional(i, 'target', isNumber) &&
    isCleanRule(i.rule) &&
    optional(i, 'cap', isNumber) &&
    optional(i, 'floor', isNumber) &&
    optional(i, 'veto', isCleanVeto) &&
    optional(i, 'source', isCleanSource) &&
    optional(i, 'dataOwner', isCleanDataOwner)
  );
}

/**
 * Whether parseScorecardFile (src/contracts/scorecard.ts) surely accepts `json` as it is: the
 * schema's fields checked by hand, then the engine's rules. Such a file, the usual case, is
 * read without loading zod; any other, including every file with a problem, goes through
 * parseScorecardFile, which words the problems. Only ever says yes when the schema does
 * (scorecard-clean.test.ts keeps the two in step).
 */
export function isCleanScorecardFile(json: unknown): json is ScorecardFile {
  return (
    isFields(json) &&
    hasKeys(json, ['format', 'name', 'indicators'], ['period', 'grades', 'maxTotal']) &&
    json.format === 'kedu.scorecard/v1' &&
    isText(1, 200)(json.name) &&
    optional(json, 'period', isText(0, 50)) &&
    isList(json.indicators, 1, 100, isCleanIndicator) &&
    optional(json, 'grades', (g) => isList(g, 0, Infinity, (b) => isFields(b) && hasKeys(b, ['min', 'grade']) && isNumber(b.min) && isText(1, 20)(b.grade))) &&
    optional(json, 'maxTotal', isNumber) &&
    validateScorecard(json as Scorecard).length === 0
  );
}
