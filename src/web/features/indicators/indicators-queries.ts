import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormulaCheck, Indicator, IndicatorsQuery, LibraryIndicator } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';
import { type CreateIndicatorBody, indicatorsApi, type LibraryQuery, type UpdateIndicatorBody } from './indicators-api.ts';

const indicatorsKey = (ws: string) => [...wsKey(ws), 'indicators'] as const;

export function useIndicators(ws: string, query: IndicatorsQuery) {
  return useQuery({
    queryKey: [...indicatorsKey(ws), 'list', query],
    queryFn: () => indicatorsApi.list(ws, query),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorLibrary(ws: string, query: LibraryQuery) {
  return useQuery({
    queryKey: [...indicatorsKey(ws), 'library', query],
    queryFn: () => indicatorsApi.library(ws, query),
    placeholderData: keepPreviousData,
  });
}

/** After a write: the workspace list and the built-in list (its `copiedAs`) both change. */
export function useRefreshIndicators(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: indicatorsKey(ws) });
}

/**
 * The server's check of a formula against the term names, with the formula it was made for (the
 * answer may be for an earlier text while the next one is checked). Kept a minute: typing back to
 * an earlier text shows its check at once.
 */
export function useFormulaCheck(ws: string, formula: string, names: string[]) {
  return useQuery({
    queryKey: [...wsKey(ws), 'check-formula', formula, names.join('\u0000')],
    queryFn: async ({ signal }): Promise<{ formula: string; result: FormulaCheck }> => ({
      formula,
      result: await indicatorsApi.checkFormula(ws, { formula, terms: names.filter((n) => n.trim() !== '') }, signal),
    }),
    enabled: formula.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Reads an indicator afresh (after a stale save: the form shows the latest one), and refreshes the lists. */
export function useReloadIndicator(ws: string) {
  const refresh = useRefreshIndicators(ws);
  return (id: string) => (void refresh(), indicatorsApi.get(ws, id));
}

/** Creates an indicator (no `id`) or updates one (based on `version`, unless the body names another); the indicator lists are refreshed. */
export function useSaveIndicator(ws: string, id: string | null, version?: number) {
  const refresh = useRefreshIndicators(ws);
  return useMutation({
    mutationFn: (body: CreateIndicatorBody | UpdateIndicatorBody): Promise<Indicator> =>
      id ? indicatorsApi.update(ws, id, { version, ...(body as UpdateIndicatorBody) }) : indicatorsApi.create(ws, body as CreateIndicatorBody),
    onSuccess: () => void refresh(),
  });
}

export type IndicatorAction = 'copy' | 'archive' | 'restore';

/** Copies, archives or restores a workspace indicator; the lists are refreshed however it ends. */
export function useIndicatorAction(ws: string) {
  const refresh = useRefreshIndicators(ws);
  return useMutation({
    mutationFn: ({ action, indicator }: { action: IndicatorAction; indicator: Indicator }) =>
      action === 'copy'
        ? indicatorsApi.copy(ws, indicator.id)
        : action === 'archive'
          ? indicatorsApi.archive(ws, indicator.id)
          : indicatorsApi.restore(ws, indicator.id),
    onSettled: () => void refresh(),
  });
}

/** Copies a built-in indicator into the workspace; the lists are refreshed however it ends. */
export function useCopyBuiltin(ws: string) {
  const refresh = useRefreshIndicators(ws);
  return useMutation({
    mutationFn: (item: LibraryIndicator) => indicatorsApi.copyBuiltin(ws, item.key),
    onSettled: () => void refresh(),
  });
}
