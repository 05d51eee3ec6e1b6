/** The organisation endpoints (units, people; contracts/org.ts), on top of the shared typed client of api.ts. */
import type { z } from 'zod';
import type * as org from '../../../contracts/org.ts';
import {
  del,
  download,
  get,
  type ImportResult,
  patch,
  type PeoplePage,
  type PeopleQuery,
  type Person,
  type Position,
  post,
  request,
  type Unit,
  workspacePath,
} from '../../api.ts';

type In<T extends z.ZodType> = z.input<T>;
export type CreateUnitBody = In<typeof org.createUnitInput>;
export type UpdateUnitBody = In<typeof org.updateUnitInput>;
export type CreatePersonBody = In<typeof org.createPersonInput>;
export type UpdatePersonBody = In<typeof org.updatePersonInput>;

const units = (ws: string) => `${workspacePath(ws)}/units`;
const people = (ws: string) => `${workspacePath(ws)}/people`;

export const orgApi = {
  units: {
    list: (ws: string) => get<Unit[]>(units(ws)),
    create: (ws: string, body: CreateUnitBody) => post<Unit>(units(ws), body),
    update: (ws: string, id: string, body: UpdateUnitBody) => patch<Unit>(`${units(ws)}/${id}`, body),
    remove: (ws: string, id: string) => del(`${units(ws)}/${id}`),
  },
  people: {
    list: (ws: string, query: PeopleQuery) => get<PeoplePage>(people(ws), query),
    get: (ws: string, id: string) => get<Person>(`${people(ws)}/${id}`),
    create: (ws: string, body: CreatePersonBody) => post<Person>(people(ws), body),
    update: (ws: string, id: string, body: UpdatePersonBody) => patch<Person>(`${people(ws)}/${id}`, body),
    import: (ws: string, file: File, dryRun: boolean) => {
      const form = new FormData();
      form.append('file', file);
      return request<ImportResult>('POST', `${people(ws)}/import`, { form, query: { dryRun } });
    },
    export: (ws: string, query: PeopleQuery) => download(`${people(ws)}/export`, query, 'people.xlsx'),
    template: (ws: string) => download(`${people(ws)}/import-template`, undefined, 'people-template.xlsx'),
  },
  /** The positions to pick from in the person form (the positions feature owns their editing). */
  positions: (ws: string) => get<Position[]>(`${workspacePath(ws)}/positions`),
};
