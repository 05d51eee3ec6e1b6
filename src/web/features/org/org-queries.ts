import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PeopleQuery, Person, Unit } from '../../api.ts';
import { type CreatePersonBody, type CreateUnitBody, orgApi, type UpdatePersonBody, type UpdateUnitBody } from './org-api.ts';

/** Everything of one workspace lives under ['ws', slug, …] so a write can refresh it at once. */
export const wsKey = (ws: string) => ['ws', ws] as const;

export function useUnits(ws: string) {
  return useQuery({ queryKey: [...wsKey(ws), 'units'], queryFn: () => orgApi.units.list(ws) });
}

export function usePositions(ws: string) {
  return useQuery({ queryKey: [...wsKey(ws), 'positions'], queryFn: () => orgApi.positions(ws) });
}

export function usePeople(ws: string, query: PeopleQuery) {
  return useQuery({
    queryKey: [...wsKey(ws), 'people', query],
    queryFn: () => orgApi.people.list(ws, query),
    placeholderData: keepPreviousData,
  });
}

/** The first active people whose name matches `q` (a person picker: people can be many, so the server searches). */
export function usePeopleSearch(ws: string, q: string) {
  return useQuery({
    queryKey: [...wsKey(ws), 'people-search', q],
    queryFn: () => orgApi.people.list(ws, { q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/**
 * After a write in the organisation: units (headcounts, leads), people and positions
 * (headcounts) all depend on each other, so refresh the workspace's queries.
 */
export function useRefreshWorkspace(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: wsKey(ws) });
}

/**
 * Reads a unit (from the list: units have no GET of one) or a person afresh, after a stale save:
 * the form shows the latest record. The rest of the workspace is refreshed too.
 */
export function useReloadOrg(ws: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshWorkspace(ws);
  return {
    unit: async (id: string) => {
      const list = await queryClient.fetchQuery({ queryKey: [...wsKey(ws), 'units'], queryFn: () => orgApi.units.list(ws), staleTime: 0 });
      void refresh();
      return list.find((u) => u.id === id) ?? null;
    },
    person: (id: string) => (void refresh(), orgApi.people.get(ws, id)),
  };
}

/**
 * Creates a unit (no `id`) or updates one. A null input (the form did not parse) resolves to
 * null without a request; a saved unit refreshes the workspace.
 */
export function useSaveUnit(ws: string, id: string | null, version?: number) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({
    mutationFn: async (input: CreateUnitBody | UpdateUnitBody | null): Promise<Unit | null> => {
      if (!input) return null;
      return id ? orgApi.units.update(ws, id, { version, ...(input as UpdateUnitBody) }) : orgApi.units.create(ws, input as CreateUnitBody);
    },
    onSuccess: (unit) => {
      if (unit) void refresh();
    },
  });
}

/** Deactivates or reactivates a unit (the caller refreshes once it has shown the outcome). */
export function useSetUnitStatus(ws: string) {
  return useMutation({
    mutationFn: ({ unit, status }: { unit: Unit; status: 'active' | 'inactive' }) => orgApi.units.update(ws, unit.id, { status, version: unit.version }),
  });
}

/** Deletes a unit (the caller refreshes once it has shown the outcome). */
export function useDeleteUnit(ws: string) {
  return useMutation({ mutationFn: (unit: Unit) => orgApi.units.remove(ws, unit.id) });
}

/**
 * Creates a person (no `id`) or updates one. A null input (the form did not parse) resolves to
 * null without a request; a saved person refreshes the workspace.
 */
export function useSavePerson(ws: string, id: string | null, version?: number) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({
    mutationFn: async (input: CreatePersonBody | UpdatePersonBody | null): Promise<Person | null> => {
      if (!input) return null;
      return id ? orgApi.people.update(ws, id, { version, ...(input as UpdatePersonBody) }) : orgApi.people.create(ws, input as CreatePersonBody);
    },
    onSuccess: (person) => {
      if (person) void refresh();
    },
  });
}

/** Marks a person as left on a date; the workspace is refreshed. */
export function useMarkPersonLeft(ws: string) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({
    mutationFn: ({ p, leftOn }: { p: Person; leftOn: string }) => orgApi.people.update(ws, p.id, { status: 'left', leftOn, version: p.version }),
    onSuccess: () => void refresh(),
  });
}

/** Makes a person who left active again; the workspace is refreshed. */
export function useReactivatePerson(ws: string) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({
    mutationFn: (p: Person) => orgApi.people.update(ws, p.id, { status: 'active', leftOn: null, version: p.version }),
    onSuccess: () => void refresh(),
  });
}

/** Downloads the people the filters select as .xlsx. */
export function useExportPeople(ws: string) {
  return useMutation({ mutationFn: (filters: PeopleQuery) => orgApi.people.export(ws, filters) });
}

/** Imports people from a file: a dry run reports, the real run writes and refreshes the workspace. */
export function useImportPeople(ws: string) {
  const refresh = useRefreshWorkspace(ws);
  return useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => orgApi.people.import(ws, f, dryRun),
    onSuccess: (_result, { dryRun }) => {
      if (!dryRun) void refresh();
    },
  });
}
