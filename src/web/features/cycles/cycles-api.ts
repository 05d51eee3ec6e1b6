/**
 * The appraisal-cycle endpoints (contracts/cycles.ts, contracts/cycle-results.ts), on top of
 * the shared typed client of api.ts.
 */
import type { z } from 'zod';
import type * as cres from '../../../contracts/cycle-results.ts';
import type * as cyc from '../../../contracts/cycles.ts';
import {
  type ActualsImportResult,
  type Appeal,
  type AppealResult,
  type Cycle,
  type CyclePreview,
  download,
  type Ok,
  type ParticipantDetail,
  type ParticipantResult,
  type ParticipantsPage,
  type Ranking,
  type RatingResult,
  request,
  type SyncResult,
  upload,
  type WhatIfResult,
} from '../../api.ts';

type In<T extends z.ZodType> = z.input<T>;
const w = (ws: string) => `/workspaces/${encodeURIComponent(ws)}`;
const c = (ws: string, id: string) => `${w(ws)}/cycles/${id}`;
const p = (ws: string, id: string, pid: string) => `${c(ws, id)}/participants/${pid}`;

/** A value of a closed (or open) cycle that the data would now give differently (GET /cycles/:id/metric-diff). */
export type DiffRow = {
  participantId: string;
  personId: string;
  personName: string;
  term: string;
  stored: number | null;
  source: string | null;
  current: number | null;
  metric: string;
  dataset: string;
};
export type MetricDiff = { state: string; rows: DiffRow[] };

export type ParticipantsQuery = { q?: string; unitId?: string; status?: 'complete' | 'incomplete' | 'invalid'; page?: number; pageSize?: number };
export type Transition = 'open' | 'calibrate' | 'back-to-open';
/** A cycle's settings: what a new cycle is given besides its period, and what its settings dialog saves. */
export type CycleSettings = In<typeof cyc.updateCycleInput>;
/** One change tried in the what-if panel: an indicator's actual (or rating), or its target. */
export type WhatIfChange = { key: string; actual?: number | null; target?: number };

export const cyclesApi = {
  list: (ws: string) => request<Cycle[]>('GET', `${w(ws)}/cycles`),
  get: (ws: string, id: string) => request<Cycle>('GET', c(ws, id)),
  create: (ws: string, body: In<typeof cyc.createCycleInput>) => request<Cycle>('POST', `${w(ws)}/cycles`, { body }),
  update: (ws: string, id: string, body: In<typeof cyc.updateCycleInput>) => request<Cycle>('PATCH', c(ws, id), { body }),
  remove: (ws: string, id: string) => request<Ok>('DELETE', c(ws, id)),
  preview: (ws: string, id: string) => request<CyclePreview>('GET', `${c(ws, id)}/preview`),
  transition: (ws: string, id: string, step: Transition) => request<Cycle>('POST', `${c(ws, id)}/${step}`),
  sync: (ws: string, id: string) => request<SyncResult>('POST', `${c(ws, id)}/sync`),
  close: (ws: string, id: string, allowIncomplete: boolean) => request<Cycle>('POST', `${c(ws, id)}/close`, { body: { allowIncomplete } }),
  reopen: (ws: string, id: string, reason: string) => request<Cycle>('POST', `${c(ws, id)}/reopen`, { body: { reason } }),
  recompute: (ws: string, id: string) => request<{ recomputed: number; cycle: Cycle }>('POST', `${c(ws, id)}/recompute`),
  /** What taking the metric-bound actuals from the data again would change. */
  metricDiff: (ws: string, id: string) => request<MetricDiff>('GET', `${c(ws, id)}/metric-diff`),
  /** Takes the metric-bound actuals of an open cycle from the data again. */
  refreshFromData: (ws: string, id: string) => request<{ refreshed: boolean }>('POST', `${c(ws, id)}/metric-refresh`),

  participants: (ws: string, id: string, query: ParticipantsQuery) =>
    request<ParticipantsPage>('GET', `${c(ws, id)}/participants`, { query }),
  participant: (ws: string, id: string, pid: string) => request<ParticipantDetail>('GET', p(ws, id, pid)),
  putActuals: (ws: string, id: string, pid: string, body: In<typeof cyc.putActualsInput>) =>
    request<ParticipantDetail>('PUT', `${p(ws, id, pid)}/actuals`, { body }),
  whatIf: (ws: string, id: string, pid: string, change: WhatIfChange) =>
    request<WhatIfResult>('POST', `${p(ws, id, pid)}/what-if`, { body: { change } }),

  rate: (ws: string, id: string, pid: string, key: string, who: 'self' | 'manager', body: In<typeof cres.ratingInput>) =>
    request<RatingResult>('PUT', `${p(ws, id, pid)}/ratings/${encodeURIComponent(key)}/${who}`, { body }),
  adjust: (ws: string, id: string, pid: string, body: In<typeof cres.adjustmentInput>) =>
    request<ParticipantResult>('PUT', `${p(ws, id, pid)}/adjustment`, { body }),
  removeAdjustment: (ws: string, id: string, pid: string, reason: string) =>
    request<ParticipantResult>('DELETE', `${p(ws, id, pid)}/adjustment`, { body: { reason } }),

  appeals: (ws: string, id: string, status?: Appeal['status']) => request<Appeal[]>('GET', `${c(ws, id)}/appeals`, { query: { status } }),
  createAppeal: (ws: string, id: string, pid: string, body: In<typeof cres.createAppealInput>) =>
    request<AppealResult>('POST', `${p(ws, id, pid)}/appeals`, { body }),
  acceptAppeal: (ws: string, id: string, appealId: string, body: In<typeof cres.acceptAppealInput>) =>
    request<AppealResult>('POST', `${c(ws, id)}/appeals/${appealId}/accept`, { body }),
  rejectAppeal: (ws: string, id: string, appealId: string, resolution: string) =>
    request<AppealResult>('POST', `${c(ws, id)}/appeals/${appealId}/reject`, { body: { resolution } }),

  ranking: (ws: string, id: string, unitId?: string) => request<Ranking>('GET', `${c(ws, id)}/ranking`, { query: { unitId } }),
  exportResults: (ws: string, id: string, unitId?: string) => download(`${c(ws, id)}/results.xlsx`, { unitId }, 'results.xlsx'),
  actualsTemplate: (ws: string, id: string) => download(`${c(ws, id)}/actuals/template.xlsx`, undefined, 'actuals.xlsx'),
  /** Uploads a filled actuals file (all or nothing), reporting the upload's progress (0–1). */
  importActuals: (ws: string, id: string, file: File, onProgress: (fraction: number) => void) =>
    upload<ActualsImportResult>(`${c(ws, id)}/actuals/import`, file, { onProgress }),
};
