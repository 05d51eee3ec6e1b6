/**
 * Calls of the scorecard templates API (src/contracts/scorecards.ts), on top of the shared
 * typed client of api.ts.
 */
import type { z } from 'zod';
import type * as sc from '../../../contracts/scorecards.ts';
import {
  type CardCheck,
  download,
  request,
  type ScorecardPreview,
  type ScorecardTemplate,
  type TargetGrid,
  type TemplateCard,
  type TemplatePeriod,
  type TemplateSummary,
} from '../../api.ts';

const w = (ws: string) => `/workspaces/${encodeURIComponent(ws)}`;
const t = (ws: string, id?: string) => `${w(ws)}/scorecard-templates${id ? `/${id}` : ''}`;

export type TemplatesQuery = { q?: string; status?: 'active' | 'archived' | 'all'; period?: TemplatePeriod };
export type OwnerKind = 'position' | 'person';
export type TargetsQuery = { year: number; ownerKind: OwnerKind; ownerId: string };
export type TemplateInput = { name: string; description: string; period: TemplatePeriod; card: TemplateCard };
type In<T extends z.ZodType> = z.input<T>;

export const scorecardApi = {
  list: (ws: string, query: TemplatesQuery) => request<TemplateSummary[]>('GET', t(ws), { query }),
  get: (ws: string, id: string) => request<ScorecardTemplate>('GET', t(ws, id)),
  create: (ws: string, body: TemplateInput) => request<ScorecardTemplate>('POST', t(ws), { body }),
  update: (ws: string, id: string, body: Partial<TemplateInput>) => request<ScorecardTemplate>('PATCH', t(ws, id), { body }),
  copy: (ws: string, id: string, name?: string) => request<ScorecardTemplate>('POST', `${t(ws, id)}/copy`, { body: name ? { name } : {} }),
  archive: (ws: string, id: string) => request<ScorecardTemplate>('POST', `${t(ws, id)}/archive`),
  restore: (ws: string, id: string) => request<ScorecardTemplate>('POST', `${t(ws, id)}/restore`),
  check: (ws: string, card: unknown, signal?: AbortSignal) => request<CardCheck>('POST', `${t(ws)}/check`, { body: { card }, signal }),
  exportFile: (ws: string, id: string, name: string) => download(`${t(ws, id)}/export`, undefined, `${name}.scorecard.json`),
  importFile: (ws: string, file: unknown, query: { name?: string; period?: TemplatePeriod }) =>
    request<ScorecardTemplate>('POST', `${t(ws)}/import`, { body: file, query }),
  assign: (ws: string, id: string, body: In<typeof sc.setAssignmentsInput>) => request<ScorecardTemplate>('PUT', `${t(ws, id)}/assignments`, { body }),
  targets: (ws: string, id: string, query: TargetsQuery) => request<TargetGrid>('GET', `${t(ws, id)}/targets`, { query }),
  setTargets: (ws: string, id: string, body: TargetsQuery & { values: Record<string, Record<string, number | null>> }) =>
    request<TargetGrid>('PUT', `${t(ws, id)}/targets`, { body }),
  preview: (ws: string, personId: string, period: string) => request<ScorecardPreview>('GET', `${w(ws)}/scorecard-preview`, { query: { personId, period } }),
};
