import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type IndicatorsQuery } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';

const indicatorsKey = (ws: string) => [...wsKey(ws), 'indicators'] as const;

export function useIndicators(ws: string, query: IndicatorsQuery) {
  return useQuery({
    queryKey: [...indicatorsKey(ws), 'list', query],
    queryFn: () => api.indicators.list(ws, query),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorLibrary(ws: string, query: { q?: string; perspective?: IndicatorsQuery['perspective'] }) {
  return useQuery({
    queryKey: [...indicatorsKey(ws), 'library', query],
    queryFn: () => api.indicators.library(ws, query),
    placeholderData: keepPreviousData,
  });
}

/** After a write: the workspace list and the built-in list (its `copiedAs`) both change. */
export function useRefreshIndicators(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: indicatorsKey(ws) });
}
