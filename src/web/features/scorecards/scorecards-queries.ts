import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError, type ScorecardTemplate, type TargetGrid, type TemplatePeriod, type TemplateSummary } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';
import { fromCheck, fromDetails } from './issues.ts';
import { scorecardsApi, type TargetsQuery, type TemplateInput, type TemplatesQuery } from './scorecards-api.ts';

export const templatesKey = (ws: string) => [...wsKey(ws), 'scorecard-templates'] as const;
const targetsKey = (ws: string, id: string, query: TargetsQuery | null) => [...templatesKey(ws), 'targets', id, query] as const;

export function useTemplates(ws: string, query: TemplatesQuery) {
  return useQuery({ queryKey: [...templatesKey(ws), 'list', query], queryFn: () => scorecardsApi.list(ws, query), placeholderData: keepPreviousData });
}

export function useTemplate(ws: string, id: string | null) {
  return useQuery({ queryKey: [...templatesKey(ws), 'one', id], queryFn: () => scorecardsApi.get(ws, id as string), enabled: id !== null });
}

/** Reads a template afresh (after a stale save: the editor shows the latest one), and refreshes its lists, grids and assignments. */
export function useReloadTemplate(ws: string) {
  const queryClient = useQueryClient();
  return (id: string) => {
    void queryClient.invalidateQueries({ queryKey: templatesKey(ws), predicate: (q) => !(q.queryKey[3] === 'one' && q.queryKey[4] === id) });
    return queryClient.fetchQuery({ queryKey: [...templatesKey(ws), 'one', id], queryFn: () => scorecardsApi.get(ws, id), staleTime: 0 });
  };
}

export function useTargets(ws: string, id: string, query: TargetsQuery | null) {
  return useQuery({
    queryKey: targetsKey(ws, id, query),
    queryFn: () => scorecardsApi.targets(ws, id, query as TargetsQuery),
    enabled: query !== null,
  });
}

export function usePreview(ws: string, personId: string | null, period: string | null) {
  return useQuery({
    queryKey: [...templatesKey(ws), 'preview', personId, period],
    queryFn: () => scorecardsApi.preview(ws, personId as string, period as string),
    enabled: personId !== null && period !== null,
    retry: false,
  });
}

/**
 * The design check of a card (its fingerprint, the JSON of the card): the located issues. A card
 * the API cannot even read (an empty required number…) gives its located errors too. Kept for
 * good: the same card always checks the same.
 */
export function useDesignCheck(ws: string, fingerprint: string, enabled: boolean) {
  return useQuery({
    queryKey: [...templatesKey(ws), 'check', fingerprint],
    queryFn: async ({ signal }) => {
      try {
        return fromCheck(await scorecardsApi.check(ws, JSON.parse(fingerprint), signal));
      } catch (e) {
        if (isApiError(e) && e.status === 400 && e.details.length > 0) return fromDetails(e.details);
        throw e;
      }
    },
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

/** The workspace's active indicators, to add to a card (a library of a few hundred at most). */
export function useIndicatorChoices(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: [...wsKey(ws), 'indicators', 'choices'],
    queryFn: () => scorecardsApi.indicatorChoices(ws),
    enabled,
    staleTime: 60_000,
  });
}

/** Active people matching what is typed (pickers search on the server: people can be many). */
export function usePeopleSearch(ws: string, q: string, enabled = true) {
  return useQuery({
    queryKey: [...wsKey(ws), 'people-search', q],
    queryFn: () => scorecardsApi.searchPeople(ws, q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  });
}

/** After a write: every list, template, grid and preview of the workspace's templates. */
export function useRefreshTemplates(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: templatesKey(ws) });
}

type SaveReactions = {
  onMutate: () => void;
  onSuccess: (saved: ScorecardTemplate) => void;
  onError: (error: Error) => void;
};

/**
 * Creates the template (none yet) or updates it; its period is sent only when it changed. The
 * editor's reactions run as the mutation's own callbacks, so that they see the editor as it is.
 */
