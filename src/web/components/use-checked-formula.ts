import type { FormulaDiagnostic } from '../api.ts';
import { useFormulaCheck } from '../features/indicators/indicators-queries.ts';
import { useDebounced } from './use-debounced.ts';

/**
 * The server's check of the formula being typed (debounced), and what it says of the text shown:
 * the diagnostics belong to the text they were computed for, and only that text can be fixed in place.
 */
export function useCheckedFormula(ws: string, value: string, termNames: string[], hideUnused: boolean) {
  const formula = useDebounced(value, 250);
  const names = useDebounced(termNames, 250);
  const check = useFormulaCheck(ws, formula, names);
  const checked = value.trim() !== '' && check.data ? check.data : null;
  const current = checked !== null && checked.formula === value;
  const diagnostics: FormulaDiagnostic[] = checked?.result.diagnostics ?? [];
  return {
    /** The last answer and the formula it was for (null: none for a non-empty text yet). */
    checked,
    /** Whether the answer is for the text as it is now. */
    current,
    diagnostics,
    // a check that failed is not still coming: its error shows instead of "checking…"
    settling: value.trim() !== '' && !check.isError && (!current || check.isFetching),
    error: check.isError ? check.error : null,
    /** The answer says the text is correct. */
    ok: current && diagnostics.length === 0 && checked.result.ok,
    /** Names the formula uses that have no term yet. */
    missing: current ? checked.result.variables.filter((v) => !termNames.includes(v)) : [],
    /** Terms the formula does not use. */
    unused: current && !hideUnused ? checked.result.unusedTerms : [],
  };
}

export type CheckedFormula = ReturnType<typeof useCheckedFormula>;
