/**
 * Calls of the scorecard templates API (src/contracts/scorecards.ts), on top of the shared
 * typed client of api.ts; and the people and indicator lists a template is built from.
 */
import type { z } from 'zod';
import type * as sc from '../../../contracts/scorecards.ts';
import {
  type CardCheck,
  download,
  get,
  type IndicatorsPage,
  type PeoplePage,
  request,
  type ScorecardPreview,
  type ScorecardTemplate,
  type TargetGrid,
  type TemplateCard,
  type TemplatePeriod,
  type TemplateSummary,
  workspacePath,
} from '../../api.ts';

const w = workspacePath;
const t = (ws: string, id?: string) => `${w(ws)}/scorecard-templates${id ? `/${id}` : ''}`;

export type TemplatesQuery = { q?: string; status?: 'active' | 'archived' | 'all'; period?: TemplatePeriod };
export type OwnerKind = 'position' | 'person';
export type TargetsQuery = { year: number; ownerKind: OwnerKind; ownerId: string };
export type TemplateInput = { name: string; description: string; period: TemplatePeriod; card: TemplateCard };
type In<T extends z.ZodType> = z.input<T>;

export const scorecardsApi = {
  list: (ws: string, query: TemplatesQuery) => request<TemplateSummary[]>('GET', t(ws), { query }),
  get: (ws: string, id: string) => request<ScorecardTemplate>('GET', t(ws, id)),
  create: (ws: string, body: TemplateInput) => request<ScorecardTemplate>('POST', t(ws), { body }),
  update: (ws: string, id: string, body: Partial<TemplateInput> & { version?: number }) => request<ScorecardTemplate>('PATCH', t(ws, id), { body }),
  copy: (ws: string, id: string, name?: string) => request<ScorecardTemplate>('POST', `${t(ws, id)}/copy`, { body: name ? { name } : {} }),
  archive: (ws: string, id: string) => request<ScorecardTemplate>('POST', `${t(ws, id)}/archive`),
  restore: (ws: string, id: string) => request<ScorecardTemplate>('POST', `${t(ws, id)}/restore`),
  check: (ws: string, card: unknown, signal?: AbortSignal) => request<CardCheck>('POST', `${t(ws)}/check`, { body: { card }, signal }),
  exportFile: (ws: string, id: string, name: string) => download(`${t(ws, id)}/export`, undefined, `${name}.scorecard.json`),
  importFile: (ws: string, file: unknown, query: { name?: string; period?: TemplatePeriod }) =>
    request<ScorecardTemplate>('POST', `${t(ws)}/import`, { body: file, query }),
  assign: (ws: string, id: string, body: In<typeof sc.setAssignmentsInput>) => request<ScorecardTemplate>('PUT', `${t(ws, id)}/assignments`, { body }),
  targets: (ws: string, id: string, query: TargetsQuery) => request<TargetGrid>('GET', `${t(ws, id)}/targets`, { query }),
  setTargets: (ws: string, id: string, body: TargetsQuery & { values: Record<string, Record<string, number | null>>; version?: number }) =>
    request<TargetGrid>('PUT', `${t(ws, id)}/targets`, { body }),
  preview: (ws: string, personId: string, period: string) => request<ScorecardPreview>('GET', `${w(ws)}/scorecard-preview`, { query: { personId, period } }),
  /** The first active people whose name matches `q` (a picker's suggestions). */
  searchPeople: (ws: string, q: string) => get<PeoplePage>(`${w(ws)}/people`, { q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }),
  /** The workspace's active indicators, to add to a card. */
  indicatorChoices: (ws: string) => get<IndicatorsPage>(`${w(ws)}/indicators`, { status: 'active', pageSize: 200 }),
};
