import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';
import { scorecardApi, type TargetsQuery, type TemplatesQuery } from './scorecard-api.ts';

export const templatesKey = (ws: string) => [...wsKey(ws), 'scorecard-templates'] as const;

export function useTemplates(ws: string, query: TemplatesQuery) {
  return useQuery({ queryKey: [...templatesKey(ws), 'list', query], queryFn: () => scorecardApi.list(ws, query), placeholderData: keepPreviousData });
}

export function useTemplate(ws: string, id: string | null) {
  return useQuery({ queryKey: [...templatesKey(ws), 'one', id], queryFn: () => scorecardApi.get(ws, id as string), enabled: id !== null });
}

export function useTargets(ws: string, id: string, query: TargetsQuery | null) {
  return useQuery({
    queryKey: [...templatesKey(ws), 'targets', id, query],
    queryFn: () => scorecardApi.targets(ws, id, query as TargetsQuery),
    enabled: query !== null,
  });
}

export function usePreview(ws: string, personId: string | null, period: string | null) {
  return useQuery({
    queryKey: [...templatesKey(ws), 'preview', personId, period],
    queryFn: () => scorecardApi.preview(ws, personId as string, period as string),
    enabled: personId !== null && period !== null,
    retry: false,
  });
}

/** The workspace's active indicators, to add to a card (a library of a few hundred at most). */
export function useIndicatorChoices(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: [...wsKey(ws), 'indicators', 'choices'],
    queryFn: () => api.indicators.list(ws, { status: 'active', pageSize: 200 }),
    enabled,
    staleTime: 60_000,
  });
}

/** After a write: every list, template, grid and preview of the workspace's templates. */
export function useRefreshTemplates(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: templatesKey(ws) });
}
