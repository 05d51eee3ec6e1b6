import type { Indicator } from '../../api.ts';
import type { CreateIndicatorBody } from './indicators-api.ts';

/** A term of the form: its name, its 口径 (definition) and how it rolls up. */
export type Term = { name: string; definition: string; rollUp: Indicator['terms'][number]['rollUp'] };

/** The indicator form's values. */
export type IndicatorValues = {
  name: string;
  nameEn?: string;
  purpose: string;
  perspective?: Indicator['perspective'];
  kind: Indicator['kind'];
  nature: Indicator['nature'];
  unit?: string;
  direction: Indicator['direction'];
  formula?: string;
  terms: Term[];
  period: Indicator['period'];
  rollUp: Indicator['rollUp'];
};

export const emptyTerm = (name = ''): Term => ({ name, definition: '', rollUp: 'sum' });

/** The form's values for an indicator, or the defaults of a new one. */
export function initialValues(indicator: Indicator | null): Partial<IndicatorValues> {
  if (!indicator) {
    return { kind: 'result', nature: 'management', direction: 'higher', period: 'month', rollUp: 'recompute', unit: '', formula: '', terms: [emptyTerm()] };
  }
  return {
    name: indicator.name,
    nameEn: indicator.nameEn ?? '',
    purpose: indicator.purpose,
    perspective: indicator.perspective,
    kind: indicator.kind,
    nature: indicator.nature,
    unit: indicator.unit,
    direction: indicator.direction,
    formula: indicator.formula ?? '',
    terms: indicator.terms.map((term) => ({ ...term })),
    period: indicator.period,
    rollUp: indicator.rollUp,
  };
}

/**
 * What is sent for the form's values. A new indicator leaves out an empty English name; an edited
 * one sends it as null, which clears it.
 */
export function indicatorBody(values: IndicatorValues, editing: boolean): CreateIndicatorBody {
  const formula = values.formula?.trim() ? values.formula.trim() : null;
  const nameEn = values.nameEn?.trim() ? values.nameEn.trim() : null;
  const body = {
    name: values.name,
    purpose: values.purpose,
    perspective: values.perspective as Indicator['perspective'],
    kind: values.kind,
    nature: values.nature,
    unit: values.unit ?? '',
    direction: values.direction,
    formula,
    terms: (values.terms ?? []).map((term) => ({ name: term.name ?? '', definition: term.definition ?? '', rollUp: term.rollUp ?? 'sum' })),
    period: values.period,
    rollUp: values.rollUp,
  };
  return editing ? { ...body, nameEn } : { ...body, ...(nameEn ? { nameEn } : {}) };
}