export function useSaveTemplate(ws: string, template: ScorecardTemplate | null, on: SaveReactions) {
  const refresh = useRefreshTemplates(ws);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, version, ...body }: TemplateInput & { version?: number }) => {
      if (!template) return scorecardsApi.create(ws, { ...body, period });
      // the version it was loaded with (or the one the user chose to overwrite): a change saved meanwhile by someone else is a 409, not overwritten
      return scorecardsApi.update(ws, template.id, { ...body, ...(period !== template.period ? { period } : {}), version: version ?? template.version });
    },
    onMutate: on.onMutate,
    onSuccess: (saved) => {
      // the next save is based on this version at once, not after the refetch
      queryClient.setQueryData([...templatesKey(ws), 'one', saved.id], saved);
      void refresh();
      on.onSuccess(saved);
    },
    onError: on.onError,
  });
}

/** Downloads a template as a kedu.scorecard/v1 file. */
export function useExportTemplate(ws: string) {
  return useMutation({ mutationFn: (template: { id: string; name: string }) => scorecardsApi.exportFile(ws, template.id, template.name) });
}

export type TemplateAction = 'copy' | 'archive' | 'restore' | 'export';

/**
 * Exports, copies, archives or restores a template of the list; what it resolves to is the copy,
 * the archived or restored template (null for an export). Every one but an export changes the list.
 */
export function useTemplateAction(ws: string) {
  const refresh = useRefreshTemplates(ws);
  return useMutation({
    mutationFn: async ({ action, template }: { action: TemplateAction; template: TemplateSummary }) => {
      if (action === 'export') return scorecardsApi.exportFile(ws, template.id, template.name).then(() => null);
      if (action === 'copy') return scorecardsApi.copy(ws, template.id);
      return action === 'archive' ? scorecardsApi.archive(ws, template.id) : scorecardsApi.restore(ws, template.id);
    },
    onSettled: (_r, _e, { action }) => {
      if (action !== 'export') void refresh();
    },
  });
}

/** What to import: a chosen file's JSON, or the message to show when no readable file is chosen. */
export type ImportRequest = { json: unknown; name?: string; period?: TemplatePeriod } | { missing: string };

/** Imports a kedu.scorecard/v1 file as a new template; the lists then show it. */
export function useImportTemplate(ws: string) {
  const refresh = useRefreshTemplates(ws);
  return useMutation({
    mutationFn: async (request: ImportRequest) => {
      if ('missing' in request) throw new Error(request.missing);
      return scorecardsApi.importFile(ws, request.json, { name: request.name, period: request.period });
    },
    onSuccess: () => void refresh(),
  });
}

/** Sets who gets the template: positions (every holder) and people directly. */
export function useSaveAssignments(ws: string, templateId: string, version: number) {
  const refresh = useRefreshTemplates(ws);
  return useMutation({
    mutationFn: (body: { positionIds: string[]; personIds: string[]; version?: number }) => scorecardsApi.assign(ws, templateId, { version, ...body }),
    onSuccess: () => void refresh(),
  });
}

/**
 * Saving one owner's year of targets, for the grid editor (which runs the request itself): `send`
 * the changed cells; once `saved`, the grid shows the server's answer and the previews, whose
 * targets may come from it, are asked again.
 */
export function useTargetsWriter(ws: string, templateId: string, query: TargetsQuery) {
  const queryClient = useQueryClient();
  return {
    /** `version`: the template's, as the grid was loaded with it (a stale one is a 409). */
    send: (values: Record<string, Record<string, number | null>>, version: number) => scorecardsApi.setTargets(ws, templateId, { ...query, values, version }),
    /** Reads the grid (and the template) afresh: after a stale save, the latest targets replace the edit. */
    reload: () => Promise.all([queryClient.invalidateQueries({ queryKey: targetsKey(ws, templateId, query) }), queryClient.invalidateQueries({ queryKey: [...templatesKey(ws), 'one', templateId] })]),
    saved: (fresh: TargetGrid) => {
      queryClient.setQueryData(targetsKey(ws, templateId, query), fresh);
      void queryClient.invalidateQueries({ queryKey: [...templatesKey(ws), 'preview'] });
      // the targets are part of the template: its version moved, for its editor and the other owners' grids
      void queryClient.invalidateQueries({ queryKey: [...templatesKey(ws), 'one', templateId] });
      const current = JSON.stringify(targetsKey(ws, templateId, query));
      void queryClient.invalidateQueries({ queryKey: [...templatesKey(ws), 'targets', templateId], predicate: (q) => JSON.stringify(q.queryKey) !== current });
    },
  };
}
