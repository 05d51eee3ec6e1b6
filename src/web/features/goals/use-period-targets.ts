import type { FormInstance } from 'antd';
import { useRef } from 'react';
import type { Indicator } from '../../api.ts';
import { type DefaultsBasis, followTarget, type GoalValues } from './goal-form.ts';
import type { Goal } from './goals-api.ts';

const FOLLOWED: (keyof GoalValues)[] = ['target', 'indicatorId', 'recurrence', 'startsOn', 'deadline', 'phaseId'];

/**
 * The goal form's period targets: whether the indicator is counted up (roll-up sum: a period
 * the span cuts short takes a share of the target), and `follow`, which after a change of the
 * target, the indicator, the recurrence or the span gives every period still showing its default
 * the new one — also the periods a longer span or another recurrence brings.
 */
export function usePeriodTargets(form: FormInstance<GoalValues>, goal: Goal | null, indicators: Indicator[] | undefined, initial: GoalValues, indicatorId: string | null | undefined) {
  // until the library has loaded, an edited goal's own indicator says how it adds up
  const additiveOf = (id: string | null | undefined) => (indicators?.find((i) => i.id === id)?.rollUp ?? (goal && goal.indicator.id === id ? goal.indicator.rollUp : null)) === 'sum';
  // what the defaults were last computed from
  const basis = useRef<DefaultsBasis>({ target: initial.target, additive: goal?.indicator.rollUp === 'sum', recurrence: initial.recurrence });
  const follow = (changed: Partial<GoalValues>) => {
    if (!FOLLOWED.some((k) => k in changed)) return;
    const all = form.getFieldsValue(true) as GoalValues;
    const next = { target: all.target, additive: additiveOf(all.indicatorId), recurrence: all.recurrence };
    form.setFieldValue('periodTargets', followTarget(all, basis.current, next.additive));
    basis.current = next;
  };
  return { additive: additiveOf(indicatorId), follow };
}
