/** The problems the server finds in a metric (from the builder's preview or its save), put where the admin sees them. */
import type { FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { type ErrorDetail, isApiError } from '../../api.ts';
import { placeNestedDetails } from '../../components/form-utils.ts';
import type { FormulaRange } from '../../components/FormulaEditor.tsx';

type Path = (string | number)[];

/**
 * Puts located server problems (['body', 'spec', 'filters', 0, 'values']…) on the builder's fields,
 * clearing the ones placed before; returns those that fit none (the whole `spec` is no field to mark).
 */
function placeErrors(form: FormInstance, details: ErrorDetail[], placed: { current: Path[] }): ErrorDetail[] {
  const result = placeNestedDetails(form, details, { previous: placed.current, accept: (name) => !(name.length === 1 && name[0] === 'spec') });
  placed.current = result.placed;
  return result.unplaced;
}

const rangesOf = (details: ErrorDetail[]): FormulaRange[] =>
  details
    .filter((d) => d.path?.includes('expression') && d.start !== undefined && d.end !== undefined)
    .map((d) => ({ start: d.start ?? 0, end: d.end ?? 0, severity: 'error' as const, message: d.message }));

/**
 * The builder's problems: on its fields, underlined in the expression (`ranges`), or listed
 * (`unplaced`, those that fit no field). The preview's are placed each time a preview answers,
 * unless a save is under way; a failed save's by `showSaveError`.
 */
export function useMetricErrors(form: FormInstance, previewError: Error | null, previewUpdatedAt: number, saving: boolean) {
  const placed = useRef<Path[]>([]);
  const [ranges, setRanges] = useState<FormulaRange[]>([]);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: placed again when a preview answers (dataUpdatedAt), not when the form or the save's state changes
  useEffect(() => {
    if (saving) return;
    const details = isApiError(previewError) ? previewError.details.filter((d) => !(d.path?.includes('definition') || d.path?.[1] === 'name')) : [];
    // the formula editor lists the expression's problems itself: only underline them
    const left = placeErrors(form, details.filter((d) => !d.path?.includes('expression')), placed);
    setRanges(rangesOf(details));
    setUnplaced(left.map((d) => d.message));
  }, [previewError, previewUpdatedAt]);

  const showSaveError = (e: Error) => {
    if (!isApiError(e)) return;
    const left = placeErrors(form, e.details, placed);
    setRanges(rangesOf(e.details));
    setUnplaced(left.map((d) => d.message).filter((m) => m !== e.message));
  };

  return { ranges, clearRanges: () => setRanges([]), unplaced, showSaveError };
}
