/**
 * Vetoes (否决指标, domain.md §3 step 6): with several triggered, `zero` wins; otherwise the
 * factors multiply first and then the lowest total cap applies:
 * total = min(S × Π k, lowest X).
 */
import { compareCodePoints, reaches } from './arith.ts';
import type { Veto, VetoEffect, VetoOutcome } from './types.ts';

export type TriggeredVeto = { key: string; threshold: number; achievement: number; effect: VetoEffect };

/**
 * Whether a veto triggers: r < threshold (a ratio equal to the threshold does not trigger).
 * @example isVetoTriggered({ below: 0.8, effect: 'zero' }, 0.7) // true
 */
export function isVetoTriggered(veto: Veto, r: number): boolean {
  return !reaches(r, veto.below);
}

/**
 * Applies triggered vetoes to a subtotal; says for each whether it changed the total.
 * @example applyVetoes(80, [{ key: '销售额', threshold: 0.8, achievement: 0.7, effect: { multiply: 0.5 } }]).total // 40
 */
export function applyVetoes(subtotal: number, triggered: readonly TriggeredVeto[]): { total: number; outcomes: VetoOutcome[] } {
  if (triggered.length === 0) return { total: subtotal, outcomes: [] };
  return settleVetoes(
    subtotal,
    triggered.map((t) => ({ ...t, bit: false })),
  );
}

/**
 * `applyVetoes` on outcomes already made (`bit` false), which it fills in: for a caller that
 * builds them itself.
 */
export function settleVetoes(subtotal: number, outcomes: VetoOutcome[]): { total: number; outcomes: VetoOutcome[] } {
  let zero = false;
  for (const o of outcomes) if (o.effect === 'zero') zero = true;
  if (zero) {
    for (const o of outcomes) o.bit = o.effect === 'zero';
    return { total: 0, outcomes };
  }
  // multiply in a canonical order so the total does not depend on the order of indicators
  const factors: (VetoOutcome & { effect: { multiply: number } })[] = [];
  for (const o of outcomes) if (typeof o.effect === 'object' && 'multiply' in o.effect) factors.push(o as VetoOutcome & { effect: { multiply: number } });
  if (factors.length > 1) factors.sort((a, b) => compareCodePoints(a.key, b.key));
  let total = subtotal;
  for (const o of factors) {
    total *= o.effect.multiply;
    o.bit = o.effect.multiply !== 1;
  }
  let lowest: (VetoOutcome & { effect: { capTotal: number } }) | null = null;
  for (const o of outcomes) {
    if (typeof o.effect === 'object' && 'capTotal' in o.effect && (!lowest || o.effect.capTotal < lowest.effect.capTotal)) {
      lowest = o as VetoOutcome & { effect: { capTotal: number } };
    }
  }
  if (lowest && lowest.effect.capTotal < total) {
    total = lowest.effect.capTotal;
    lowest.bit = true;
  }
  return { total, outcomes };
}
